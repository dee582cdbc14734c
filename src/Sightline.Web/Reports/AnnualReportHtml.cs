using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Sightline.Compliance;
using Sightline.Data.Reports;
using Sightline.Register;

namespace Sightline.Web.Reports;

/// <summary>
/// The annual report (Code of Practice principle 10) laid out as a council would publish it: one self-contained HTML
/// page (style inline, no scripts, no images, nothing fetched), every value HTML-encoded, tables that scroll on a phone
/// and break cleanly in print. The PDF is printed from this page.
/// </summary>
public static class AnnualReportHtml
{
    // Keeps letters readable in the file (é, —) while encoding everything HTML gives meaning to.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1b1b1b; max-width: 56rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.6rem; margin-bottom: .25rem; } h2 { font-size: 1.3rem; margin-top: 2.25rem; border-bottom: 2px solid #1d4f91; }
        h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; } .wide { overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; } th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        th { background: #eef2f7; } td.n { text-align: right; white-space: nowrap; } ul { margin: .25rem 0; padding-left: 1.25rem; }
        dl.facts { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: .2rem .75rem; } dl.facts dt { font-weight: bold; } dl.facts dd { margin: 0; }
        .met { color: #1e6b30; font-weight: bold; } .attention { color: #b3261e; font-weight: bold; } .not-evidenced { color: #7a5200; font-weight: bold; }
        .notice { border-left: 4px solid #b58105; background: #fff8e5; padding: .5rem .75rem; }
        .warning { border-left: 4px solid #b3261e; background: #fdecea; padding: .5rem .75rem; }
        footer { margin-top: 2rem; font-size: .85rem; color: #555; }
        @media (max-width: 40rem) { body { margin: 1rem auto; } dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: .4rem; } }
        @media print { body { max-width: none; margin: 0; } .wide { overflow: visible; } h2, h3 { break-after: avoid; } tr { break-inside: avoid; } }
        """;

    /// <summary>The page for <paramref name="report"/>.</summary>
    public static string Html(AnnualReport report)
    {
        var html = new StringBuilder(64 * 1024);
        var organisation = report.Organisation?.Name ?? "The organisation";
        var title = $"{organisation}: annual review of surveillance camera systems, {Day(report.Period.From)} to {Day(report.Period.To)}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n")
            .Append("<p>Principle 10 of the Surveillance Camera Code of Practice asks that a system be reviewed and audited regularly, with a report ")
            .Append("published at least once a year. This is that report: what the register shows about each system on ")
            .Append(E(Day(report.Today))).Append(", and what changed during the period.</p>\n")
            .Append("<p class=\"notice\">Each principle's status is what the register shows, not a judgement of the law: <strong>met</strong>, ")
            .Append("<strong>needs attention</strong> (something a person must look at) or <strong>not evidenced</strong> (the register holds ")
            .Append("nothing that would show it; principles 5, 7, 8 and 11 only a self-assessment can answer). The principles are named in our own words.</p>\n");
        OrganisationSection(html, report);
        Summary(html, report);
        foreach (var system in report.Systems)
        {
            SystemSection(html, system, report.Today);
        }
        LogBook(html, report);
        Changes(html, report);
        html.Append("</main>\n<footer>\n<p>Principles from: ").Append(E(Principle.Source)).Append(".</p>\n<p>Produced with Sightline on ")
            .Append(E(Day(report.Today))).Append(".</p>\n</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>How a principle's or finding's status reads on the page.</summary>
    public static string StatusText(FindingStatus status) => status switch
    {
        FindingStatus.Met => "Met",
        FindingStatus.Attention => "Needs attention",
        _ => "Not evidenced",
    };

    private static void OrganisationSection(StringBuilder html, AnnualReport report)
    {
        var o = report.Organisation;
        html.Append("<h2>The organisation</h2>\n<dl class=\"facts\">\n");
        Fact(html, "Name", o?.Name);
        if (!string.IsNullOrWhiteSpace(o?.LegalName))
        {
            Fact(html, "Legal name", o.LegalName);
        }
        Fact(html, "Senior Responsible Officer", o?.SeniorResponsibleOfficer);
        Fact(html, "Data Protection Officer", o?.DataProtectionOfficer);
        Fact(html, "Contact point for information and complaints", o?.ContactPoint);
        Fact(html, "ICO registration", o?.IcoRegistration);
        html.Append("</dl>\n");
    }

    private static void Summary(StringBuilder html, AnnualReport report)
    {
        html.Append("<h2>Summary</h2>\n");
        if (report.Systems.Count == 0)
        {
            html.Append("<p>The register holds no surveillance camera system.</p>\n");
            return;
        }
        html.Append("<div class=\"wide\" tabindex=\"0\"><table>\n<thead><tr><th scope=\"col\">System</th><th scope=\"col\">Devices</th><th scope=\"col\">Met</th>")
            .Append("<th scope=\"col\">Needs attention</th><th scope=\"col\">Not evidenced</th><th scope=\"col\">Self-assessment</th></tr></thead>\n<tbody>\n");
        foreach (var s in report.Systems)
        {
            html.Append("<tr><th scope=\"row\"><a href=\"#system-").Append(s.System.Id).Append("\">").Append(E(s.System.Name)).Append("</a></th>")
                .Append("<td class=\"n\">").Append(N(s.Devices.Total)).Append("</td>");
            foreach (var status in Enum.GetValues<FindingStatus>())
            {
                html.Append("<td class=\"n\">").Append(s.Principles.Count(p => p.Status == status)).Append("</td>");
            }
            html.Append("<td>").Append(E(AssessmentText(s))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n");
    }

    private static void SystemSection(StringBuilder html, SystemReview review, DateOnly today)
    {
        var s = review.System;
        html.Append("<section id=\"system-").Append(s.Id).Append("\">\n<h2>").Append(E(s.Name)).Append("</h2>\n<dl class=\"facts\">\n");
        Fact(html, "Type", Words.Of(s.Type));
        Fact(html, "Watches public space", s.PublicSpace ? "yes" : "no");
        Fact(html, "Lawful basis", s.LawfulBasis);
        Fact(html, "Controller", string.IsNullOrWhiteSpace(s.JointControllers) ? s.Controller : $"{s.Controller} (jointly with {s.JointControllers})");
        Fact(html, "Senior Responsible Officer", s.SeniorResponsibleOfficer ?? "the organisation's");
        Fact(html, "Retention", s.RetentionDays is { } days ? $"{days} days" : null);
        Fact(html, "Last reviewed", s.LastReviewed is { } reviewed ? Day(reviewed) : null);
        html.Append("</dl>\n");

        html.Append("<h3>Purposes</h3>\n");
        if (review.Purposes.Count == 0)
        {
            html.Append("<p>No purpose is recorded.</p>\n");
        }
        else
        {
            html.Append("<div class=\"wide\" tabindex=\"0\"><table>\n<thead><tr><th scope=\"col\">Purpose</th><th scope=\"col\">Pressing need</th>")
                .Append("<th scope=\"col\">Retention</th></tr></thead>\n<tbody>\n");
            foreach (var p in review.Purposes)
            {
                html.Append("<tr><td>").Append(E(p.Name)).Append("</td><td>").Append(E(p.PressingNeed ?? "not recorded")).Append("</td><td>")
                    .Append(E((p.RetentionDays ?? s.RetentionDays) is { } d ? $"{d} days" : "not recorded")).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table></div>\n");
        }

        Devices(html, review.Devices);
        Principles(html, review);
        Governance(html, review, today);
        html.Append("</section>\n");
    }

    private static void Devices(StringBuilder html, DeviceTally devices)
    {
        html.Append("<h3>Devices</h3>\n<p>").Append(E(Words.Count(devices.Total, "devices"))).Append(" in service");
        if (devices.Total == 0)
        {
            html.Append(".</p>\n");
            return;
        }
        html.Append(": ").AppendJoin(", ", devices.ByKind.Select(k => E(Words.Count(k.Count, KindPlural(k.Kind))))).Append(".</p>\n");
        html.Append("<div class=\"wide\" tabindex=\"0\"><table>\n<thead><tr><th scope=\"col\">Platform maker</th><th scope=\"col\">Devices</th>")
            .Append("<th scope=\"col\">Of which sold under another brand (white label)</th></tr></thead>\n<tbody>\n");
        foreach (var m in devices.ByMaker)
        {
            html.Append("<tr><td>").Append(E(m.Maker)).Append("</td><td class=\"n\">").Append(N(m.Count)).Append("</td><td>")
                .AppendJoin("; ", m.WhiteLabels.Select(w => E($"{N(w.Count)} sold as {w.SoldAs}"))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n");
        html.Append("<table>\n<thead><tr><th scope=\"col\">Risk dimension (never added together)</th><th scope=\"col\">Devices flagged</th></tr></thead>\n<tbody>\n")
            .Append("<tr><td>Human rights</td><td class=\"n\">").Append(N(devices.HumanRights)).Append("</td></tr>\n")
            .Append("<tr><td>Security and trust</td><td class=\"n\">").Append(N(devices.SecurityTrust)).Append("</td></tr>\n")
            .Append("<tr><td>Cyber hygiene</td><td class=\"n\">").Append(N(devices.CyberHygiene)).Append("</td></tr>\n")
            .Append("</tbody>\n</table>\n");
    }

    private static void Principles(StringBuilder html, SystemReview review)
    {
        html.Append("<h3>The 12 principles</h3>\n<div class=\"wide\" tabindex=\"0\"><table>\n<thead><tr><th scope=\"col\">Principle</th><th scope=\"col\">Status</th>")
            .Append("<th scope=\"col\">What the register shows</th></tr></thead>\n<tbody>\n");
        foreach (var p in review.Principles)
        {
            html.Append("<tr><td>").Append(p.Principle.Number).Append(". ").Append(E(p.Principle.Title)).Append("</td><td class=\"")
                .Append(Words.Of(p.Status)).Append("\">").Append(E(StatusText(p.Status))).Append("</td><td>");
            if (p.Findings.Count == 0)
            {
                html.Append("Only a self-assessment can answer this principle.");
            }
            else
            {
                html.Append("<ul>");
                foreach (var f in p.Findings)
                {
                    html.Append("<li>").Append(E(f.Text));
                    if (f.Status != FindingStatus.Met)
                    {
                        html.Append(" (").Append(E(StatusText(f.Status).ToLowerInvariant())).Append(')');
                    }
                    html.Append("</li>");
                }
                html.Append("</ul>");
            }
            html.Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n");
    }

    private static void Governance(StringBuilder html, SystemReview review, DateOnly today)
    {
        html.Append("<h3>Self-assessment</h3>\n");
        if (review.Assessment is not { } a)
        {
            html.Append("<p>No self-assessment covers this system.</p>\n");
        }
        else
        {
            html.Append("<dl class=\"facts\">\n");
            Fact(html, "Newest", a.Title);
            Fact(html, "State", Words.Of(a.State));
            Fact(html, "Started", Day(a.Started));
            Fact(html, "Signed off", a.SignedOff is { } signed ? $"{Day(signed)} by {a.SignedOffBy}" : "not signed off");
            Fact(html, "Published", a.Published is { } published ? Day(published) : "not published");
            html.Append("</dl>\n");
            foreach (var reason in a.StaleReasons)
            {
                html.Append("<p class=\"warning\">This self-assessment is out of date: ").Append(E(reason)).Append(".</p>\n");
            }
        }

        html.Append("<h3>Data protection impact assessment</h3>\n<dl class=\"facts\">\n");
        Fact(html, "Last signed off", review.Dpia is { SignedOff: { } on } d ? $"{Day(on)} by {d.SignedOffBy}" : "never");
        if (review.Dpia is { } dpia)
        {
            Fact(html, "Review due", dpia.ReviewDue is { } due ? Day(due) + (due < today ? " (passed)" : "") : "no date set");
        }
        if (review.DpiaDraft)
        {
            Fact(html, "Draft", "a revision is in progress");
        }
        Fact(html, "Review triggers outstanding", review.OpenTriggers.Count.ToString(CultureInfo.InvariantCulture));
        html.Append("</dl>\n");
        if (review.OpenTriggers.Count > 0)
        {
            html.Append("<ul>\n");
            foreach (var t in review.OpenTriggers)
            {
                html.Append("<li>").Append(E(Day(t.Raised))).Append(": ").Append(E(t.Detail)).Append("</li>\n");
            }
            html.Append("</ul>\n");
        }

        html.Append("<h3>Certification</h3>\n");
        if (review.Certifications.Count == 0)
        {
            html.Append("<p>No third-party certification is recorded for this system.</p>\n");
        }
        else
        {
            html.Append("<div class=\"wide\" tabindex=\"0\"><table>\n<thead><tr><th scope=\"col\">Body</th><th scope=\"col\">Step</th><th scope=\"col\">Reference</th>")
                .Append("<th scope=\"col\">Issued</th><th scope=\"col\">Expires</th></tr></thead>\n<tbody>\n");
            foreach (var view in review.Certifications)
            {
                var c = view.Certification;
                html.Append("<tr><td>").Append(E(BodyText(c.Body))).Append("</td><td>")
                    .Append(E(c.Step == CertificationStep.Desktop ? "Step 1, desktop" : "Step 2, full")).Append("</td><td>").Append(E(c.Reference ?? ""))
                    .Append("</td><td>").Append(E(Day(c.Issued))).Append("</td><td>").Append(E(Day(c.Expires)));
                if (view.Alert is { } alert)
                {
                    html.Append(" <strong>(").Append(E(alert)).Append(")</strong>");
                }
                html.Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table></div>\n");
        }

        html.Append("<h3>Action plans</h3>\n<p>Actions from the self-assessments covering this system: ")
            .Append(review.ActionsCompleted).Append(" completed during the period; ")
            .Append(review.ActionsOverdue).Append(" overdue.</p>\n");
    }

    private static void Changes(StringBuilder html, AnnualReport report)
    {
        var c = report.Changes;
        html.Append("<h2>Changes during the period</h2>\n<p>From the register's audit log, ").Append(E(Day(report.Period.From))).Append(" to ")
            .Append(E(Day(report.Period.To))).Append(" (every system).</p>\n<table>\n<thead><tr><th scope=\"col\">Change</th><th scope=\"col\">Count</th></tr></thead>\n<tbody>\n");
        foreach (var (what, count) in new[]
        {
            ("Devices added", c.Added), ("Devices decommissioned", c.Decommissioned), ("Devices moved (site or position changed)", c.Moved),
            ("Identity decisions made or withdrawn by a person", c.Overrides), ("Asset lists imported", c.Imports), ("Network scans", c.Scans),
        })
        {
            html.Append("<tr><td>").Append(E(what)).Append("</td><td class=\"n\">").Append(N(count)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n<h2>Audit log</h2>\n");
        html.Append(report.Audit.Broken is { } broken
            ? $"<p class=\"warning\">The audit log does not verify: its hash chain is broken at entry {broken.Sequence} ({E(broken.Reason)}).</p>\n"
            : $"<p>The audit log verifies: its hash chain of {E(Words.Count(report.Audit.Count, "entries"))} is unbroken (as <code>sightline audit verify</code> checks it).</p>\n");
    }

    // Counts only: the log book holds personal data, and this page is published.
    private static void LogBook(StringBuilder html, AnnualReport report)
    {
        var l = report.LogBook;
        html.Append("<h2>What was done with footage</h2>\n<p>From the log book (principles 6 and 7): requests and holds received or placed from ")
            .Append(E(Day(report.Period.From))).Append(" to ").Append(E(Day(report.Period.To)))
            .Append("; what is still open, and the recorders' own configured retention, as on ").Append(E(Day(report.Today))).Append(".</p>\n")
            .Append("<table>\n<thead><tr><th scope=\"col\">Record</th><th scope=\"col\">Count</th></tr></thead>\n<tbody>\n");
        foreach (var (what, count) in new[]
        {
            ("Subject access requests received", l.RequestsReceived), ("… answered and closed", l.RequestsAnswered),
            ("… answered within the month (or its extension)", l.RequestsAnsweredInTime), ("Subject access requests open", l.RequestsOpen),
            ("… of them overdue", l.RequestsOverdue), ("Disclosure requests received (police and others)", l.DisclosureRequests),
            ("… disclosed", l.Disclosed), ("… refused", l.Refused), ("Holds placed on footage", l.HoldsPlaced), ("Holds in force", l.HoldsInForce),
            ("… past their review date", l.HoldsPastReview), ("Viewings of footage recorded", l.Viewings), ("Exports of footage recorded", l.Exports),
            ("Recorders whose retention was read from the device", l.RecordersRead), ("… keeping recordings longer than their system's policy", l.RecordersOverPolicy),
        })
        {
            html.Append("<tr><td>").Append(E(what)).Append("</td><td class=\"n\">").Append(N(count)).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static string AssessmentText(SystemReview review) => review.Assessment is not { } a
        ? "none"
        : (a.Published is { } p ? $"published {Day(p)}" : a.SignedOff is { } s ? $"signed off {Day(s)}, not published" : "draft, not published")
            + (a.StaleReasons.Count > 0 ? "; out of date" : "");

    private static string KindPlural(DeviceKind kind) => kind switch
    {
        DeviceKind.Camera => "cameras",
        DeviceKind.Nvr => "network video recorders",
        DeviceKind.Dvr => "digital video recorders",
        DeviceKind.Encoder => "encoders",
        _ => "other devices",
    };

    private static string BodyText(CertificationBody body) => body switch
    {
        CertificationBody.Nsi => "NSI",
        CertificationBody.Ssaib => "SSAIB",
        CertificationBody.IqVerify => "IQ Verify",
        _ => "Other",
    };

    private static void Fact(StringBuilder html, string name, string? value) =>
        html.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(E(string.IsNullOrWhiteSpace(value) ? "not recorded" : value)).Append("</dd>\n");

    private static string N(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string Day(DateTimeOffset time) => Day(DateOnly.FromDateTime(time.UtcDateTime));

    private static string E(string? text) => Encoder.Encode(text ?? "");
}
