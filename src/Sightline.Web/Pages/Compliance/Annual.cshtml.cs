using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Data;
using Sightline.Data.Reports;
using Sightline.Knowledge;
using Sightline.Web.Reports;

namespace Sightline.Web.Pages.Compliance;

/// <summary>
/// The annual report (Code principle 10) for a period, as the HTML page `sightline report annual` writes or the PDF printed
/// from it, both downloaded: the report's own inline style is not allowed by this site's content security policy, so it is
/// opened from the file, as the public would read it. A GET form: it changes nothing.
/// </summary>
public sealed class AnnualModel(RegisterDb db, KnowledgeBase knowledge, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Year { get; set; }

    [BindProperty(SupportsGet = true)] public string? From { get; set; }

    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    [BindProperty(SupportsGet = true)] public string? Format { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancel)
    {
        if (Format is null)
        {
            return Page();
        }
        if (Format is not ("html" or "pdf"))
        {
            Problem = $"format: '{Format}' is not html or pdf";
            return Page();
        }
        var now = time.GetUtcNow();
        ReportPeriod period;
        try
        {
            period = ReportPeriod.Parse(Given(Year), Given(From), Given(To), DateOnly.FromDateTime(now.UtcDateTime));
        }
        catch (RegisterException e)
        {
            Problem = e.Message;
            return Page();
        }
        var html = AnnualReportHtml.Html(await AnnualReportRead.ReadAsync(db, knowledge, period, time, cancel));
        var name = string.Create(CultureInfo.InvariantCulture, $"annual-report-{period.From:yyyy-MM-dd}-to-{period.To:yyyy-MM-dd}");
        try
        {
            var file = await ReportFile.MakeAsync(html, name, Format == "pdf", cancel);
            return File(file.Content, file.ContentType, file.Name);
        }
        catch (PdfException e)
        {
            Problem = e.Message;
            return Page();
        }
    }

    // An empty box in the form means the option was not given.
    private static string? Given(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
