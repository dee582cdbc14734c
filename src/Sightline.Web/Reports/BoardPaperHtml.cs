using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Sightline.Data.Remediation;
using Sightline.Register;
using Sightline.Remediation;
using Sightline.Risk;

namespace Sightline.Web.Reports;

/// <summary>
/// The remediation board paper as one self-contained HTML page (style inline, charts as inline SVG drawn here, no
/// scripts, nothing fetched), every value HTML-encoded. The PDF is printed from this page; the web shows the same page.
/// </summary>
public static class BoardPaperHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1b1b1b; max-width: 56rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.6rem; margin-bottom: .25rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #1d4f91; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; } th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        th { background: #eef2f7; } td.n { text-align: right; white-space: nowrap; } .wide { overflow-x: auto; } svg { max-width: 100%; height: auto; }
        .overdue { color: #b3261e; font-weight: bold; } .blocker { color: #b3261e; } .note { font-size: .9rem; color: #444; }
        @media print { body { max-width: none; margin: 0; } .wide { overflow: visible; } h2 { break-after: avoid; } tr, svg { break-inside: avoid; } }
        """;

    /// <summary>The page for <paramref name="paper"/>.</summary>
    public static string Html(BoardPaper paper)
    {
        var html = new StringBuilder(32 * 1024);
        var title = $"{paper.Organisation}: surveillance equipment remediation, board paper of {Day(paper.Today)}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<main>\n<h1>").Append(E(title)).Append("</h1>\n");
        var cost = paper.Plan.Sum(p => p.Item.Cost ?? 0);
        html.Append("<p>The estate holds ").Append(E(Words.Count(paper.Devices, "devices"))).Append(" in service, ").Append(paper.FlaggedDevices)
            .Append(" of them flagged in at least one risk dimension. The plan covers ").Append(E(Words.Count(paper.Plan.Count, "devices")))
            .Append(" at an estimated £").Append(Money(cost)).Append("; ").Append(paper.Plan.Count(p => p.Item.Status == RemediationStatus.Done)).Append(" done, ")
            .Append(paper.Plan.Count(p => p.Overdue)).Append(" overdue, ").Append(paper.Plan.Count(p => p.Blocker == BlockerState.Open))
            .Append(" with an open sensitive-site blocker.</p>\n");
        Estate(html, paper);
        Flags(html, paper);
        Plan(html, paper);
        Suppliers(html, paper);
        Progress(html, paper);
        html.Append("</main>\n<footer class=\"note\"><p>Platform makers are the identified makers of the hardware and firmware, not the brand on the box. ")
            .Append("The UK rule of 24 Nov 2022: departments must not deploy visual surveillance equipment made by companies subject to the PRC National Intelligence Law at sensitive sites, ")
            .Append("nor connect it to core networks. Produced with Sightline on ").Append(E(Day(paper.Today))).Append(".</p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Estate(StringBuilder html, BoardPaper paper)
    {
        html.Append("<h2>The estate by platform maker</h2>\n");
        Bars(html, "Devices in service by platform maker", paper.ByMaker.Select(m => (m.Maker, m.Count)).ToList());
        html.Append("<div class=\"wide\"><table>\n<thead><tr><th scope=\"col\">Platform maker</th><th scope=\"col\">Devices</th><th scope=\"col\">Sold under other brands (white labels)</th></tr></thead>\n<tbody>\n");
        foreach (var m in paper.ByMaker)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(m.Maker)).Append("</th><td class=\"n\">").Append(m.Count).Append("</td><td>")
                .Append(E(string.Join(", ", m.WhiteLabels.Select(w => $"{w.SoldAs} ({w.Count})")))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n");
    }

    private static void Flags(StringBuilder html, BoardPaper paper)
    {
        html.Append("<h2>What is flagged, and why</h2>\n<p>Each dimension is counted on its own; a device can be flagged in more than one, and no score adds them up.</p>\n");
        Bars(html, "Devices flagged in each dimension", RiskAssessor.Dimensions.Select(d => (Capital(RiskAssessor.Words(d)), paper.Flagged[d])).ToList());
        foreach (var dimension in RiskAssessor.Dimensions)
        {
            var reasons = paper.Reasons.Where(r => r.Dimension == dimension).ToList();
            html.Append("<h3>").Append(E(Capital(RiskAssessor.Words(dimension)))).Append(": ").Append(E(Words.Count(paper.Flagged[dimension], "devices"))).Append("</h3>\n");
            if (reasons.Count == 0)
            {
                html.Append("<p>Nothing applies.</p>\n");
                continue;
            }
            html.Append("<div class=\"wide\"><table>\n<thead><tr><th scope=\"col\">Platform maker</th><th scope=\"col\">Why</th><th scope=\"col\">Devices</th><th scope=\"col\">Source</th></tr></thead>\n<tbody>\n");
            foreach (var r in reasons)
            {
                html.Append("<tr><td>").Append(E(r.Maker)).Append("</td><td><strong>").Append(E(r.Title)).Append("</strong><br>").Append(E(FirstSentence(r.Detail)))
                    .Append("</td><td class=\"n\">").Append(r.Devices).Append("</td><td>").Append(Link(r.Source)).Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table></div>\n");
        }
    }

    private static void Plan(StringBuilder html, BoardPaper paper)
    {
        html.Append("<h2>The plan</h2>\n");
        if (paper.Plan.Count == 0)
        {
            html.Append("<p>No device is in the remediation plan yet.</p>\n");
            return;
        }
        var byDisposition = Enum.GetValues<Disposition>().Select(d => (d, paper.Plan.Where(p => p.Item.Disposition == d).ToList())).ToList();
        html.Append("<div class=\"wide\"><table>\n<thead><tr><th scope=\"col\">Disposition</th><th scope=\"col\">Devices</th><th scope=\"col\">Estimated cost</th><th scope=\"col\">Done</th></tr></thead>\n<tbody>\n");
        foreach (var (d, lines) in byDisposition)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(Words.Of(d))).Append("</th><td class=\"n\">").Append(lines.Count).Append("</td><td class=\"n\">£")
                .Append(Money(lines.Sum(l => l.Item.Cost ?? 0))).Append("</td><td class=\"n\">").Append(lines.Count(l => l.Item.Status == RemediationStatus.Done)).Append("</td></tr>\n");
        }
        html.Append("<tr><th scope=\"row\">Total</th><td class=\"n\">").Append(paper.Plan.Count).Append("</td><td class=\"n\">£").Append(Money(paper.Plan.Sum(l => l.Item.Cost ?? 0)))
            .Append("</td><td class=\"n\">").Append(paper.Plan.Count(l => l.Item.Status == RemediationStatus.Done)).Append("</td></tr>\n</tbody>\n</table></div>\n");
        html.Append("<div class=\"wide\"><table>\n<thead><tr><th scope=\"col\">Device</th><th scope=\"col\">Platform maker</th><th scope=\"col\">Place</th><th scope=\"col\">Disposition</th>")
            .Append("<th scope=\"col\">Owner</th><th scope=\"col\">Target</th><th scope=\"col\">Cost</th><th scope=\"col\">Status</th><th scope=\"col\">Sensitive-site rule</th></tr></thead>\n<tbody>\n");
        foreach (var p in paper.Plan)
        {
            var place = string.Join(", ", new[] { p.System, p.Site }.Where(x => x is not null));
            var disposition = Words.Of(p.Item.Disposition) + (p.Item.Justification is { } j ? $": {j}" : "");
            html.Append("<tr><td>").Append(E(p.Device)).Append("</td><td>").Append(E(p.Maker ?? "unknown")).Append("</td><td>").Append(E(place)).Append("</td><td>")
                .Append(E(disposition)).Append("</td><td>").Append(E(p.Item.Owner)).Append("</td><td>").Append(p.Item.TargetDate is { } t ? E(Day(t)) : "—")
                .Append(p.Overdue ? " <span class=\"overdue\">overdue</span>" : "").Append("</td><td class=\"n\">").Append(p.Item.Cost is { } c ? "£" + Money(c) : "—")
                .Append("</td><td>").Append(E(Words.Of(p.Item.Status))).Append("</td><td>");
            html.Append(p.Blocker switch
            {
                null => "",
                BlockerState.Open => "<span class=\"blocker\">blocker open</span>",
                BlockerState.Excepted => E($"exception: {p.Item.ExceptionBy}, {(p.Item.ExceptionDate is { } d ? Day(d) : "")}: {p.Item.ExceptionReason}"),
                _ => "removed",
            }).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n");
    }

    // Only when a supplier has a finding: a board need not read that nothing was refused.
    private static void Suppliers(StringBuilder html, BoardPaper paper)
    {
        if (paper.Suppliers.Count == 0)
        {
            return;
        }
        html.Append("<h2>Suppliers' due diligence</h2>\n<p>Suppliers that refused to answer the due-diligence questionnaire, did not answer by its deadline, ")
            .Append("or publish no modern slavery statement, and the devices in the plan they supplied.</p>\n")
            .Append("<div class=\"wide\"><table>\n<thead><tr><th scope=\"col\">Supplier</th><th scope=\"col\">Findings</th><th scope=\"col\">Devices supplied</th>")
            .Append("<th scope=\"col\">In the plan</th></tr></thead>\n<tbody>\n");
        foreach (var s in paper.Suppliers)
        {
            html.Append("<tr><th scope=\"row\">").Append(E(s.Supplier)).Append("</th><td>")
                .Append(string.Join("<br>", s.Findings.Select(f => $"<strong>{E(Day(f.Day))}</strong>: {E(f.Text)}"))).Append("</td><td class=\"n\">").Append(s.Supplied)
                .Append("</td><td>").Append(s.Planned.Count == 0 ? "none" : E(string.Join(", ", s.Planned))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n");
    }

    private static void Progress(StringBuilder html, BoardPaper paper)
    {
        html.Append("<h2>Progress against the plan</h2>\n");
        var points = paper.Progress;
        if (points.Count == 0)
        {
            html.Append("<p>No progress to show: the plan is empty.</p>\n");
            return;
        }
        const int width = 640, height = 220, left = 40, bottom = 30, top = 10;
        var max = Math.Max(1, points.Max(p => Math.Max(p.Due, p.Done)));
        var step = points.Count == 1 ? 0 : (width - left - 10) / (double)(points.Count - 1);
        string X(int i) => F(left + (i * step));
        string Y(int v) => F(top + ((height - top - bottom) * (1 - (v / (double)max))));
        string Line(Func<ProgressPoint, int> value) => string.Join(' ', points.Select((p, i) => $"{X(i)},{Y(value(p))}"));
        html.Append("<figure>\n<svg role=\"img\" aria-labelledby=\"progress-title\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height)
            .Append("\" width=\"").Append(width).Append("\" height=\"").Append(height).Append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title id=\"progress-title\">")
            .Append("Devices due and done by month end</title>\n")
            .Append("<line x1=\"").Append(left).Append("\" y1=\"").Append(height - bottom).Append("\" x2=\"").Append(width).Append("\" y2=\"").Append(height - bottom).Append("\" stroke=\"#555\"/>\n")
            .Append("<text x=\"0\" y=\"").Append(top + 10).Append("\" font-size=\"11\">").Append(max).Append("</text>\n")
            .Append("<polyline fill=\"none\" stroke=\"#1d4f91\" stroke-width=\"2\" stroke-dasharray=\"6 3\" points=\"").Append(Line(p => p.Due)).Append("\"/>\n")
            .Append("<polyline fill=\"none\" stroke=\"#1e6b30\" stroke-width=\"3\" points=\"").Append(Line(p => p.Done)).Append("\"/>\n");
        for (var i = 0; i < points.Count; i++)
        {
            html.Append("<text x=\"").Append(X(i)).Append("\" y=\"").Append(height - 10).Append("\" font-size=\"10\" text-anchor=\"middle\">")
                .Append(points[i].MonthEnd.ToString("MMM yy", CultureInfo.InvariantCulture)).Append("</text>\n");
        }
        html.Append("</svg>\n<figcaption class=\"note\">Dashed blue: devices whose target date had passed by each month's end. Green: devices done by then.</figcaption>\n</figure>\n")
            .Append("<div class=\"wide\"><table>\n<thead><tr><th scope=\"col\">Month end</th><th scope=\"col\">Due</th><th scope=\"col\">Done</th></tr></thead>\n<tbody>\n");
        foreach (var p in points)
        {
            html.Append("<tr><td>").Append(E(Day(p.MonthEnd))).Append("</td><td class=\"n\">").Append(p.Due).Append("</td><td class=\"n\">").Append(p.Done).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n");
    }

    // A horizontal bar chart; the numbers are written beside the bars, so it reads without colour.
    private static void Bars(StringBuilder html, string title, IReadOnlyList<(string Label, long Value)> bars)
    {
        if (bars.Count == 0)
        {
            return;
        }
        const int width = 640, row = 24, label = 200;
        var max = Math.Max(1, bars.Max(b => b.Value));
        html.Append("<svg role=\"img\" viewBox=\"0 0 ").Append(width).Append(' ').Append(bars.Count * row).Append("\" width=\"").Append(width).Append("\" height=\"")
            .Append(bars.Count * row).Append("\" xmlns=\"http://www.w3.org/2000/svg\">\n<title>").Append(E(title)).Append("</title>\n");
        for (var i = 0; i < bars.Count; i++)
        {
            var length = (width - label - 60) * bars[i].Value / (double)max;
            html.Append("<text x=\"0\" y=\"").Append((i * row) + 16).Append("\" font-size=\"12\">").Append(E(bars[i].Label)).Append("</text>")
                .Append("<rect x=\"").Append(label).Append("\" y=\"").Append((i * row) + 4).Append("\" width=\"").Append(F(length)).Append("\" height=\"16\" fill=\"#1d4f91\"/>")
                .Append("<text x=\"").Append(F(label + length + 6)).Append("\" y=\"").Append((i * row) + 16).Append("\" font-size=\"12\">").Append(bars[i].Value).Append("</text>\n");
        }
        html.Append("</svg>\n");
    }

    private static string Link(string source) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $"<a href=\"{E(uri.AbsoluteUri)}\">{E(uri.Host)}</a>"
            : E(source);

    // A board reads the first sentence; the source holds the rest.
    private static string FirstSentence(string text) => text.IndexOf(". ", StringComparison.Ordinal) is var end and > 0 ? text[..(end + 1)] : text;

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Money(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string E(string? text) => Encoder.Encode(text ?? "");
}
