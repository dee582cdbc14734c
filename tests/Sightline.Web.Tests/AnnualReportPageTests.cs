using System.Net;

namespace Sightline.Web.Tests;

/// <summary>The web's annual report page: linked from Compliance, every role downloads the HTML and the PDF, bad periods are said.</summary>
public sealed class AnnualReportPageTests
{
    private static readonly string[] Roles = ["admin", "manager", "compliance", "assessor", "viewer"];

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task EveryRole_DownloadsTheHtml_ForAYear_AndIsToldWhatIsWrongWithAPeriod(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);

        foreach (var role in Roles)
        {
            using var client = await app.SignedInAsync(role);
            Assert.Contains("<a href=\"/Compliance/Annual\">Annual report</a>", await client.PageAsync("/Compliance"), StringComparison.Ordinal);
            Assert.Contains("Download the report (PDF)", await client.PageAsync("/Compliance/Annual"), StringComparison.Ordinal);

            using var html = await client.GetAsync("/Compliance/Annual?year=2026&from=&to=&format=html");
            Assert.Equal(HttpStatusCode.OK, html.StatusCode);
            Assert.Equal("text/html", html.Content.Headers.ContentType!.MediaType);
            Assert.Equal("annual-report-2026-01-01-to-2026-12-31.html", html.Content.Headers.ContentDisposition!.FileName);
            var text = await html.Content.ReadAsStringAsync();
            Assert.Contains("Northmoor Borough Council: annual review of surveillance camera systems, 1 January 2026 to 31 December 2026", text, StringComparison.Ordinal);
            Assert.Contains("<h2>Town Centre CCTV</h2>", text, StringComparison.Ordinal);
        }

        using var viewer = await app.SignedInAsync("viewer");
        var bad = await viewer.PageAsync("/Compliance/Annual?year=&from=2026-03-01&to=2026-01-01&format=html");
        Assert.Contains("<p class=\"problem\" role=\"alert\">--to 2026-01-01 is before --from 2026-03-01</p>", bad, StringComparison.Ordinal);
        var format = await viewer.PageAsync("/Compliance/Annual?year=2026&format=%3Cdocx%3E");
        Assert.Contains("format: &#x27;&lt;docx&gt;&#x27; is not html or pdf", format, StringComparison.Ordinal);

        using var anonymous = app.Client();
        using var refused = await anonymous.GetAsync("/Compliance/Annual?year=2026&format=html");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/Account/Login", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_IsPrintedByChromium_AndDownloaded()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await using var app = new WebApp(register);
        using var viewer = await app.SignedInAsync("viewer");

        using var pdf = await viewer.GetAsync("/Compliance/Annual?year=2026&format=pdf");

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("annual-report-2026-01-01-to-2026-12-31.pdf", pdf.Content.Headers.ContentDisposition!.FileName);
        Assert.Equal("%PDF-"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync())[..5]);
    }
}
