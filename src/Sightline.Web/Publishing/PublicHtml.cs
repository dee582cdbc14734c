using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Sightline.Compliance;
using Sightline.Data.Publishing;
using Sightline.Publishing;

namespace Sightline.Web.Publishing;

/// <summary>
/// The public site's pages, written as whole HTML documents (rendered once per freshness key and cached as bytes, which a
/// Razor page's per-request rendering would not allow). Every value is encoded; no script, no inline style, only our
/// stylesheet, so the site's CSP holds unchanged. Nothing here is given an address, MAC, serial, firmware or note to show.
/// </summary>
public static class PublicHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The organisation's page: its contact point, its systems with their counts, when the register last changed.</summary>
    public static string Organisation(PublicSnapshot snapshot)
    {
        var o = snapshot.Organisation;
        var html = Start(o.Name, $"Surveillance cameras of {o.Name}");
        html.Append("<p class=\"lead\">The surveillance camera systems ").Append(E(o.Name))
            .Append(" operates, what they are for, who made their cameras and how they meet the Surveillance Camera Code of Practice.</p>\n");
        html.Append("<dl class=\"facts\">\n");
        Fact(html, "Contact", o.ContactPoint ?? "not recorded");
        Fact(html, "Last changed", Day(o.LastChanged));
        html.Append("</dl>\n");
        html.Append("<table>\n<caption>Systems</caption>\n<thead><tr><th scope=\"col\">System</th><th scope=\"col\">Type</th>")
            .Append("<th scope=\"col\" class=\"number\">Cameras</th><th scope=\"col\" class=\"number\">Other devices</th></tr></thead>\n<tbody>\n");
        foreach (var system in o.Systems)
        {
            html.Append("<tr><td><a href=\"/public/systems/").Append(system.Id.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(E(system.Name))
                .Append("</a></td><td>").Append(E(system.Type)).Append("</td><td class=\"number\">").Append(N(system.Cameras))
                .Append("</td><td class=\"number\">").Append(N(system.OtherDevices)).Append("</td></tr>\n");
        }
        if (o.Systems.Count == 0)
        {
            html.Append("<tr><td colspan=\"4\">No systems are registered.</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        html.Append("<p>The register is also published as <a href=\"/public/open-data/\">open data</a> under the ").Append(E(o.Licence)).Append(".</p>\n");
        return End(html, snapshot);
    }

    /// <summary>One system's page.</summary>
    public static string System(PublicSnapshot snapshot, PublicSystem s)
    {
        var html = Start(s.Name, s.Name);
        html.Append("<p><a href=\"/public\">").Append(E(snapshot.Organisation.Name)).Append("</a></p>\n");
        html.Append("<dl class=\"facts\">\n");
        Fact(html, "Type", s.Type);
        Fact(html, "Watches public space", s.PublicSpace ? "yes" : "no");
        Withholdable(html, s, PublicField.Purposes, "Purposes", s.Purposes is { Count: > 0 } purposes ? string.Join("; ", purposes) : null);
        Withholdable(html, s, PublicField.LawfulBasis, "Lawful basis", s.LawfulBasis);
        Withholdable(html, s, PublicField.Controller, "Controller", s.Controller);
        if (s.JointControllers is { Count: > 0 } joint)
        {
            Fact(html, "Joint controllers", string.Join("; ", joint));
        }
        Withholdable(html, s, PublicField.Retention, "Recordings kept", s.RetentionDays is { } days ? $"{days.ToString(CultureInfo.InvariantCulture)} days" : null);
        Fact(html, "Cameras", N(s.Cameras));
        Fact(html, "Other devices", N(s.OtherDevices));
        Fact(html, "Locations published", PublishedLocation.Describe(s.Location));
        Fact(html, "Last changed", Day(s.LastChanged));
        html.Append("</dl>\n");

        html.Append("<h2>Who made the cameras</h2>\n");
        if (s.Makers is null)
        {
            html.Append("<p>Withheld (see below).</p>\n");
        }
        else if (s.Makers.Count == 0)
        {
            html.Append("<p>No cameras are published for this system.</p>\n");
        }
        else
        {
            html.Append("<p>The platform maker is the company whose hardware and firmware the camera is built on, as the register identified it; ")
                .Append("the brand is the name it was sold under. Where they differ the camera is a white label.</p>\n");
            html.Append("<table>\n<thead><tr><th scope=\"col\">Platform maker</th><th scope=\"col\">Brand as sold</th><th scope=\"col\">White label</th>")
                .Append("<th scope=\"col\" class=\"number\">Cameras</th></tr></thead>\n<tbody>\n");
            foreach (var m in s.Makers)
            {
                html.Append("<tr><td>").Append(E(m.Maker ?? "unknown")).Append("</td><td>").Append(E(m.Brand ?? "unknown")).Append("</td><td>")
                    .Append(m.WhiteLabel ? "yes" : "no").Append("</td><td class=\"number\">").Append(N(m.Cameras)).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<h2>Compliance with the Surveillance Camera Code of Practice</h2>\n");
        if (s.Compliance is null)
        {
            html.Append("<p>Withheld (see below).</p>\n");
        }
        else
        {
            html.Append("<p>What the register shows for each of the Code's 12 principles: met, needs attention, or not evidenced (nothing recorded shows it met).</p>\n");
            html.Append("<table>\n<thead><tr><th scope=\"col\">Principle</th><th scope=\"col\">Status</th></tr></thead>\n<tbody>\n");
            foreach (var (principle, status) in s.Compliance)
            {
                html.Append("<tr><td>").Append(principle.Number.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(E(principle.Title))
                    .Append("</td><td>").Append(StatusText(status)).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        }

        html.Append("<h2>Self-assessment</h2>\n");
        if (s.SelfAssessment is { } a)
        {
            html.Append("<p>").Append(E(a.Title)).Append(" (").Append(E(a.QuestionSet)).Append("), signed off ").Append(Day(a.SignedOff))
                .Append(", published ").Append(Day(a.Published)).Append('.').Append(a.Stale ? " <strong>It is out of date.</strong>" : "").Append("</p>\n");
            html.Append("<table>\n<thead><tr><th scope=\"col\">Principle</th><th scope=\"col\" class=\"number\">Yes</th><th scope=\"col\" class=\"number\">Partly</th>")
                .Append("<th scope=\"col\" class=\"number\">No</th><th scope=\"col\" class=\"number\">Not applicable</th></tr></thead>\n<tbody>\n");
            foreach (var p in a.Principles)
            {
                html.Append("<tr><td>").Append(p.Number.ToString(CultureInfo.InvariantCulture)).Append(". ").Append(E(p.Title)).Append("</td><td class=\"number\">")
                    .Append(N(p.Yes)).Append("</td><td class=\"number\">").Append(N(p.Partly)).Append("</td><td class=\"number\">").Append(N(p.No))
                    .Append("</td><td class=\"number\">").Append(N(p.NotApplicable)).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        }
        else
        {
            html.Append("<p>").Append(s.WithheldFields.Contains(PublicField.SelfAssessment) ? "Withheld (see below)." : "None is published.").Append("</p>\n");
        }

        html.Append("<h2>Data protection impact assessment</h2>\n");
        if (s.Dpia is { } d)
        {
            html.Append("<dl class=\"facts\">\n");
            Fact(html, "Regime", d.Regime ?? "not recorded");
            Fact(html, "Risks identified", N(d.Risks));
            Fact(html, "Residual risk", d.ResidualRisk ?? "not recorded");
            Fact(html, "Signed off", Day(d.SignedOff));
            Fact(html, "Review due", d.ReviewDue?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "not set");
            html.Append("</dl>\n");
        }
        else
        {
            html.Append("<p>").Append(s.WithheldFields.Contains(PublicField.Dpia) ? "Withheld (see below)." : "No signed-off DPIA is published.").Append("</p>\n");
        }

        html.Append("<h2 id=\"withheld\">Information withheld</h2>\n");
        if (s.Withheld.Count == 0)
        {
            html.Append("<p>Nothing about this system is withheld.</p>\n");
        }
        else
        {
            html.Append("<table>\n<thead><tr><th scope=\"col\">What</th><th scope=\"col\">Why (exemption relied on)</th><th scope=\"col\">Next review</th></tr></thead>\n<tbody>\n");
            foreach (var w in s.Withheld)
            {
                html.Append("<tr><td>").Append(E(w.What)).Append("</td><td>").Append(E(w.Basis)).Append("</td><td>")
                    .Append(E(w.Review?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) ?? "")).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        }
        html.Append("<p>This system's devices are in the <a href=\"/public/open-data/\">open data</a>.</p>\n");
        return End(html, snapshot);
    }

    /// <summary>The open data's index: the files, their schemas and the licence.</summary>
    public static string OpenData(PublicSnapshot snapshot)
    {
        var o = snapshot.Organisation;
        var html = Start($"Open data: {o.Name}", "Open data");
        html.Append("<p><a href=\"/public\">").Append(E(o.Name)).Append("</a></p>\n");
        html.Append("<p>The register's published devices and systems, with every location generalised or withheld as the organisation decided, ")
            .Append("under the ");
        if (o.LicenceUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var link) && link.Scheme is "https" or "http")
        {
            html.Append("<a href=\"").Append(E(link.AbsoluteUri)).Append("\">").Append(E(o.Licence)).Append("</a>");
        }
        else
        {
            html.Append(E(o.Licence));
        }
        html.Append(" (<a href=\"/public/open-data/licence.txt\">licence statement</a>).</p>\n");
        html.Append("<table>\n<thead><tr><th scope=\"col\">File</th><th scope=\"col\">What it holds</th><th scope=\"col\">Schema</th></tr></thead>\n<tbody>\n");
        foreach (var (file, what, schema) in OpenDataEndpoints.Files)
        {
            html.Append("<tr><td><a href=\"/public/open-data/").Append(file).Append("\">").Append(file).Append("</a></td><td>").Append(E(what)).Append("</td><td>");
            if (schema is not null)
            {
                html.Append("<a href=\"/public/open-data/").Append(schema).Append("\">").Append(schema).Append("</a>");
            }
            html.Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        html.Append("<p>Locations: <strong>exact</strong> as recorded; <strong>street</strong> rounded to 3 decimal places of a degree (about 100 m); ")
            .Append("<strong>area</strong> rounded to 2 decimal places (about 1 km); <strong>hidden</strong> not published. ")
            .Append("The OpenStreetMap file holds only cameras published at their exact location.</p>\n");
        return End(html, snapshot);
    }

    /// <summary>The licence statement, as plain text.</summary>
    public static string Licence(PublicSnapshot snapshot)
    {
        var o = snapshot.Organisation;
        var text = new StringBuilder();
        text.Append("Open data of ").Append(o.Name).Append(": its register of surveillance camera systems and devices.\n\n")
            .Append("Licence: ").Append(o.Licence).Append('\n');
        if (o.LicenceUrl is { } url)
        {
            text.Append("Licence text: ").Append(url).Append('\n');
        }
        text.Append("Attribution: contains information from ").Append(o.Name).Append(" published under the ").Append(o.Licence).Append(".\n");
        if (o.ContactPoint is { } contact)
        {
            text.Append("Contact: ").Append(contact).Append('\n');
        }
        text.Append("\nSome locations are generalised or withheld, and some fields withheld, under exemptions the organisation records;\n")
            .Append("each system's public page says what and why.\n");
        return text.ToString();
    }

    /// <summary>The page for a request the public site cannot answer.</summary>
    public static string NotFound(string message)
    {
        var html = Start("Not found", "Not found");
        html.Append("<p>").Append(E(message)).Append("</p>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static StringBuilder Start(string title, string heading)
    {
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<link rel=\"stylesheet\" href=\"/site.css\">\n</head>\n<body class=\"public\">\n")
            .Append("<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header class=\"top\"><a class=\"brand\" href=\"/public\">Public register</a>")
            .Append("<nav aria-label=\"Public register\"><ul><li><a href=\"/public\">Systems</a></li><li><a href=\"/public/open-data/\">Open data</a></li></ul></nav></header>\n")
            .Append("<main id=\"main\">\n<h1>").Append(E(heading)).Append("</h1>\n");
        return html;
    }

    private static string End(StringBuilder html, PublicSnapshot snapshot)
    {
        html.Append("</main>\n<footer><p>Published by ").Append(E(snapshot.Organisation.Name)).Append(" under the ").Append(E(snapshot.Organisation.Licence))
            .Append(". Made with Sightline.</p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Fact(StringBuilder html, string name, string value) =>
        html.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");

    // A value the rules withhold is null: the page says so and points to the reason.
    private static void Withholdable(StringBuilder html, PublicSystem system, PublicField field, string name, string? value)
    {
        if (system.WithheldFields.Contains(field))
        {
            html.Append("<dt>").Append(E(name)).Append("</dt><dd><a href=\"#withheld\">Withheld</a></dd>\n");
        }
        else
        {
            Fact(html, name, value ?? "not recorded");
        }
    }

    private static string StatusText(FindingStatus status) => status switch
    {
        FindingStatus.Met => "met",
        FindingStatus.Attention => "needs attention",
        _ => "not evidenced",
    };

    private static string Day(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "never";

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string E(string text) => Encoder.Encode(text);
}
