using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using QRCoder;
using Sightline.Data.Signage;
using Sightline.Register;

namespace Sightline.Web.Signage;

/// <summary>
/// A printable sign for one system (or one of its cameras) as one self-contained HTML page for <see cref="Reports.PdfPrinter"/>:
/// DTPR-style labels, each with its shape (purpose a hexagon, accountable a circle, captured data a square, retention a
/// rounded square, access a diamond), and a QR code drawn as SVG pointing to the system's public page. No script, nothing fetched.
/// </summary>
public static class SignHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The sign for <paramref name="sign"/> on paper <paramref name="size"/>, its QR code pointing to <paramref name="address"/>.</summary>
    public static string Html(SystemSign sign, SignSize size, string address)
    {
        var html = new StringBuilder(32 * 1024);
        var title = Heading(sign.Type);
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E($"{title}: {sign.System}"))
            .Append("</title>\n<style>\n").Append(Style(size)).Append("</style>\n</head>\n<body>\n<main class=\"sign\">\n");
        html.Append("<header><h1>").Append(E(title)).Append("</h1><p>").Append(E(sign.System));
        if (sign.Camera is { } camera)
        {
            html.Append(" · camera ").Append(E(camera)).Append(sign.Place is { } place ? $" at {E(place)}" : "");
        }
        html.Append("</p></header>\n<div class=\"labels\">\n");
        Label(html, "purpose", Hexagon, "Purpose", sign.Purposes.Count > 0 ? sign.Purposes : ["Not yet recorded: ask us"]);
        Label(html, "accountable", Circle, "Accountable",
            [sign.Accountable.Length > 0 ? sign.Accountable : "Not yet recorded: ask us", .. sign.IcoRegistration is { } ico ? [$"ICO registration {ico}"] : Array.Empty<string>()]);
        Label(html, "captured", Square, "What is captured", sign.Captured);
        Label(html, "retention", Rounded, "Retention", [sign.RetentionDays is { } days
            ? $"Recordings are kept for up to {Days(days)}, then deleted, unless needed as evidence"
            : "Ask us how long recordings are kept"]);
        var access = new List<string> { "You may ask for a copy of recordings of you, and complain about how they are used." };
        access.Add(sign.ContactPoint is { } contact ? $"Contact: {contact}" : "Contact: ask the accountable organisation above");
        if (sign.DataProtectionOfficer is { } dpo)
        {
            access.Add($"Data Protection Officer: {dpo}");
        }
        access.Add("You may also complain to the Information Commissioner's Office (ico.org.uk).");
        Label(html, "access", Diamond, "Your data and complaints", access);
        html.Append("</div>\n<footer>\n<div class=\"qr\" role=\"img\" aria-label=\"QR code for ").Append(E(address)).Append("\">").Append(Qr(address)).Append("</div>\n")
            .Append("<div class=\"more\"><p>Scan for this system's public record: its cameras, their purposes and how it meets the Surveillance Camera Code of Practice.</p>")
            .Append("<p class=\"address\">").Append(E(address)).Append("</p></div>\n</footer>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The file name a sign is offered under, without its extension.</summary>
    public static string FileName(SystemSign sign, SignSize size) =>
        $"sign-system-{sign.SystemId.ToString(CultureInfo.InvariantCulture)}{(sign.Camera is null ? "" : "-camera")}-{size.Name.ToLowerInvariant()}";

    private static string Heading(SystemType type) => type switch
    {
        SystemType.Anpr => "ANPR cameras in operation",
        SystemType.FacialRecognition => "Facial recognition in use",
        SystemType.BodyWorn => "Body-worn cameras in use",
        SystemType.Drone => "Drones with cameras in use",
        _ => "CCTV in operation",
    };

    private static string Days(int days) => days switch
    {
        1 => "1 day",
        _ when days % 365 == 0 => days == 365 ? "1 year" : $"{days / 365} years",
        _ => $"{days.ToString(CultureInfo.InvariantCulture)} days",
    };

    private const string Hexagon = "<polygon points=\"25,2 46,14 46,36 25,48 4,36 4,14\"/>";
    private const string Circle = "<circle cx=\"25\" cy=\"25\" r=\"22\"/>";
    private const string Square = "<rect x=\"4\" y=\"4\" width=\"42\" height=\"42\"/>";
    private const string Rounded = "<rect x=\"4\" y=\"4\" width=\"42\" height=\"42\" rx=\"10\"/>";
    private const string Diamond = "<polygon points=\"25,2 48,25 25,48 2,25\"/>";

    private static void Label(StringBuilder html, string kind, string shape, string heading, IEnumerable<string> lines)
    {
        html.Append("<section class=\"label ").Append(kind).Append("\"><svg class=\"shape\" viewBox=\"0 0 50 50\" aria-hidden=\"true\">").Append(shape)
            .Append("</svg><div><h2>").Append(E(heading)).Append("</h2>");
        foreach (var line in lines)
        {
            html.Append("<p>").Append(E(line)).Append("</p>");
        }
        html.Append("</div></section>\n");
    }

    // The QR code as an SVG sized by its viewBox, so the page's CSS sets its printed size; medium error correction, so a
    // scuffed or rained-on sign still reads.
    private static string Qr(string address)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(8, "#000000", "#ffffff", true, SvgQRCode.SizingMode.ViewBoxAttribute);
        return svg[svg.IndexOf("<svg", StringComparison.Ordinal)..];
    }

    private static string Style(SignSize size)
    {
        string Mm(double mm) => (mm * size.Scale).ToString("0.##", CultureInfo.InvariantCulture) + "mm";
        string Pt(double pt) => (pt * size.Scale).ToString("0.#", CultureInfo.InvariantCulture) + "pt";
        return $$"""
            @page { size: {{size.Name}} portrait; margin: 0; }
            * { box-sizing: border-box; }
            html, body { margin: 0; padding: 0; }
            body { font-family: "DejaVu Sans", Arial, sans-serif; color: #000; background: #fff; }
            .sign { width: {{size.WidthMm}}mm; height: {{size.HeightMm}}mm; padding: {{Mm(10)}}; display: flex; flex-direction: column; overflow: hidden; }
            header { background: #ffdd00; border: {{Mm(1.2)}} solid #000; padding: {{Mm(5)}} {{Mm(6)}}; }
            h1 { font-size: {{Pt(40)}}; line-height: 1.1; margin: 0; }
            header p { font-size: {{Pt(16)}}; margin: {{Mm(2)}} 0 0 0; }
            .labels { flex: 1; display: flex; flex-direction: column; gap: {{Mm(4)}}; padding: {{Mm(5)}} 0; }
            .label { display: flex; gap: {{Mm(4)}}; align-items: flex-start; }
            .shape { flex: none; width: {{Mm(16)}}; height: {{Mm(16)}}; fill: #ffdd00; stroke: #000; stroke-width: 3; }
            h2 { font-size: {{Pt(18)}}; margin: 0 0 {{Mm(1)}} 0; text-transform: uppercase; letter-spacing: .04em; }
            .label p { font-size: {{Pt(15)}}; margin: 0 0 {{Mm(.8)}} 0; line-height: 1.3; }
            footer { display: flex; gap: {{Mm(6)}}; align-items: center; border-top: {{Mm(.8)}} solid #000; padding-top: {{Mm(5)}}; }
            .qr { flex: none; width: {{Mm(60)}}; height: {{Mm(60)}}; }
            .qr svg { width: 100%; height: 100%; display: block; }
            .more p { font-size: {{Pt(12.5)}}; margin: 0 0 {{Mm(2)}} 0; }
            .more .address { font-size: {{Pt(11)}}; font-family: "DejaVu Sans Mono", monospace; overflow-wrap: anywhere; }

            """;
    }

    private static string E(string text) => Encoder.Encode(text);
}
