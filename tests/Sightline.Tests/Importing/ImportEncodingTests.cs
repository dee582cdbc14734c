using Microsoft.EntityFrameworkCore;

namespace Sightline.Tests.Importing;

/// <summary>Bytes that are not text, and control characters, are refused with their place; Latin-1 is read only when asked.</summary>
public sealed class ImportEncodingTests
{
    // A UTF-8 BOM, then a byte of Latin-1 (é), a NUL inside a quoted cell, an escape sequence, and a row that is fine.
    private static byte[] BadDevices() =>
    [
        0xEF, 0xBB, 0xBF, .. "asset_id,brand,notes,serial\n"u8,
        .. "A1,Caf"u8, 0xE9, .. ",ok,S1\n"u8,
        .. "A2,Axis,\"bad"u8, 0x00, .. "nul\",S2\n"u8,
        .. "A3,Hik\u001b[31m,,S3\n"u8,
        .. "A4,Bosch,café ✓ 😀,S4\n"u8,
    ];

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Import_BytesNotUtf8AndControlCharacters_AreProblemsAtTheirPlace_AndNothingIsWritten(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        var file = register.File("bad.csv", BadDevices());

        var run = await Cli.RunAsync(register, "import", "devices", file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
        [
            $"{file}:2:7: brand has a byte that is not UTF-8; save the file as UTF-8, or import it as Latin-1 (--encoding latin1) if that is what it is",
            $"{file}:3:13: notes has control character U+0000; a cell may hold tabs and line breaks, no other control characters",
            $"{file}:4:7: brand has control character U+001B; a cell may hold tabs and line breaks, no other control characters",
            $"{file}: 3 problems; nothing was imported.",
        ], run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        await using var db = await register.OpenAsync();
        Assert.Equal(0, await db.Devices.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Import_ValidUtf8WithBom_IsStoredExactly(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        var file = register.File("good.csv", [0xEF, 0xBB, 0xBF, .. "asset_id,brand,notes\nA1,Bosch,\"café\tö ✓ 😀\nsecond line\"\n"u8]);

        await Cli.RunAsync(register, "import", "devices", file).Ok();

        await using var db = await register.OpenAsync();
        var device = await db.Devices.SingleAsync();
        Assert.Equal("A1", device.AssetId);
        Assert.Equal("café\tö ✓ 😀\nsecond line", device.Notes);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Import_Latin1File_IsReadAsWindows1252OnlyWhenAsked(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        // é, € (0x80: a C1 control in ISO-8859-1, the euro sign in Windows-1252) and a right single quote (0x92).
        var file = register.File("latin1.csv", [.. "asset_id,brand,notes\nA1,Caf"u8, 0xE9, .. ",cost "u8, 0x80, .. "5 installer"u8, 0x92, .. "s\n"u8]);

        var refused = await Cli.RunAsync(register, "import", "devices", file);
        await Cli.RunAsync(register, "import", "devices", file, "--encoding", "latin1").Ok();
        var unknown = await Cli.RunAsync(register, "import", "devices", file, "--encoding", "ebcdic");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains($"{file}:2:7: brand has a byte that is not UTF-8", refused.Error);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown encoding 'ebcdic'; use utf-8 or latin1", unknown.Error);
        await using var db = await register.OpenAsync();
        var device = await db.Devices.SingleAsync();
        Assert.Equal("Café", device.BrandAsSold);
        Assert.Equal("cost €5 installer’s", device.Notes);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Import_SitesAndSystems_RefuseBadBytesTooAndReadLatin1WhenAsked(string provider)
    {
        await using var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        var sites = register.File("sites.csv", [.. "name,address\nGare du Nord,Caf"u8, 0xE9, .. " de la Gare\nDepot,Unit\u00017\n"u8]);
        var systems = register.File("systems.csv", [.. "name,controller\nTown CCTV,Conseil g"u8, 0xE9, .. "n"u8, 0xE9, .. "ral\n"u8]);

        var refusedSites = await Cli.RunAsync(register, "import", "sites", sites);
        var refusedSystems = await Cli.RunAsync(register, "import", "systems", systems);
        await using (var db = await register.OpenAsync())
        {
            Assert.Equal(0, await db.Sites.CountAsync());
            Assert.Equal(0, await db.Systems.CountAsync());
        }
        await Cli.RunAsync(register, "import", "systems", systems, "--encoding", "latin1").Ok();

        Assert.Equal(1, refusedSites.ExitCode);
        Assert.Equal(
        [
            $"{sites}:2:17: address has a byte that is not UTF-8; save the file as UTF-8, or import it as Latin-1 (--encoding latin1) if that is what it is",
            $"{sites}:3:11: address has control character U+0001; a cell may hold tabs and line breaks, no other control characters",
            $"{sites}: 2 problems; nothing was imported.",
        ], refusedSites.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{systems}:2:20: controller has a byte that is not UTF-8", refusedSystems.Error);
        await using var after = await register.OpenAsync();
        Assert.Equal("Conseil général", (await after.Systems.SingleAsync()).Controller);
    }
}
