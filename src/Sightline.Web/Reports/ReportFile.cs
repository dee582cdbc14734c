using System.Text;

namespace Sightline.Web.Reports;

/// <summary>
/// A report as the file a browser saves: its HTML page, or that page printed to PDF by <see cref="PdfPrinter"/>. Every
/// download of a report (board paper, annual report, self-assessment, letter, sign) is made here, so they share one
/// content type and file-name rule.
/// </summary>
public sealed record ReportFile(byte[] Content, string ContentType, string Name)
{
    /// <summary>The page as <paramref name="name"/>.html, or printed as <paramref name="name"/>.pdf.</summary>
    /// <exception cref="PdfException">The PDF cannot be made (no Chromium, or it did not finish); the message says what to do.</exception>
    public static async Task<ReportFile> MakeAsync(string html, string name, bool pdf, CancellationToken cancel) =>
        pdf
            ? new(await PdfPrinter.PrintAsync(html, null, cancel), "application/pdf", name + ".pdf")
            : new(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", name + ".html");
}
