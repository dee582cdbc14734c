using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Sightline.Tests.Compliance;

public sealed class CertificationsCommandTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task List_AlertsNinetyAndThirtyDaysBeforeExpiry_AndOnceExpired(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "systems", "add", "Town Centre").Ok();
        // Desktop, issued 2026-03-01: valid to 2027-02-28. Today (Cli.Start) is 2026-11-29: 91 days left.
        await Cli.RunAsync(register, "certifications", "add", "--body", "nsi", "--step", "desktop", "--issued", "2026-03-01", "--system", "Town Centre").Ok();

        var alerts = new List<string>();
        foreach (var day in new[] { "2026-11-29", "2026-11-30", "2027-01-28", "2027-01-29", "2027-02-28", "2027-03-01" })
        {
            var at = DateTimeOffset.Parse(day + "T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
            var run = await Cli.RunAsync(["certifications", "list", .. register.Options], register.Folder, new Dictionary<string, string>(), new FakeTimeProvider(at));
            // The row ends with the issue date, the expiry date and the alert (if any).
            alerts.Add(System.Text.RegularExpressions.Regex.Match(run.Ok().Output.Split('\n')[1], @"2026-03-01\s+2027-02-28\s*(.*)$").Groups[1].Value);
        }

        Assert.Equal(["", "expires within 90 days", "expires within 90 days", "expires within 30 days", "expires within 30 days", "expired"], alerts);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Add_FullIsValidFiveYears_RefusesBadInput_AndIsAudited(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "systems", "add", "Town Centre").Ok();
        await Cli.RunAsync(register, "systems", "add", "Car Parks").Ok();

        var bad = await Cli.RunAsync(register, "certifications", "add", "--body", "bsi", "--step", "full", "--issued", "1/3/2026", "--system", "Nowhere");
        var other = await Cli.RunAsync(register, "certifications", "add", "--body", "other", "--step", "full", "--issued", "2026-03-01", "--system", "1");
        await Cli.RunAsync(register, "certifications", "add", "--body", "ssaib", "--step", "full", "--issued", "2026-03-01", "--reference", "SC-0042",
            "--system", "Town Centre", "--system", "2").Ok();
        var list = await Cli.RunAsync(register, "certifications", "list").Ok();

        Assert.Equal("error: body: 'bsi' is not one of nsi, ssaib, iq-verify, other; issued: '1/3/2026' is not a date written YYYY-MM-DD; systems: there is no system 'Nowhere'\n", bad.Error);
        Assert.Equal("error: reference: name the body when it is 'other'\n", other.Error);
        Assert.Matches(@"1\s+ssaib\s+full\s+SC-0042\s+Town Centre; Car Parks\s+2026-03-01\s+2031-02-28\n", list.Output);
        await using var db = await register.OpenAsync();
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == "certification" && a.Action == "create"));
    }
}
