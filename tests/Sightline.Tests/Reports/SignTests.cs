using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Sightline.Data.Signage;
using Sightline.Register;

namespace Sightline.Tests.Reports;

/// <summary>
/// `sightline report sign`: what the sign says read from the register on SQLite and PostgreSQL; the PDF printed by
/// Chromium, rasterised by pdftoppm and its QR code read back by zbarimg (Debian's zbar-tools), at A4 and A3; and the
/// refusals, each one line.
/// </summary>
public sealed class SignTests
{
    private const string Systems =
        "name,type,purposes,lawful_basis,public_space,sensitive_site,retention_days,controller\n" +
        "Town Centre CCTV,cctv,prevention and detection of crime;public safety,UK GDPR Art. 6(1)(e),yes,no,31,\n" +
        "Ring Road ANPR,anpr,traffic enforcement,UK GDPR Art. 6(1)(e),yes,no,90,Northmoor <Highways> & Co\n";

    private const string BaseUrl = "https://cctv.northmoor.example/";

    private static async Task<TestRegister> SignedAsync(string provider)
    {
        var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init", "--org", "Northmoor Council").Ok();
        await Cli.RunAsync(register, "import", "systems", register.File("systems.csv", Systems)).Ok();
        await Cli.RunAsync(register, "import", "devices", register.File("devices.csv", Samples.ThreeDevices)).Ok();
        await Cli.RunAsync(register, "org", "set", "--legal-name", "Northmoor Borough Council", "--contact-point", "privacy@northmoor.example, 01632 960000",
            "--dpo", "Data Protection Officer, Town Hall", "--ico-registration", "Z1234567").Ok();
        await Cli.RunAsync(register, "systems", "purpose", "Town Centre CCTV", "public safety", "--retention-days", "45").Ok();
        return register;
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task TheSign_SaysWhatTheRegisterHolds(string provider)
    {
        await using var register = await SignedAsync(provider);
        await using var db = await register.OpenAsync();

        var town = await SystemSigns.ReadAsync(db, "Town Centre CCTV", null, default);
        Assert.Equal(["prevention and detection of crime", "public safety"], town.Purposes);
        // No controller on the system: the organisation's legal name is accountable.
        Assert.Equal("Northmoor Borough Council", town.Accountable);
        Assert.Equal("Z1234567", town.IcoRegistration);
        // The longest of the system's 31 days and a purpose's 45.
        Assert.Equal(45, town.RetentionDays);
        // CAM-001 records audio, so the system's sign says so.
        Assert.Equal(["Identifiable video: people and vehicles can be recognised", "Sound (audio is recorded)"], town.Captured);
        Assert.Equal("privacy@northmoor.example, 01632 960000", town.ContactPoint);
        Assert.Null(town.Camera);

        var camera = await SystemSigns.ReadAsync(db, null, "CAM-002", default);
        Assert.Equal(town.SystemId, camera.SystemId);
        Assert.Equal(("CAM-002", "Market Square"), (camera.Camera, camera.Place));
        Assert.Equal(["Identifiable video: people and vehicles can be recognised"], camera.Captured);

        var anpr = await SystemSigns.ReadAsync(db, "Ring Road ANPR", null, default);
        Assert.Equal("Northmoor <Highways> & Co", anpr.Accountable);
        Assert.Equal(90, anpr.RetentionDays);
        Assert.StartsWith("Vehicle number plates", anpr.Captured[0], StringComparison.Ordinal);
        Assert.Equal(anpr.SystemId, (await SystemSigns.ReadAsync(db, anpr.SystemId.ToString(System.Globalization.CultureInfo.InvariantCulture), null, default)).SystemId);
    }

    [Fact]
    public async Task Pdf_HasAQrCodeThatReadsAsTheSystemsPublicPage_AtA4AndA3()
    {
        await using var register = await SignedAsync(Registers.Sqlite);
        int id;
        await using (var db = await register.OpenAsync())
        {
            id = (await SystemSigns.ReadAsync(db, "Ring Road ANPR", null, default)).SystemId;
        }
        var a4 = Path.Combine(register.Folder, "sign.pdf");
        var run = await Cli.RunAsync(register, "report", "sign", "--system", "Ring Road ANPR", "--base-url", BaseUrl, "-o", a4).Ok();
        var expected = $"https://cctv.northmoor.example/public/systems/{id}";
        Assert.Contains($"A4 sign for system 'Ring Road ANPR' (QR code: {expected}) written to", run.Output, StringComparison.Ordinal);
        Assert.Equal([expected], await QrCodesAsync(a4, register.Folder));
        var info = await BoardPaperTests.ToolAsync("pdfinfo", a4);
        Assert.Contains("(A4)", info, StringComparison.Ordinal);
        Assert.Contains("Pages:           1", info, StringComparison.Ordinal);
        var text = Words(await BoardPaperTests.ToolAsync("pdftotext", a4, "-"));
        Assert.Contains("ANPR cameras in operation", text, StringComparison.Ordinal);
        Assert.Contains("Northmoor <Highways> & Co", text, StringComparison.Ordinal);
        Assert.Contains("Recordings are kept for up to 90 days", text, StringComparison.Ordinal);
        Assert.Contains("Contact: privacy@northmoor.example, 01632 960000", text, StringComparison.Ordinal);

        // The stored setting gives the address when --base-url does not; A3 is larger paper, one page still.
        var a3 = Path.Combine(register.Folder, "sign-a3.pdf");
        await Cli.RunAsync([.. (string[])["report", "sign", "--camera", "CAM-001", "--size", "a3", "-o", a3], .. register.Options], register.Folder,
            new Dictionary<string, string> { ["SIGHTLINE_PUBLIC_URL"] = "http://signs.example:8080/cctv" }, new FakeTimeProvider(Cli.Start)).Ok();
        await using (var db = await register.OpenAsync())
        {
            id = (await SystemSigns.ReadAsync(db, "Town Centre CCTV", null, default)).SystemId;
        }
        Assert.Equal([$"http://signs.example:8080/cctv/public/systems/{id}"], await QrCodesAsync(a3, register.Folder));
        info = await BoardPaperTests.ToolAsync("pdfinfo", a3);
        Assert.Contains("Page size:       841.92 x 1191.12 pts (A3)", info, StringComparison.Ordinal);
        Assert.Contains("Pages:           1", info, StringComparison.Ordinal);
        Assert.Contains("camera CAM-001 at Market Square", Words(await BoardPaperTests.ToolAsync("pdftotext", a3, "-")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Html_MatchesItsGoldenFile_WithEveryValueEncoded_AndNothingFetched()
    {
        await using var register = await SignedAsync(Registers.Sqlite);
        var path = Path.Combine(register.Folder, "sign.html");
        await Cli.RunAsync(register, "report", "sign", "--system", "Ring Road ANPR", "--base-url", BaseUrl, "--format", "html", "-o", path).Ok();
        var html = await File.ReadAllTextAsync(path);
        Assert.Contains("Northmoor &lt;Highways&gt; &amp; Co", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4 portrait;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Golden.Verify("sign-anpr-a4.html", html);
    }

    [Theory]
    [InlineData("--system|Nowhere|--base-url|https://x.example", "error: no system is named 'Nowhere' (nor has that ID); `sightline systems list` shows them")]
    [InlineData("--system|Town Centre CCTV|--size|B5|--base-url|https://x.example", "error: size 'B5' is not one a sign is printed at: give A4 or A3")]
    [InlineData("--system|Town Centre CCTV", "error: the QR code needs the public site's address: give --base-url https://… or set SIGHTLINE_PUBLIC_URL")]
    [InlineData("--system|Town Centre CCTV|--base-url|ftp://x.example", "error: --base-url 'ftp://x.example' is not an http:// or https:// address, e.g. https://cctv.example.gov.uk")]
    [InlineData("--system|Town Centre CCTV|--base-url|https://x.example/?a=1", "error: --base-url 'https://x.example/?a=1' has a query, fragment or user name; give the site's address alone")]
    [InlineData("--system|Ring Road ANPR|--camera|CAM-001|--base-url|https://x.example", "error: device 'CAM-001' is not in system 'Ring Road ANPR'")]
    [InlineData("--camera|CAM-404|--base-url|https://x.example", "error: no device has asset ID 'CAM-404'")]
    [InlineData("--base-url|https://x.example", "error: name the system (--system NAME or ID) or the camera (--camera ASSET)")]
    public async Task BadInput_IsRefusedInOneLine_AndNothingIsWritten(string options, string error)
    {
        await using var register = await SignedAsync(Registers.Sqlite);
        var path = Path.Combine(register.Folder, "sign.pdf");
        var run = await Cli.RunAsync(register, ["report", "sign", .. options.Split('|'), "-o", path]);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(error + "\n", run.Error);
        Assert.False(File.Exists(path));
    }

    /// <summary>The QR codes zbarimg reads on the PDF's pages, rasterised at 150 dpi by pdftoppm.</summary>
    internal static async Task<string[]> QrCodesAsync(string pdf, string folder)
    {
        var prefix = Path.Combine(folder, Path.GetFileNameWithoutExtension(pdf) + "-page");
        await BoardPaperTests.ToolAsync("pdftoppm", "-r", "150", "-png", pdf, prefix);
        var pages = Directory.GetFiles(folder, Path.GetFileName(prefix) + "*.png");
        Assert.NotEmpty(pages);
        var start = new ProcessStartInfo("zbarimg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in (string[])["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", .. pages])
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        // zbarimg exits 0 when it found a code, 4 when it found none.
        Assert.Equal(0, process.ExitCode);
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string Words(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\f'], StringSplitOptions.RemoveEmptyEntries));
}
