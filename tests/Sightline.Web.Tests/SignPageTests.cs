using System.Diagnostics;
using System.Net;

namespace Sightline.Web.Tests;

/// <summary>
/// A system's printable sign from its page: every role downloads the PDF, whose QR code (read back by pdftoppm and zbarimg)
/// points to the system's public page under `--public-base-url`, or under the address the request came to; a bad size is said.
/// </summary>
public sealed class SignPageTests
{
    [Fact]
    public async Task TheSystemPage_OffersTheSign_AndItsQrCodeReadsAsThePublicPage()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await using var app = new WebApp(register, settings: s => s with { PublicUrl = "https://cctv.northmoor.example" });
        using var viewer = await app.SignedInAsync("viewer");

        var page = await viewer.PageAsync("/Systems/1");
        Assert.Contains("<a href=\"/Systems/1?handler=Sign&amp;size=A3\" download>A3</a>", page, StringComparison.Ordinal);
        using var response = await viewer.GetAsync("/Systems/1?handler=Sign&size=A3");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("sign-system-1-a3.pdf", response.Content.Headers.ContentDisposition!.FileName);
        var pdf = Path.Combine(register.Folder, "sign.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("(A3)", await ToolAsync("pdfinfo", pdf), StringComparison.Ordinal);
        await ToolAsync("pdftoppm", "-r", "150", "-png", pdf, Path.Combine(register.Folder, "page"));
        Assert.Equal("https://cctv.northmoor.example/public/systems/1\n",
            await ToolAsync("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", Directory.GetFiles(register.Folder, "page*.png").Single()));

        var bad = await viewer.GetAsync("/Systems/1?handler=Sign&size=%3CB5%3E");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("size &#x27;&lt;B5&gt;&#x27; is not one a sign is printed at: give A4 or A3", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync("/Systems/99?handler=Sign&size=A4")).StatusCode);
        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/Systems/1?handler=Sign&size=A4")).StatusCode);
    }

    [Fact]
    public async Task WithoutAPublicUrl_TheQrCodePointsUnderTheAddressTheRequestCameTo()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await using var app = new WebApp(register);
        using var viewer = await app.SignedInAsync("viewer");
        using var response = await viewer.GetAsync("/Systems/1?handler=Sign");
        Assert.Equal("sign-system-1-a4.pdf", response.Content.Headers.ContentDisposition!.FileName);
        var pdf = Path.Combine(register.Folder, "sign.pdf");
        await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("(A4)", await ToolAsync("pdfinfo", pdf), StringComparison.Ordinal);
        await ToolAsync("pdftoppm", "-r", "150", "-png", pdf, Path.Combine(register.Folder, "page"));
        Assert.Equal("http://localhost/public/systems/1\n",
            await ToolAsync("zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", Directory.GetFiles(register.Folder, "page*.png").Single()));
    }

    private static async Task<string> ToolAsync(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
        return await output;
    }
}
