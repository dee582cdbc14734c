using Sightline.Web.Maps;
using Sightline.Web.Signage;

namespace Sightline.Web.Tests;

/// <summary>What `sightline serve` and `report sign` accept as the public address and the map tiles, and what they refuse, in one line.</summary>
public sealed class MapSettingsTests
{
    [Theory]
    [InlineData("https://tile.example.org/{z}/{x}/{y}.png", "© OSM", "https://tile.example.org")]
    [InlineData("https://{s}.tile.example.org/{z}/{x}/{y}.png", "© OSM", "https://*.tile.example.org")]
    [InlineData("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png", "local", "http://127.0.0.1:8080")]
    public void Tiles_AllowTheirHostOnly(string template, string attribution, string source)
    {
        var (tiles, problem) = MapTiles.Parse(template, attribution);
        Assert.Null(problem);
        Assert.Equal(source, tiles!.ImageSource);
        Assert.Equal(template, tiles.UrlTemplate);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData(null, "© OSM", "--map-attribution is given without --map-tiles")]
    [InlineData("https://tile.example.org/{z}/{x}.png", "© OSM", "--map-tiles 'https://tile.example.org/{z}/{x}.png' needs {z}, {x} and {y} where the tile's zoom and numbers go")]
    [InlineData("javascript:{z}{x}{y}", "© OSM", "--map-tiles 'javascript:{z}{x}{y}' is not an http:// or https:// URL template")]
    [InlineData("https://a.example/{z}/{x}/{y}.png; script-src *", "© OSM", "--map-tiles 'https://a.example/{z}/{x}/{y}.png; script-src *' is not an http:// or https:// URL template")]
    [InlineData("https://tile.example.org/{z}/{x}/{y}.png", " ", "--map-tiles needs --map-attribution: the credit the tiles' provider asks for (e.g. © OpenStreetMap contributors)")]
    public void BadTiles_AreRefused(string? template, string? attribution, string? problem)
    {
        var (tiles, said) = MapTiles.Parse(template, attribution);
        Assert.Null(tiles);
        Assert.Equal(problem, said);
    }

    [Theory]
    [InlineData("https://cctv.example.gov.uk/", "https://cctv.example.gov.uk", null)]
    [InlineData("http://signs.example:8080/cctv", "http://signs.example:8080/cctv", null)]
    [InlineData("cctv.example.gov.uk", null, "--base-url 'cctv.example.gov.uk' is not an http:// or https:// address, e.g. https://cctv.example.gov.uk")]
    [InlineData("https://user@cctv.example/", null, "--base-url 'https://user@cctv.example/' has a query, fragment or user name; give the site's address alone")]
    public void ThePublicAddress_IsAnHttpAddressAlone(string text, string? address, string? problem)
    {
        Assert.Equal((address, problem), PublicBaseUrl.Parse(text, "--base-url"));
        if (address is not null)
        {
            Assert.Equal($"{address}/public/systems/7", PublicBaseUrl.SystemPage(address, 7));
        }
    }
}
