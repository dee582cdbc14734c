using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Register;
using Sightline.Register;

namespace Sightline.Tests.Devices;

/// <summary>The device list's search and sorted keyset pages, as the web and `devices list` read them, on both providers.</summary>
public sealed class DeviceListingTests
{
    // Repeated and missing values in every sortable column, so that ties (broken by ID) and devices without a value
    // fall on page boundaries; lower and upper case to show the order is the database's, the same on every page.
    private const string Devices =
        Samples.Header + "\n" +
        "CAM-001,Town Centre CCTV,Market Square,,,,camera,Hikvision,DS-2CD2143G2-I,,HK123,10.0.0.11,44:19:B6:00:00:01,,,,active,,\n" +
        "CAM-002,Town Centre CCTV,Market Square,,,,camera,ANNKE,I91BN,,AN456,10.0.0.12,44:19:B6:00:00:02,,,,active,,\n" +
        "NVR-001,Town Centre CCTV,Control Room,,,,nvr,Dahua,NVR4208-8P-4KS2,,DH789,10.0.0.2,3C:EF:8C:00:00:03,,,,missing,,\n" +
        "CAM-003,Parks,Bus Station,,,,camera,Dahua,IPC-HFW2431S,,,10.0.1.5,,,,,active,,\n" +
        "CAM-004,Parks,,,,,camera,,IPC-HFW2431S,,,,,,,,decommissioned,,\n" +
        "CAM-005,,Bus Station,,,,camera,Axis,,,,,,,,,active,,\n" +
        "CAM-006,,,,,,encoder,axis,m7104,,,,,,,,active,,\n" +
        ",Parks,Market Square,,,,camera,Hikvision,DS-2CD2143G2-I,,HK999,,,,,,active,,\n" +
        "CAM-007,Town Centre CCTV,,,,,dvr,,,,,192.168.1.20,,,,,missing,,\n" +
        "CAM-008,,,,,,camera,Dahua,IPC-HFW2431S,,,,,,,,active,,\n";

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Search_FindsIdentifiersExactly_AndModelsAndSitesByPart(string provider)
    {
        await using var register = await LoadAsync(provider);
        await using var db = await register.OpenAsync();

        Assert.Equal(["CAM-001"], await SearchAsync(db, "cam-001")); // asset id typed in lower case
        Assert.Equal(["CAM-002"], await SearchAsync(db, " AN456 ")); // serial
        Assert.Equal(["CAM-001"], await SearchAsync(db, "10.0.0.11")); // exactly: not 10.0.0.12
        Assert.Equal(["NVR-001"], await SearchAsync(db, "3c-ef-8c-00-00-03")); // MAC with dashes, lower case
        Assert.Equal(["NVR-001"], await SearchAsync(db, "3CEF8C000003")); // and with no separators
        Assert.Equal(["CAM-003", "CAM-004", "CAM-008"], await SearchAsync(db, "hfw2431")); // part of a model, any case
        Assert.Equal(["CAM-003", "CAM-005"], await SearchAsync(db, "bus stat")); // part of a site's name
        Assert.Equal(["CAM-001", "CAM-002", "(none)"], await SearchAsync(db, "market"));
        Assert.Empty(await SearchAsync(db, "10.9.9.9"));
        Assert.Empty(await SearchAsync(db, "nothing like it"));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Search_CombinesWithTheOtherFilters_AndDevicesListTakesIt(string provider)
    {
        await using var register = await LoadAsync(provider);
        await using var db = await register.OpenAsync();

        Assert.Equal(["CAM-003", "CAM-008"], await SearchAsync(db, "IPC-HFW2431S", status: "active"));
        var listed = await Cli.RunAsync(register, "devices", "list", "--search", "44:19:b6:00:00:02").Ok();
        var none = await Cli.RunAsync(register, "devices", "list", "--search", "NOT-THERE").Ok();

        Assert.Contains("CAM-002", listed.Output);
        Assert.DoesNotContain("CAM-001", listed.Output);
        Assert.Contains("1 device.", listed.Output);
        Assert.Contains("0 devices.", none.Output);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Search_PagedByBranches_GivesWhatTheWholeQueryGives(string provider)
    {
        await using var register = await LoadAsync(provider);
        await using var db = await register.OpenAsync();
        // "s" is in two sites' names and three models: CAM-001 matches two ways (its site and its model).
        var (found, _) = await new DeviceFilter { Search = "s" }.ApplyAsync(db, () => throw new InvalidOperationException(), CancellationToken.None);

        foreach (var sort in new[] { "id", "-id" })
        {
            var order = DeviceOrder.Parse(sort).Order!;
            var whole = await (order.Descending ? found!.Devices.OrderByDescending(d => d.Id) : found!.Devices.OrderBy(d => d.Id)).Select(d => d.Id).ToListAsync();
            var forward = new List<int>();
            for (int? after = null; ;)
            {
                var page = (await order.PageAsync(db, found, after, null, 2, CancellationToken.None))!.ConvertAll(d => d.Id);
                if (page.Count == 0)
                {
                    break;
                }
                forward.AddRange(page);
                after = page[^1];
            }
            var back = new List<int>();
            for (var before = whole[^1]; ;)
            {
                var page = (await order.PageAsync(db, found, null, before, 2, CancellationToken.None))!.ConvertAll(d => d.Id);
                if (page.Count == 0)
                {
                    break;
                }
                back.InsertRange(0, page);
                before = page[0];
            }

            Assert.True(found.Branches.Count > 2, $"{found.Branches.Count} branches");
            // Counted by branches, a device two branches match counts once; a limit caps the count.
            var counts = new List<int>();
            foreach (var most in new int?[] { null, 9, 3 })
            {
                counts.Add(await found.CountAsync(most, CancellationToken.None));
            }
            Assert.Equal([8, 8, 3], counts);
            Assert.Equal(8, whole.Count);
            Assert.Equal(whole, forward);
            Assert.Equal(whole.SkipLast(1), back);
        }
    }

    public static TheoryData<string, string> ProvidersAndSorts()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in Registers.Providers)
        {
            foreach (var column in DeviceOrder.Columns)
            {
                data.Add(provider, column);
                data.Add(provider, "-" + column);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ProvidersAndSorts))]
    public async Task Sort_PagesForwardAndBack_EveryDeviceOnceInOrder(string provider, string sort)
    {
        await using var register = await LoadAsync(provider);
        await using var db = await register.OpenAsync();
        var (order, error) = DeviceOrder.Parse(sort);
        Assert.Null(error);
        var expected = await ExpectedAsync(db, order!);

        // Forward, three at a time, each page after the last one's final device.
        var forward = new List<List<int>>();
        for (int? after = null; ;)
        {
            var page = (await order!.PageAsync(db, db.Devices, after, null, 3, CancellationToken.None))!.ConvertAll(d => d.Id);
            if (page.Count == 0)
            {
                break;
            }
            forward.Add(page);
            after = page[^1];
        }
        // Back from the last page, each before the first device of the page after it.
        var back = new List<List<int>>();
        for (var before = forward[^1][0]; ;)
        {
            var page = (await order!.PageAsync(db, db.Devices, null, before, 3, CancellationToken.None))!.ConvertAll(d => d.Id);
            if (page.Count == 0)
            {
                break;
            }
            back.Insert(0, page);
            before = page[0];
        }

        Assert.Equal(expected, forward.SelectMany(p => p));
        Assert.Equal(expected.SkipLast(forward[^1].Count), back.SelectMany(p => p));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Sort_KeepsToTheFilter_AndRejectsWhatItDoesNotKnow(string provider)
    {
        await using var register = await LoadAsync(provider);
        await using var db = await register.OpenAsync();
        var (order, _) = DeviceOrder.Parse("-model");
        var (cameras, _) = await new DeviceFilter { Kind = "camera", Search = "Market" }.ApplyAsync(db, () => throw new InvalidOperationException(), CancellationToken.None);

        var page = (await order!.PageAsync(db, cameras!, null, null, 10, CancellationToken.None))!.ConvertAll(d => d.AssetId ?? "(none)");
        var (bad, message) = DeviceOrder.Parse("colour");
        var missingCursor = await order.PageAsync(db, db.Devices, 999_999, null, 10, CancellationToken.None);

        Assert.Equal(["CAM-002", "(none)", "CAM-001"], page);
        Assert.Null(bad);
        Assert.Equal("unknown sort 'colour'; use one of id, asset, kind, brand, model, ip, system, site, status, maker, with a leading '-' for descending", message);
        Assert.Null(missingCursor);
    }

    private static async Task<TestRegister> LoadAsync(string provider)
    {
        var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("devices.csv", Devices)).Ok();
        return register;
    }

