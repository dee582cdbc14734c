using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Sightline.Web.Tests;

/// <summary>
/// A questionnaire's papers on the supplier page and the API: the letter (HTML and PDF) and the return form downloaded,
/// the filled form uploaded (CSRF-checked, Procurement only), a faulty one refused with its place and nothing recorded.
/// </summary>
public sealed class QuestionnairePapersWebTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task SupplierPage_OffersTheLetterAndForm_AndImportsTheFilledForm(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var procurement = await app.SignedInAsync("procurement");
        using var viewer = await app.SignedInAsync("viewer");
        using var compliance = await app.SignedInAsync("compliance");
        await procurement.PostFormAsync("/Suppliers", "/Suppliers", ("legal-name", "Acme & <Sons> Ltd"), ("country", "GB"), ("roles", "installer"),
            ("makers", "hikvision"), ("turnover-over-36m", ""));
        var sent = await procurement.PostFormAsync("/Suppliers/1", "/Suppliers/1?handler=Send", ("sent", "2026-11-01"), ("deadline", "2026-12-31"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var page = await procurement.PageAsync("/Suppliers/1");
        var letter = await procurement.GetAsync("/Suppliers/1?handler=Letter&questionnaire=1&format=html");
        var pdf = await procurement.GetAsync("/Suppliers/1?handler=Letter&questionnaire=1&format=pdf");
        var form = await viewer.GetAsync("/Suppliers/1?handler=Form&questionnaire=1");
        var otherSupplier = await procurement.GetAsync("/Suppliers/2?handler=Form&questionnaire=1");

        Assert.Contains("<a href=\"/Suppliers/1?handler=Letter&amp;questionnaire=1&amp;format=pdf\">PDF</a>", page, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Suppliers/1?handler=Form&amp;questionnaire=1\">return form (CSV)</a>", page, StringComparison.Ordinal);
        Assert.Contains("enctype=\"multipart/form-data\"", page, StringComparison.Ordinal);
        Assert.Equal(("text/html", "application/pdf", "text/csv"), (letter.Content.Headers.ContentType!.MediaType, pdf.Content.Headers.ContentType!.MediaType,
            form.Content.Headers.ContentType!.MediaType));
        var html = await letter.Content.ReadAsStringAsync();
        Assert.Contains("Acme &amp; &lt;Sons&gt; Ltd", html, StringComparison.Ordinal);
        Assert.Contains("Please reply by 31 December 2026.", html, StringComparison.Ordinal);
        Assert.Equal("%PDF-"u8.ToArray(), (await pdf.Content.ReadAsByteArrayAsync())[..5]);
        Assert.Equal(HttpStatusCode.NotFound, otherSupplier.StatusCode);
        var csv = await form.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        Assert.Equal("questionnaire,question,topic,question text,answer,declined,evidence", lines[0]);
        Assert.Equal(20, lines.Count);

        // The supplier answers own.1 and declines law.2 (lines 2 and 5 of the form); a copy with an unknown question on line 3 is refused whole.
        lines[1] = lines[1][..^3] + ",\"Owned by <b>Acme Group</b>, plc\",,https://example.org/acme";
        lines[4] = lines[4][..^3] + ",,yes,";
        var filled = string.Join('\n', lines) + "\n";
        var faulty = string.Join('\n', lines.Select((l, i) => i == 2 ? "1,zz.9,x,y,an answer,," : l)) + "\n";
        var noToken = await procurement.Http.PostAsync(new Uri("/Suppliers/1?handler=Import", UriKind.Relative), Multipart(filled));
        var refused = await procurement.UploadAsync("/Suppliers/1", "/Suppliers/1?handler=Import", "return.csv", faulty, ("questionnaire", "1"), ("received", "2026-11-20"));
        var refusedPage = await refused.Content.ReadAsStringAsync();
        var forbidden = await compliance.UploadAsync("/Suppliers/1", "/Suppliers/1?handler=Import", "return.csv", filled, ("questionnaire", "1"));
        await using (var db = await register.OpenAsync())
        {
            Assert.Equal(0, await db.QuestionnaireReplies.CountAsync());
        }
        var imported = await procurement.UploadAsync("/Suppliers/1", "/Suppliers/1?handler=Import", "return.csv", filled, ("questionnaire", "1"), ("received", "2026-11-20"));
        var after = await procurement.PageAsync("/Suppliers/1");

        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Nothing was recorded: return.csv:3: question: &#x27;zz.9&#x27; was not asked in questionnaire 1", refusedPage, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Contains("1 answer and 1 refusal recorded from the return form.", after, StringComparison.Ordinal);
        Assert.Contains("Owned by &lt;b&gt;Acme Group&lt;/b&gt;, plc", after, StringComparison.Ordinal);
        Assert.Contains("Declined to answer, 2026-11-20", after, StringComparison.Ordinal);
        await using var check = await register.OpenAsync();
        Assert.Equal(["send", "answer", "decline"],
            await check.AuditEntries.Where(a => a.EntityType == "questionnaire" && a.Actor == "procurement").OrderBy(a => a.Sequence).Select(a => a.Action).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Api_ServesTheLetterAndForm_AndImportsAFilledForm_ForProcurementOnly(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var procurement = await SupplierTests.TokenClientAsync(app, "procurement");
        using var viewer = await SupplierTests.TokenClientAsync(app, "viewer");
        await procurement.PostAsJsonAsync("/api/v1/suppliers",
            new Dictionary<string, string?> { ["legal-name"] = "Acme Security Ltd", ["country"] = "GB", ["roles"] = "installer" });
        await procurement.PostAsJsonAsync("/api/v1/suppliers/1/questionnaires", new { sent = "2026-11-01", deadline = "2026-11-30" });

        var letter = await viewer.GetAsync(new Uri("/api/v1/questionnaires/1/letter", UriKind.Relative));
        var badFormat = await viewer.GetAsync(new Uri("/api/v1/questionnaires/1/letter?format=docx", UriKind.Relative));
        var missing = await viewer.GetAsync(new Uri("/api/v1/questionnaires/9/form", UriKind.Relative));
        var form = Encoding.UTF8.GetString((await viewer.GetByteArrayAsync(new Uri("/api/v1/questionnaires/1/form", UriKind.Relative)))[3..]);
        var filled = Regex.Replace(form, "^(1,xj\\.1,.*),,,$", "$1,No Xinjiang contracts,,", RegexOptions.Multiline);
        var viewerImport = await viewer.PostAsync(new Uri("/api/v1/questionnaires/1/form", UriKind.Relative), new StringContent(filled, Encoding.UTF8, "text/csv"));
        var bad = await procurement.PostAsync(new Uri("/api/v1/questionnaires/1/form", UriKind.Relative),
            new StringContent(filled.Replace("declined", "refused", StringComparison.Ordinal), Encoding.UTF8, "text/csv"));
        var imported = await procurement.PostAsync(new Uri("/api/v1/questionnaires/1/form?received=2026-11-20", UriKind.Relative),
            new StringContent(filled, Encoding.UTF8, "text/csv"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound), (letter.StatusCode, badFormat.StatusCode, missing.StatusCode));
        Assert.Contains("Acme Security Ltd", await letter.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(filled, form);
        Assert.Equal(HttpStatusCode.Forbidden, viewerImport.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("form:1: the header must be", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        using var json = JsonDocument.Parse(await imported.Content.ReadAsStringAsync());
        Assert.Equal((1, 0), (json.RootElement.GetProperty("answers").GetInt32(), json.RootElement.GetProperty("refusals").GetInt32()));
        await using var db = await register.OpenAsync();
        Assert.Equal([("xj.1", "No Xinjiang contracts")], (await db.QuestionnaireReplies.Select(r => new { r.QuestionId, r.Text }).ToListAsync()).Select(r => (r.QuestionId, r.Text)));
    }

    private static MultipartFormDataContent Multipart(string csv)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent("1"), "questionnaire" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "return.csv" },
        };
        return form;
    }
}
