using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Sightline.Web.Tests;

/// <summary>
/// The case page's forms beyond stages: grounds assessed for a bidder and its persons, associated persons and their
/// replacement, specification lines, and acceptance from the installer's list. Each refuses bad input with the Data layer's
/// message and writes nothing; only Procurement and Admin can post.
/// </summary>
public sealed class ProcurementCasePageTests
{
    // Today for the web; the 5-year look-back then starts on 2021-12-08.
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private const string Page = "/Procurement/1";

    // Case 1 with supplier 1 as a bidder; the supplier has a connected director.
    private static async Task<TestRegister> WithBidderAsync(string provider)
    {
        var register = await Estate.NewAsync(provider);
        await register.RunAsync("", "suppliers", "add", "--legal-name", "Northern <CCTV> Ltd", "--country", "GB", "--roles", "installer",
            "--connected", "J. Smith (director)");
        await register.RunAsync("", "procurement", "case", "add", "Town centre camera replacement", "--excluded-makers", "hikvision;dahua");
        await register.RunAsync("", "procurement", "case", "bidder", "1", "1");
        return register;
    }

    private static async Task<List<string>> AuditAsync(TestRegister register)
    {
        await using var db = await register.OpenAsync();
        return await db.AuditEntries.Where(a => a.EntityType == "procurement-case" && a.Actor != "tester").OrderBy(a => a.Sequence)
            .Select(a => a.Action + " " + a.Actor).ToListAsync();
    }