    private static async Task<List<string>> SearchAsync(RegisterDb db, string text, string? status = null)
    {
        var (found, error) = await new DeviceFilter { Search = text, Status = status }.ApplyAsync(db, () => throw new InvalidOperationException(), CancellationToken.None);
        Assert.Null(error);
        return await found!.Devices.OrderBy(d => d.Id).Select(d => d.AssetId ?? "(none)").ToListAsync();
    }

    // The order worked out in memory: devices with a value by (value, ID) in ordinal order (the test servers' collation:
    // SQLite's BINARY, PostgreSQL initialised with --no-locale), then those without by ID; descending, all reversed.
    private static async Task<List<int>> ExpectedAsync(RegisterDb db, DeviceOrder order)
    {
        var devices = await db.Devices.AsNoTracking().ToListAsync();
        var systems = await db.Systems.ToDictionaryAsync(s => s.Id, s => s.Name);
        var sites = await db.Sites.ToDictionaryAsync(s => s.Id, s => s.Name);
        var platforms = await db.Identities.ToDictionaryAsync(i => i.DeviceId, i => i.Platform);
        Func<Device, string?> key = order.Column switch
        {
            "id" => _ => "",
            "asset" => d => d.AssetId,
            "kind" => d => Words.Of(d.Kind),
            "brand" => d => d.BrandAsSold,
            "model" => d => d.Model,
            "ip" => d => d.IpAddress,
            "system" => d => d.SystemId is { } s ? systems[s] : null,
            "site" => d => d.SiteId is { } s ? sites[s] : null,
            "status" => d => Words.Of(d.Status),
            "maker" => d => platforms.GetValueOrDefault(d.Id),
            _ => throw new InvalidOperationException(order.Column),
        };
        var ascending = devices.Where(d => key(d) is not null).OrderBy(d => key(d), StringComparer.Ordinal).ThenBy(d => d.Id)
            .Concat(devices.Where(d => key(d) is null).OrderBy(d => d.Id)).Select(d => d.Id).ToList();
        if (order.Descending)
        {
            ascending.Reverse();
        }
        return ascending;
    }
}
