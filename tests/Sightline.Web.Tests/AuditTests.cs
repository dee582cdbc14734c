using System.Net;
using System.Text.Json;
using Sightline.Tests.AuditLog;

namespace Sightline.Web.Tests;

public sealed class AuditTests
{
    [Theory]
    [MemberData(nameof(AuditFilterCases.Both), MemberType = typeof(AuditFilterCases))]
    public async Task PageAndApi_EachFilter_GiveItsEntries(string provider, string filter, string expected)
    {
        await using var register = await Estate.NewAsync(provider);
        var sequences = await AuditFilterCases.WriteAsync(register);
        var query = string.Join('&', AuditFilterCases.Pairs(filter, sequences).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
        await using var app = new WebApp(register);
        using var assessor = await app.SignedInAsync("assessor");

        var page = await assessor.PageAsync($"/Audit?{query}");
        var api = await assessor.PageAsync($"/api/v1/audit?{query}&limit=1000");

        Assert.Equal(expected, AuditFilterCases.Found(page));
        using var json = JsonDocument.Parse(api);
        Assert.Equal(expected, AuditFilterCases.Found(string.Join(' ', json.RootElement.EnumerateArray().Select(e => e.GetProperty("action").GetString()))));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task PageAndApi_DateThatIsNotADate_SayWhich(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var assessor = await app.SignedInAsync("assessor");

        var page = await assessor.PageAsync("/Audit?from=<b>soon</b>");
        var api = await assessor.GetAsync("/api/v1/audit?to=tomorrow");

        Assert.Contains("From: &#x27;&lt;b&gt;soon&lt;/b&gt;&#x27; is not a date; write it as YYYY-MM-DD", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Contains("to: 'tomorrow' is not a date", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
