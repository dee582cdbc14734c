using System.Net;

namespace Sightline.Web.Tests;

/// <summary>The operator's documents as help pages, linked from where they are needed.</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task ScanningSafety_IsAPageLinkedFromScans_AndUnknownNamesAreNotFound()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await using var app = new WebApp(register);
        using var client = await app.SignedInAsync("viewer");

        var scans = await client.PageAsync("/Scans");
        var help = await client.PageAsync("/Help/scanning-safety");
        var unknown = await client.GetAsync("/Help/ARCHITECTURE");
        var traversal = await client.GetAsync("/Help/..%2Fknowledge");

        Assert.Contains("<a href=\"/Help/scanning-safety\">scanning safely</a>", scans);
        Assert.Contains("<h1 id=\"scanning-safety\">Scanning safety</h1>", help);
        Assert.Contains("never guesses passwords", help);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }
}
