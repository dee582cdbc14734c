using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Sightline.Web.Tests;

public sealed partial class ImportTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Upload_DryRunShowsTheDiff_CommitWritesIt_AsTheUser(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var manager = await app.SignedInAsync("manager");
        var file = "asset_id,system,site,kind,brand,model,firmware\nCAM-001,Town Centre CCTV,Market Square,camera,Hikvision,DS-2CD2143G2-I,V5.8.0\n" +
            "CAM-010,Town Centre CCTV,Bus Station,camera,Axis,P3245-LVE,\n";

        var checkedFile = await manager.UploadAsync("/Import", "/Import?handler=Check", "update.csv", file, ("what", "devices"));
        var html = await checkedFile.Content.ReadAsStringAsync();
        await using (var db = await register.OpenAsync())
        {
            Assert.Equal(3, await db.Devices.CountAsync());
        }
        var upload = UploadPattern().Match(html).Groups[1].Value;
        var committed = await manager.PostAsync("/Import?handler=Commit", ("upload", upload), ("what", "devices"), ("fileName", "update.csv"),
            ("__RequestVerificationToken", WebClient.TokenIn(html)));
        var done = await committed.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, checkedFile.StatusCode);
        Assert.Contains("Dry run, nothing written", html, StringComparison.Ordinal);
        Assert.Contains("Would create 1 device, update 1", html, StringComparison.Ordinal);
        Assert.Contains("V5.8.0", html, StringComparison.Ordinal);
        Assert.Contains("Created 1 device, updated 1", done, StringComparison.Ordinal);
        await using var after = await register.OpenAsync();
        Assert.Equal(4, await after.Devices.CountAsync());
        Assert.Equal("V5.8.0", (await after.Devices.SingleAsync(d => d.AssetId == "CAM-001")).Firmware);
        Assert.True(await after.AuditEntries.AnyAsync(a => a.Actor == "manager" && a.EntityType == "device" && a.EntityId == "1" && a.Action == "update"));
        Assert.False(await after.AuditEntries.AnyAsync(a => a.Actor == "manager" && a.Action == "dry-run"));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Upload_WithProblems_ListsEachWithLineAndColumnName_AndWritesNothing(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var manager = await app.SignedInAsync("manager");
        var file = Estate.Header + "\nCAM-020,,,95,0,,camera,,,,,,,,,,,,\nCAM-021,,,,,,toaster,,,,,not-an-ip,,,,,,,\n";

        var response = await manager.UploadAsync("/Import", "/Import?handler=Check", "bad.csv", file, ("what", "devices"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("problems; nothing was imported", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">2</td><td>latitude</td><td>latitude 95 is outside -90 to 90</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">3</td><td>kind</td><td>unknown kind &#x27;toaster&#x27;", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">3</td><td>ip</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Commit this import", html, StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.Equal(3, await db.Devices.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Commit_OfAnotherAccountsUpload_FindsNothing(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await register.RunAsync(WebApp.Password + "\n", "users", "add", "manager2", "--role", "Manager", "--password-stdin");
        await using var app = new WebApp(register);
        using var manager = await app.SignedInAsync("manager");
        using var other = await app.SignedInAsync("manager2");
        var checkedFile = await manager.UploadAsync("/Import", "/Import?handler=Check", "a.csv", Estate.Header + "\nCAM-030,,,,,,camera,,,,,,,,,,,,\n", ("what", "devices"));
        var upload = UploadPattern().Match(await checkedFile.Content.ReadAsStringAsync()).Groups[1].Value;
        var page = await other.PageAsync("/Import");

        var stolen = await other.PostAsync("/Import?handler=Commit", ("upload", upload), ("what", "devices"), ("__RequestVerificationToken", WebClient.TokenIn(page)));

        Assert.Contains("no longer waiting", await stolen.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.Equal(3, await db.Devices.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Upload_BytesNotUtf8_AreProblemsAtTheirPlace_AndLatin1IsReadWhenChosen(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var manager = await app.SignedInAsync("manager");
        byte[] file = [.. "asset_id,brand,notes\nCAM-040,Caf"u8, 0xE9, .. ",\"bell"u8, 0x07, .. "\"\n"u8];

        var refused = await (await manager.UploadAsync("/Import", "/Import?handler=Check", "latin1.csv", file, ("what", "devices"))).Content.ReadAsStringAsync();
        var checkedFile = await (await manager.UploadAsync("/Import", "/Import?handler=Check", "latin1.csv", [.. "asset_id,brand\nCAM-040,Caf"u8, 0xE9, .. "\n"u8],
            ("what", "devices"), ("encoding", "latin1"))).Content.ReadAsStringAsync();
        var committed = await manager.PostAsync("/Import?handler=Commit", ("upload", UploadPattern().Match(checkedFile).Groups[1].Value), ("what", "devices"),
            ("encoding", "latin1"), ("fileName", "latin1.csv"), ("__RequestVerificationToken", WebClient.TokenIn(checkedFile)));

        Assert.Contains("2 problems; nothing was imported", refused, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">2</td><td class=\"number\">12</td><td>brand has a byte that is not UTF-8;", refused, StringComparison.Ordinal);
        Assert.Contains("<td class=\"number\">2</td><td class=\"number\">19</td><td>notes has control character U&#x2B;0007;", refused, StringComparison.Ordinal);
        Assert.Contains("name=\"encoding\" value=\"latin1\"", checkedFile, StringComparison.Ordinal);
        Assert.Contains("Created 1 device,", await committed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.Equal("Café", (await db.Devices.SingleAsync(d => d.AssetId == "CAM-040")).BrandAsSold);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Uploads_GoWhenCommittedOrAfterWaitingAnHour_AtTheNextUploadOrStart(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        var time = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        string abandoned, waiting;
        await using (var app = new WebApp(register, time))
        {
            using var manager = await app.SignedInAsync("manager");
            abandoned = await CheckAsync(manager, "CAM-050");
            var committed = await CheckAsync(manager, "CAM-051");
            var page = await manager.PageAsync("/Import");
            await manager.PostAsync("/Import?handler=Commit", ("upload", committed), ("what", "devices"), ("__RequestVerificationToken", WebClient.TokenIn(page)));
            Assert.Equal([abandoned], Waiting(app));

            time.Advance(TimeSpan.FromMinutes(59));
            waiting = await CheckAsync(manager, "CAM-052");
            Assert.Equal(new[] { abandoned, waiting }.Order(), Waiting(app).Order());

            time.Advance(TimeSpan.FromMinutes(2));
            var latest = await CheckAsync(manager, "CAM-053");
            Assert.Equal(new[] { waiting, latest }.Order(), Waiting(app).Order());
            var late = await manager.PostAsync("/Import?handler=Commit", ("upload", abandoned), ("what", "devices"), ("__RequestVerificationToken", WebClient.TokenIn(page)));
            Assert.Contains("no longer waiting", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        time.Advance(TimeSpan.FromHours(2));
        await using var restarted = new WebApp(register, time);
        using var client = restarted.Client(); // starts the host

        Assert.Empty(Waiting(restarted));
        await using var db = await register.OpenAsync();
        Assert.Equal(["CAM-051"], await db.Devices.Where(d => d.AssetId!.StartsWith("CAM-05")).Select(d => d.AssetId!).ToListAsync());

        static async Task<string> CheckAsync(WebClient client, string assetId)
        {
            var html = await (await client.UploadAsync("/Import", "/Import?handler=Check", "a.csv", $"asset_id,kind\n{assetId},camera\n", ("what", "devices")))
                .Content.ReadAsStringAsync();
            return UploadPattern().Match(html).Groups[1].Value;
        }

        // The ids of the uploads waiting in the folder.
        static string[] Waiting(WebApp app) => Directory.Exists(app.UploadFolder)
            ? Directory.GetFiles(app.UploadFolder).Select(f => Path.GetFileNameWithoutExtension(f)[^32..]).ToArray()
            : [];
    }

    [GeneratedRegex("name=\"upload\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex UploadPattern();
}
