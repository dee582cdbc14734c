using Microsoft.EntityFrameworkCore;
using Sightline.LogBook;

namespace Sightline.Tests.LogBook;

// Today is Cli.Start, 2026-11-29: records finished before 2020-11-29 are past the log book's six years.
public sealed class LogBookPurgeTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Purge_DeletesOnlyFinishedRecordsPastSixYears_AndAuditsTheCounts(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "systems", "add", "Town Centre").Ok();
        int system;
        await using (var db = await register.OpenAsync())
        {
            system = await db.Systems.Select(s => s.Id).SingleAsync();
            var old = new DateOnly(2019, 3, 1);
            db.SubjectAccessRequests.AddRange(
                new SubjectAccessRequest { Received = old, Requester = "closed long ago", Closed = new DateOnly(2020, 11, 28) },
                new SubjectAccessRequest { Received = old, Requester = "closed just inside", Closed = new DateOnly(2020, 11, 29) },
                new SubjectAccessRequest { Received = old, Requester = "never closed" });
            db.LegalHolds.AddRange(
                new LegalHold { Placed = old, ReviewBy = old, Released = new DateOnly(2020, 1, 1), Systems = $"{system}" },
                new LegalHold { Placed = old, ReviewBy = old, Systems = $"{system}" });
            db.Disclosures.Add(new Disclosure { Received = old, RecipientPerson = "PC 1", RecipientOrganisation = "Police", Purpose = "x", Closed = new DateOnly(2019, 6, 1) });
            db.FootageAccesses.AddRange(
                new FootageAccess { At = new DateTimeOffset(2020, 11, 28, 23, 0, 0, TimeSpan.Zero), Person = "A", Action = AccessAction.Viewed, SystemId = system, Purpose = "x" },
                new FootageAccess { At = new DateTimeOffset(2020, 11, 29, 0, 0, 0, TimeSpan.Zero), Person = "B", Action = AccessAction.Viewed, SystemId = system, Purpose = "x" });
            await db.SaveChangesAsync();
        }

        var dryRun = await Cli.RunAsync(register, "logbook", "purge", "--dry-run").Ok();
        var purge = await Cli.RunAsync(register, "logbook", "purge").Ok();
        var again = await Cli.RunAsync(register, "logbook", "purge").Ok();

        Assert.Equal("Would delete what finished before 2020-11-29: 1 subject access request, 1 disclosure request, 1 hold, 1 from the viewing and export log.",
            dryRun.Output.Trim());
        Assert.Equal("Deleted what finished before 2020-11-29: 1 subject access request, 1 disclosure request, 1 hold, 1 from the viewing and export log.",
            purge.Output.Trim());
        Assert.StartsWith("Deleted what finished before 2020-11-29: 0 subject access requests, 0 disclosure requests, 0 holds, 0 from", again.Output, StringComparison.Ordinal);
        await using var check = await register.OpenAsync();
        Assert.Equal(["closed just inside", "never closed"], await check.SubjectAccessRequests.OrderBy(r => r.Id).Select(r => r.Requester).ToListAsync());
        Assert.Equal([null], await check.LegalHolds.Select(h => h.Released).ToListAsync());
        Assert.Empty(await check.Disclosures.ToListAsync());
        Assert.Equal(["B"], await check.FootageAccesses.Select(a => a.Person).ToListAsync());
        var audit = await check.AuditEntries.Where(a => a.Action == "purge").ToListAsync();
        Assert.Single(audit); // the second purge deleted nothing, and says so without an entry
        Assert.Equal("""{"closed_before":"2020-11-29","subject_access_requests":"1","disclosures":"1","holds":"1","viewings_and_exports":"1"}""", audit[0].After);
    }
}
