using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Audit;
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

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task PageAndApi_ShowTheLatestCheckpoint_AndATailCutOffAfterIt(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await register.RunAsync("", "init", "--checkpoint-key", Path.Combine(register.Folder, "keys", "audit.key"));
        long head;
        await using (var db = await register.OpenAsync())
        {
            (head, _) = await AuditCheckpoints.HeadAsync(db, CancellationToken.None);
        }
        await using var app = new WebApp(register);
        using var assessor = await app.SignedInAsync("assessor");

        var shown = await assessor.PageAsync("/Audit?verify=true");
        using var intact = JsonDocument.Parse(await assessor.PageAsync("/api/v1/audit/verify"));
        await using (var db = await register.OpenAsync())
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM audit_entries WHERE sequence = {head}");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM audit_checkpoints");
        }
        var cut = await assessor.PageAsync("/Audit?verify=true");
        using var broken = JsonDocument.Parse(await assessor.PageAsync("/api/v1/audit/verify"));

        Assert.Contains($"Latest: entry {head}, signed at ", shown, StringComparison.Ordinal);
        Assert.Contains("chain verified against its signed checkpoints", shown, StringComparison.Ordinal);
        Assert.True(intact.RootElement.GetProperty("intact").GetBoolean());
        Assert.All(intact.RootElement.GetProperty("checkpoints").EnumerateArray(), c => Assert.True(c.GetProperty("holds").GetBoolean()));
        Assert.Contains($"Audit log BROKEN: checkpoint {Path.Combine(register.Folder, "keys", "checkpoints")}", cut, StringComparison.Ordinal);
        Assert.Contains($"the log ends at #{head - 1} but the checkpoint signed at ", cut, StringComparison.Ordinal);
        Assert.Contains($"covers #{head}: entry {head} was removed", cut, StringComparison.Ordinal);
        Assert.False(broken.RootElement.GetProperty("intact").GetBoolean());
        Assert.Contains($"entry {head} was removed", broken.RootElement.GetProperty("checkpoints")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
