using System.Diagnostics;

namespace Sightline.Web.Reports;

/// <summary>
/// Prints an HTML page to PDF with headless Chromium (Debian's `chromium`), so the PDF is the same page people see. The
/// page is written to a private temporary folder, with Chromium's profile; the wait is bounded.
/// </summary>
public static class PdfPrinter
{
    /// <summary>Where Debian installs Chromium; SIGHTLINE_CHROMIUM names another.</summary>
    public const string DefaultChromium = "/usr/bin/chromium";

    /// <summary>The longest a print may take before Chromium is stopped.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>The PDF of <paramref name="html"/>; a <see cref="PdfException"/> saying what to do when it cannot be made.</summary>
    public static async Task<byte[]> PrintAsync(string html, string? chromium, CancellationToken cancel)
    {
        var program = string.IsNullOrEmpty(chromium) ? DefaultChromium : chromium;
        if (!File.Exists(program))
        {
            throw new PdfException(
                $"cannot make a PDF: Chromium is not installed at {program} (on Debian: apt-get install chromium; or set SIGHTLINE_CHROMIUM); the HTML report needs nothing");
        }
        var folder = Directory.CreateTempSubdirectory("sightline-pdf-");
        try
        {
            var page = Path.Combine(folder.FullName, "report.html");
            var pdf = Path.Combine(folder.FullName, "report.pdf");
            await File.WriteAllTextAsync(page, html, cancel);
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions", "--disable-background-networking",
                "--no-pdf-header-footer", $"--user-data-dir={Path.Combine(folder.FullName, "profile")}", $"--print-to-pdf={pdf}",
                new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start) ?? throw new PdfException($"cannot make a PDF: {program} did not start");
            var errors = process.StandardError.ReadToEndAsync(cancel);
            _ = process.StandardOutput.ReadToEndAsync(cancel);
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            bounded.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(bounded.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancel.ThrowIfCancellationRequested();
                throw new PdfException($"cannot make a PDF: Chromium did not finish within {Timeout.TotalSeconds:0} s");
            }
            if (process.ExitCode != 0 || !File.Exists(pdf))
            {
                var said = (await errors).Trim();
                throw new PdfException($"cannot make a PDF: Chromium exited with code {process.ExitCode}{(said.Length > 0 ? $": {said[..Math.Min(said.Length, 400)]}" : "")}");
            }
            return await File.ReadAllBytesAsync(pdf, cancel);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