    private static (string, string)[] Assessment(string person, string ground, string? eventOn, params (string, string)[] more) =>
        [("supplier", "1"), ("person", person), ("ground", ground), ("applies", "true"), ("eventOn", eventOn ?? ""), ("continuing", "true"), .. more];

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Grounds_AssessedForTheBidderAndItsPersons_WithLookBack_AndNationalSecurityOnlyWithTheMinister(string provider)
    {
        await using var register = await WithBidderAsync(provider);
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var procurement = await app.SignedInAsync("procurement");

        var director = await procurement.PostFormAsync(Page, Page + "?handler=Assess",
            Assessment("J. Smith (director)", "m.theft-fraud-bribery", "2022-01-10", ("notes", "Crown Court <b>conviction</b>, case T20220001")));
        var old = await procurement.PostFormAsync(Page, Page + "?handler=Assess", Assessment("Northern <CCTV> Ltd", "d.insolvency", "2021-12-07"));
        var notApplying = await procurement.PostFormAsync(Page, Page + "?handler=Assess", ("supplier", "1"), ("ground", "d.breach-of-contract"), ("notes", "Contracts checked"));
        var nationalBare = await procurement.PostFormAsync(Page, Page + "?handler=Assess", Assessment("Northern <CCTV> Ltd", "d.national-security", "2026-10-01"));
        var national = await procurement.PostFormAsync(Page, Page + "?handler=Assess", Assessment("Northern <CCTV> Ltd", "d.national-security", "2026-10-01",
            ("ministerNotified", "2026-11-20"), ("ministerReference", "NSUP/2026/114")));
        var noEvent = await procurement.PostFormAsync(Page, Page + "?handler=Assess", Assessment("Northern <CCTV> Ltd", "d.labour-market", null));
        var badDay = await procurement.PostFormAsync(Page, Page + "?handler=Assess", Assessment("Northern <CCTV> Ltd", "d.labour-market", "2026-13-01"));
        var stranger = await procurement.PostFormAsync(Page, Page + "?handler=Assess", Assessment("Nobody Ltd", "d.labour-market", "2026-01-01"));
        var unknownGround = await procurement.PostFormAsync(Page, Page + "?handler=Assess", Assessment("Northern <CCTV> Ltd", "x.made-up", "2026-01-01"));
        var page = await procurement.PageAsync(Page);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect),
            (director.StatusCode, old.StatusCode, notApplying.StatusCode, national.StatusCode));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
            (nationalBare.StatusCode, noEvent.StatusCode, badDay.StatusCode, stranger.StatusCode, unknownGround.StatusCode));
        Assert.Contains("ground d.national-security: national security can be found to apply only with the Minister&#x27;s notification on record",
            await nationalBare.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("event: give the day of the conviction or event that makes d.labour-market apply", await noEvent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("event: &#x27;2026-13-01&#x27; is not a date written YYYY-MM-DD", await badDay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("person: &#x27;Nobody Ltd&#x27; is not Northern &lt;CCTV&gt; Ltd", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("ground: no ground &#x27;x.made-up&#x27;", await unknownGround.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Contains("an event counts if it happened on or after <strong>2021-12-08</strong>", page, StringComparison.Ordinal);
        Assert.Contains("<h3>Northern &lt;CCTV&gt; Ltd: an excluded supplier</h3>", page, StringComparison.Ordinal);
        Assert.Contains("<td>connected J. Smith (director)</td>", page, StringComparison.Ordinal);
        Assert.Contains("Crown Court &lt;b&gt;conviction&lt;/b&gt;, case T20220001", page, StringComparison.Ordinal);
        Assert.Contains("<td>2022-01-10; counts until 2027-01-10</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>outside the 5-year look-back: does not count</td>", page, StringComparison.Ordinal);
        Assert.Contains("<td>does not apply</td>", page, StringComparison.Ordinal);
        Assert.Contains("Minister notified 2026-11-20 (NSUP/2026/114).", page, StringComparison.Ordinal);
        Assert.Contains("<optgroup label=\"Schedule 6: mandatory\">", page, StringComparison.Ordinal);
        Assert.Equal(["assess-ground procurement", "assess-ground procurement", "assess-ground procurement", "assess-ground procurement"], await AuditAsync(register));
        await using var db = await register.OpenAsync();
        Assert.Equal(4, await db.GroundAssessments.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task AssociatedPersons_AddedCheckedAndReplaced_TheReplacedOneNoLongerCounts(string provider)
    {
        await using var register = await WithBidderAsync(provider);
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var procurement = await app.SignedInAsync("procurement");

        var added = await procurement.PostFormAsync(Page, Page + "?handler=Associate", ("supplier", "1"), ("name", "Cheap <Cabling> Ltd"), ("role", "sub-contractor"));
        var twice = await procurement.PostFormAsync(Page, Page + "?handler=Associate", ("supplier", "1"), ("name", "Cheap <Cabling> Ltd"), ("role", "sub-contractor"));
        var nameless = await procurement.PostFormAsync(Page, Page + "?handler=Associate", ("supplier", "1"), ("name", " "));
        var assessed = await procurement.PostFormAsync(Page, Page + "?handler=Assess", Assessment("Cheap <Cabling> Ltd", "d.labour-market", "2025-03-10"));
        var listed = await procurement.PostFormAsync(Page, Page + "?handler=Debarment", ("supplier", "1"), ("person", "Cheap <Cabling> Ltd"),
            ("result", "not-listed"), ("checkedOn", "2026-12-01"), ("reference", "debarment list, December"));
        var excludable = await procurement.PageAsync(Page);
        var noReason = await procurement.PostFormAsync(Page, Page + "?handler=Replace", ("supplier", "1"), ("name", "Cheap <Cabling> Ltd"), ("replacement", "Good Cabling Ltd"),
            ("reason", ""));
        var notAssociate = await procurement.PostFormAsync(Page, Page + "?handler=Replace", ("supplier", "1"), ("name", "Nobody Ltd"), ("replacement", "Good Cabling Ltd"),
            ("reason", "Labour-market misconduct"));
        var replaced = await procurement.PostFormAsync(Page, Page + "?handler=Replace", ("supplier", "1"), ("name", "Cheap <Cabling> Ltd"), ("replacement", "Good Cabling Ltd"),
            ("reason", "Labour-market misconduct; replaced under the Act's chance to replace"));
        var page = await procurement.PageAsync(Page);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect),
            (added.StatusCode, assessed.StatusCode, listed.StatusCode, replaced.StatusCode));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
            (twice.StatusCode, nameless.StatusCode, noReason.StatusCode, notAssociate.StatusCode));
        Assert.Contains("&#x27;Cheap &lt;Cabling&gt; Ltd&#x27; is already an associated person", await twice.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("name: give the associated person&#x27;s name", await nameless.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("reason: say why the associated person is replaced", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("&#x27;Nobody Ltd&#x27; is not a current associated person", await notAssociate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("<h3>Northern &lt;CCTV&gt; Ltd: an excludable supplier</h3>", excludable, StringComparison.Ordinal);
        Assert.Contains("associated Cheap &lt;Cabling&gt; Ltd: debarment list not-listed on 2026-12-01 (debarment list, December)", excludable, StringComparison.Ordinal);
        Assert.Contains("<h3>Northern &lt;CCTV&gt; Ltd: neither excluded nor excludable</h3>", page, StringComparison.Ordinal);
        Assert.Contains("associated Cheap &lt;Cabling&gt; Ltd (sub-contractor) replaced on 2026-12-07: Labour-market misconduct", page, StringComparison.Ordinal);
        Assert.Contains("associated Good Cabling Ltd: debarment list not checked", page, StringComparison.Ordinal);
        Assert.Contains("<td>superseded or about a replaced person: does not count</td>", page, StringComparison.Ordinal);
        Assert.Equal(["add-associate procurement", "assess-ground procurement", "check-debarment procurement", "replace-associate procurement"], await AuditAsync(register));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Specification_LinesAddedAndRemoved_UntilItIsSignedOff(string provider)
    {
        await using var register = await WithBidderAsync(provider);
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var procurement = await app.SignedInAsync("procurement");

        var first = await procurement.PostFormAsync(Page, Page + "?handler=Specify", ("maker", "axis"), ("model", "P3265-LVE <dome>"), ("firmware", "11.5.64"), ("count", "4"));
        var second = await procurement.PostFormAsync(Page, Page + "?handler=Specify", ("maker", "Axis"), ("model", "Q6135-LE"), ("firmware", ""), ("count", "3"));
        var unknownMaker = await procurement.PostFormAsync(Page, Page + "?handler=Specify", ("maker", "nobody-cams"), ("model", "X1"), ("count", "1"));
        var wordCount = await procurement.PostFormAsync(Page, Page + "?handler=Specify", ("maker", "axis"), ("model", "X1"), ("count", "four"));
        var zero = await procurement.PostFormAsync(Page, Page + "?handler=Specify", ("maker", "axis"), ("model", "X1"), ("count", "0"));
        var listed = await procurement.PageAsync(Page);
        var removed = await procurement.PostFormAsync(Page, Page + "?handler=Unspecify", ("line", "2"));
        var again = await procurement.PostFormAsync(Page, Page + "?handler=Unspecify", ("line", "2"));
        await using (var db = await register.OpenAsync())
        {
            Assert.Equal(["axis P3265-LVE <dome> 11.5.64 4"], await db.SpecificationItems.Select(i => i.Maker + " " + i.Model + " " + i.Firmware + " " + i.Count).ToListAsync());
        }
        foreach (var stage in new[] { "problem", "requirement", "dpia", "specification" })
        {
            await procurement.PostFormAsync(Page, Page + "?handler=Stage", ("stage", stage), ("record", $"The {stage} record"));
            await procurement.PostFormAsync(Page, Page + "?handler=SignOff", ("stage", stage));
        }
        var afterSignOff = await procurement.PostFormAsync(Page, Page + "?handler=Unspecify", ("line", "1"));
        var signed = await procurement.PageAsync(Page);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode, removed.StatusCode));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
            (unknownMaker.StatusCode, wordCount.StatusCode, zero.StatusCode, again.StatusCode, afterSignOff.StatusCode));
        Assert.Contains("maker: no maker with the ID &#x27;nobody-cams&#x27; in the knowledge", await unknownMaker.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("count: &#x27;four&#x27; is not a whole number of devices", await wordCount.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("count: 0 is not a number of devices from 1 to 1,000,000", await zero.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("line: there is no specification line 2 on case 1", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("case 1: the specification is signed off, so it cannot change", await afterSignOff.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Line 1: 4 × axis P3265-LVE &lt;dome&gt;, firmware 11.5.64", listed, StringComparison.Ordinal);
        Assert.Contains("Line 2: 3 × axis Q6135-LE", listed, StringComparison.Ordinal);
        Assert.Contains("Remove line 2", listed, StringComparison.Ordinal);
        Assert.Contains("Line 1: 4 × axis P3265-LVE &lt;dome&gt;, firmware 11.5.64", signed, StringComparison.Ordinal);
        Assert.DoesNotContain("Remove line", signed, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Specify", signed, StringComparison.Ordinal);
        Assert.Equal(["specify procurement", "specify procurement", "unspecify procurement"], (await AuditAsync(register)).Where(a => a.Contains("specify", StringComparison.Ordinal)));
    }

    // One P3265-LVE too many, a white-labelled Hikvision (ANNKE) in place of a Q6135-LE, two Q6135-LE missing.
    private const string InstallersList =
        "brand,model,firmware,count,serial\n" +
        "Axis,P3265-LVE,11.5.64,5,\n" +
        "ANNKE,I91BN,V5.7.3,1,DS-2CD2143G2-I20210101AAWRE12345678\n";

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Acceptance_FromTheInstallersList_RecordsTheDifferences_AndABadListWritesNothing(string provider)
    {
        await using var register = await WithBidderAsync(provider);
        await register.RunAsync("", "procurement", "case", "specify", "1", "--maker", "axis", "--model", "P3265-LVE", "--firmware", "11.5.64", "--count", "4");
        await register.RunAsync("", "procurement", "case", "specify", "1", "--maker", "axis", "--model", "Q6135-LE", "--count", "3");
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var procurement = await app.SignedInAsync("procurement");
        var early = await procurement.UploadAsync(Page, Page + "?handler=AcceptList", "installed.csv", InstallersList);
        foreach (var stage in new[] { "problem", "requirement", "dpia", "specification" })
        {
            await procurement.PostFormAsync(Page, Page + "?handler=Stage", ("stage", stage), ("record", $"The {stage} record"));
            await procurement.PostFormAsync(Page, Page + "?handler=SignOff", ("stage", stage));
        }

        var badRows = await procurement.UploadAsync(Page, Page + "?handler=AcceptList", "bad<list>.csv",
            "brand,model,firmware,count\nAxis,P3265-LVE,11.5.64,four\nAxis,,11.5.64,1\nAxis,\"Q6135-LE,1\n");
        var noModelColumn = await procurement.UploadAsync(Page, Page + "?handler=AcceptList", "columns.csv", "brand,firmware\nAxis,1\n");
        var empty = await procurement.UploadAsync(Page, Page + "?handler=AcceptList", "empty.csv", "");
        var tooLarge = await procurement.UploadAsync(Page, Page + "?handler=AcceptList", "huge.csv", new byte[10 * 1024 * 1024 + 1]);
        var accepted = await procurement.UploadAsync(Page, Page + "?handler=AcceptList", "installed.csv", InstallersList);
        var page = await procurement.PageAsync(Page);

        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("case 1: sign off the specification before checking a delivery against it", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Redirect),
            (badRows.StatusCode, noModelColumn.StatusCode, empty.StatusCode, tooLarge.StatusCode, accepted.StatusCode));
        var bad = await badRows.Content.ReadAsStringAsync();
        Assert.Contains("<li>bad&lt;list&gt;.csv:2: count: &#x27;four&#x27; is not a number of devices from 1 to 100,000</li>", bad, StringComparison.Ordinal);
        Assert.Contains("<li>bad&lt;list&gt;.csv:3: model: give the model delivered</li>", bad, StringComparison.Ordinal);
        Assert.Contains("<li>bad&lt;list&gt;.csv:4:6: quoted cell is never closed</li>", bad, StringComparison.Ordinal);
        Assert.Contains("columns.csv:1: the header has no &#x27;model&#x27; column", await noModelColumn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("list: choose the installer&#x27;s list", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("huge.csv: 10,485,761 bytes; an installer&#x27;s list may be at most 10,485,760 bytes", await tooLarge.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Check 1: list installed.csv, 6 delivered — 4 differences", page, StringComparison.Ordinal);
        // The differences' own text is encoded whole, its × included.
        Assert.Contains("<strong>white-label</strong>: 1 × ANNKE I91BN (platform: Hikvision)", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("<strong>extra</strong>: 1 × Axis P3265-LVE more than the 4 × specified", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.Equal(["list installed.csv"], await db.AcceptanceChecks.Select(a => a.Source).ToListAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "accept"));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task NewForms_ComplianceReadsWithoutThem_ComplianceAndViewerPostsAreRefused_NothingWritten(string provider)
    {
        await using var register = await WithBidderAsync(provider);
        await register.RunAsync("", "procurement", "exclusion", "associate", "1", "1", "Cheap Cabling Ltd");
        await using var app = new WebApp(register, new FakeTimeProvider(Now));
        using var compliance = await app.SignedInAsync("compliance");
        using var viewer = await app.SignedInAsync("viewer");
        var before = await AuditAsync(register);

        var read = await compliance.PageAsync(Page);
        var posts = new List<HttpResponseMessage>();
        foreach (var client in new[] { compliance, viewer })
        {
            // A viewer cannot open the case page, so it takes its antiforgery token from the home page.
            var from = client == compliance ? Page : "/";
            posts.Add(await client.PostFormAsync(from, Page + "?handler=Assess", Assessment("Northern <CCTV> Ltd", "d.labour-market", "2026-01-01")));
            posts.Add(await client.PostFormAsync(from, Page + "?handler=Associate", ("supplier", "1"), ("name", "Other Ltd")));
            posts.Add(await client.PostFormAsync(from, Page + "?handler=Replace", ("supplier", "1"), ("name", "Cheap Cabling Ltd"), ("replacement", "Other Ltd"), ("reason", "x")));
            posts.Add(await client.PostFormAsync(from, Page + "?handler=Specify", ("maker", "axis"), ("model", "X1"), ("count", "1")));
            posts.Add(await client.PostFormAsync(from, Page + "?handler=Unspecify", ("line", "1")));
            posts.Add(await client.UploadAsync(from, Page + "?handler=AcceptList", "installed.csv", InstallersList));
        }

        Assert.Contains("Cheap Cabling Ltd", read, StringComparison.Ordinal);
        foreach (var handler in new[] { "Assess", "Associate", "Replace", "Specify", "Unspecify", "AcceptList" })
        {
            Assert.DoesNotContain($"handler={handler}\"", read, StringComparison.Ordinal);
        }
        Assert.All(posts, p => Assert.Contains("/Account/Denied", p.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal));
        Assert.Equal(before, await AuditAsync(register));
        await using var db = await register.OpenAsync();
        Assert.Equal((0, 0, 1), (await db.GroundAssessments.CountAsync(), await db.SpecificationItems.CountAsync(), await db.AssociatedPersons.CountAsync()));
    }
}
