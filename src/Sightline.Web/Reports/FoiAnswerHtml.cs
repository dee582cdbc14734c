using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Sightline.Csv;
using Sightline.Data.Foi;

namespace Sightline.Web.Reports;

/// <summary>An FOI answer as a self-contained HTML page (every value encoded, nothing fetched) or as CSV with one row per released figure.</summary>
public static class FoiAnswerHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1b1b1b; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 1.75rem; border-bottom: 2px solid #1d4f91; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; } th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; }
        th { background: #eef2f7; } td.n { text-align: right; } .wide { overflow-x: auto; }
        .exemption { border-left: 4px solid #b58105; background: #fff8e5; padding: .5rem .75rem; }
        """;

    /// <summary>The page for <paramref name="answer"/>.</summary>
    public static string Html(FoiAnswer answer)
    {
        var html = new StringBuilder(16 * 1024);
        var title = $"{answer.Organisation}: Freedom of Information answer on cameras made by {answer.Maker}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<main>\n<h1>").Append(E(title)).Append("</h1>\n")
            .Append("<p>You asked how many cameras made by ").Append(E(answer.Maker)).Append(" we operate, including those sold under other brands; where they are; ")
            .Append("when they were installed; when they are to be replaced; and for our data protection impact assessments. This answer is drawn from our ")
            .Append("register on ").Append(E(Day(answer.Today))).Append(". A device counts by the company that made its hardware and firmware, as identified from its ")
            .Append("evidence, not by the brand on its label.</p>\n");
        html.Append("<p><strong>We hold ").Append(answer.Total).Append(answer.Total == 1 ? " device" : " devices").Append(" made by ").Append(E(answer.Maker))
            .Append(" or a company it owns.</strong></p>\n");
        if (answer.Exemption is { } exemption)
        {
            html.Append("<p class=\"exemption\">Information ").Append(answer.Detail switch
            {
                FoiDetail.Counts => "about the locations of these devices and each device",
                FoiDetail.Sites => "about each device",
                _ => "beyond what is given here",
            }).Append(" is withheld under ").Append(E(exemption.Title)).Append(". Our reason: ").Append(E(exemption.Reason)).Append("</p>\n");
        }
        Table(html, "By status", ["Status", "Devices"], answer.ByStatus.Select(s => new[] { s.Status, N(s.Count) }));
        Table(html, "By the brand they were sold under", ["Brand", "Sold under another company's brand", "Devices"],
            answer.ByBrand.Select(b => new[] { b.SoldAs, b.WhiteLabel ? "yes" : "no", N(b.Count) }));
        Table(html, "Installed", ["Year", "Devices"], answer.Installed.Select(i => new[] { i.Year?.ToString(CultureInfo.InvariantCulture) ?? "not recorded", N(i.Count) }));
        Table(html, "To be replaced (our remediation plan)", ["Plan", "By", "Devices"],
            answer.Replacement.Select(r => new[] { r.Disposition, r.Target is { } t ? Day(t) : "—", N(r.Count) }));
        if (answer.Detail != FoiDetail.Counts)
        {
            Table(html, "Where", ["Site", "Devices"], answer.Sites.Select(s => new[] { s.Site, N(s.Count) }));
        }
        if (answer.Detail == FoiDetail.Devices)
        {
            Table(html, "Each device", ["Device", "Brand", "Model", "Site", "Status", "Installed", "Plan", "By"], answer.Devices.Select(d => new[]
            {
                d.Device, d.SoldAs ?? "", d.Model ?? "", d.Site ?? "", d.Status, d.Installed is { } i ? Day(i) : "", d.Disposition ?? "not planned", d.Target is { } t ? Day(t) : "",
            }));
        }
        Table(html, "Data protection impact assessments", ["System", "Signed off", "By", "Review due"], answer.Dpias.Select(d => new[]
        {
            d.System, d.SignedOff is { } s ? Day(s) : "no signed-off DPIA", d.SignedOffBy ?? "", d.ReviewDue is { } r ? Day(r) : "",
        }));
        html.Append("</main>\n<footer><p>Produced with Sightline on ").Append(E(Day(answer.Today))).Append(".</p></footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>
    /// The answer as CSV: section, name, devices, then a device's own columns when released at device level. Text cells are
    /// guarded against spreadsheet formulas.
    /// </summary>
    public static string Csv(FoiAnswer answer)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        var csv = new CsvWriter(text);
        // Names come from the register (sites, brands, models, systems): a cell that a spreadsheet would run is guarded.
        void Write(params string?[] cells) => csv.WriteRecord(cells.Select(c => c is null ? null : FormulaGuard.Neutralise(c)));
        Write(["section", "name", "devices", "sold_as", "model", "site", "status", "installed", "plan", "target"]);
        Write(["maker", answer.Maker, N(answer.Total)]);
        if (answer.Exemption is { } exemption)
        {
            Write(["exemption", $"{exemption.Title}: {exemption.Reason}", ""]);
        }
        foreach (var s in answer.ByStatus)
        {
            Write(["status", s.Status, N(s.Count)]);
        }
        foreach (var b in answer.ByBrand)
        {
            Write([b.WhiteLabel ? "brand (white label)" : "brand", b.SoldAs, N(b.Count)]);
        }
        foreach (var i in answer.Installed)
        {
            Write(["installed", i.Year?.ToString(CultureInfo.InvariantCulture) ?? "not recorded", N(i.Count)]);
        }
        foreach (var r in answer.Replacement)
        {
            Write(["replacement", r.Target is { } t ? $"{r.Disposition} by {Iso(t)}" : r.Disposition, N(r.Count)]);
        }
        foreach (var s in answer.Sites)
        {
            Write(["site", s.Site, N(s.Count)]);
        }
        foreach (var d in answer.Devices)
        {
            Write(["device", d.Device, "1", d.SoldAs, d.Model, d.Site, d.Status, d.Installed is { } i ? Iso(i) : null, d.Disposition, d.Target is { } t ? Iso(t) : null]);
        }
        foreach (var d in answer.Dpias)
        {
            Write(["dpia", d.System, "", null, null, null, d.SignedOff is { } s ? $"signed off {Iso(s)} by {d.SignedOffBy}" : "no signed-off DPIA",
                null, null, d.ReviewDue is { } r ? Iso(r) : null]);
        }
        return text.ToString();
    }

    private static void Table(StringBuilder html, string heading, string[] columns, IEnumerable<string[]> rows)
    {
        html.Append("<h2>").Append(E(heading)).Append("</h2>\n<div class=\"wide\"><table>\n<thead><tr>");
        foreach (var c in columns)
        {
            html.Append("<th scope=\"col\">").Append(E(c)).Append("</th>");
        }
        html.Append("</tr></thead>\n<tbody>\n");
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            html.Append("<tr>");
            for (var i = 0; i < row.Length; i++)
            {
                html.Append(i == row.Length - 1 && columns[^1] == "Devices" ? "<td class=\"n\">" : "<td>").Append(E(row[i])).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        if (!any)
        {
            html.Append("<tr><td colspan=\"").Append(columns.Length).Append("\">None.</td></tr>\n");
        }
        html.Append("</tbody>\n</table></div>\n");
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string E(string? text) => Encoder.Encode(text ?? "");
}
