using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Web.Tests;

/// <summary>Adding, editing, decommissioning and returning a device in the web: who may, what is refused, what the audit log says.</summary>
public sealed partial class DeviceEditTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Manager_AddsEditsAndDecommissions_AndEachChangeIsOnTheDevicesHistoryInWords(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var manager = await app.SignedInAsync("manager");

        var added = await manager.PostFormAsync("/Devices/Add", "/Devices/Add", ("asset_id", "CAM-050"), ("system", "Town Centre CCTV"),
            ("site", "Bus Station"), ("kind", "camera"), ("brand", "ANNKE"), ("mac", "44:19:b6:00:00:50"));
        var shown = await manager.PageAsync("/Devices/4");
        Assert.Contains("href=\"/Devices/Add\"", await manager.PageAsync("/Devices"), StringComparison.Ordinal);
        var form = Fields(await manager.PageAsync("/Devices/4/Edit"));
        var badMac = await manager.PostFormAsync("/Devices/4/Edit", "/Devices/4/Edit", With(form, ("firmware", "V5.7.9"), ("mac", "44:19:B6:00:00:5")));
        var badMacPage = await badMac.Content.ReadAsStringAsync();
        var saved = await manager.PostFormAsync("/Devices/4/Edit", "/Devices/4/Edit", With(form, ("firmware", "V5.7.9"), ("notes", "pole 7")));
        var stale = await manager.PostFormAsync("/Devices/4/Edit", "/Devices/4/Edit", With(form, ("installer", "someone else")));
        var confirm = Fields(await manager.PageAsync("/Devices/4/Status"));
        var decommissioned = await manager.PostFormAsync("/Devices/4/Status", "/Devices/4/Status", With(confirm, ("reason", "pole taken down")));
        // Razor writes non-ASCII characters (the arrow, the ellipsis) as character references: compare the text a browser shows.
        var history = WebUtility.HtmlDecode(await manager.PageAsync("/Devices/4"));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("/Devices/4", added.Headers.Location!.OriginalString);
        Assert.Contains("Device 4 is added, on the record.", shown, StringComparison.Ordinal);
        Assert.Contains("<dd>44:19:B6:00:00:50</dd>", shown, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badMac.StatusCode);
        Assert.Contains("&#x27;44:19:B6:00:00:5&#x27; is not a MAC address", badMacPage, StringComparison.Ordinal);
        Assert.Contains("value=\"44:19:B6:00:00:5\"", badMacPage, StringComparison.Ordinal); // the form keeps what was typed
        Assert.Contains("value=\"V5.7.9\"", badMacPage, StringComparison.Ordinal);
        Assert.Contains("id=\"mac\" name=\"mac\" type=\"text\" value=\"44:19:B6:00:00:5\"", badMacPage, StringComparison.Ordinal);
        Assert.Matches("id=\"mac\"[^>]*aria-describedby=\"mac-hint mac-problem\"[^>]*aria-invalid=\"true\"", badMacPage);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal((HttpStatusCode)409, stale.StatusCode);
        Assert.Contains("was changed after you opened it (update by manager", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, decommissioned.StatusCode);
        Assert.Contains("The device is decommissioned, on the record.", history, StringComparison.Ordinal);
        Assert.Contains("<dd>decommissioned</dd>", history, StringComparison.Ordinal);
        Assert.Contains("Return to service…", history, StringComparison.Ordinal);
        Assert.Contains("<li>Firmware (none) → V5.7.9</li>", history, StringComparison.Ordinal);
        Assert.Contains("<li>Notes (none) → pole 7</li>", history, StringComparison.Ordinal);
        Assert.Contains("<li>Reason (none) → pole taken down</li>", history, StringComparison.Ordinal);
        Assert.Contains("<li>Site: Bus Station</li>", history, StringComparison.Ordinal);

        await using var db = await register.OpenAsync();
        var entries = await db.AuditEntries.Where(a => a.Actor == "manager").OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal([("create", "site"), ("create", "device"), ("update", "device"), ("decommission", "device")], entries.Select(e => (e.Action, e.EntityType)));
        Assert.All(entries.Skip(1), e => Assert.Equal("4", e.EntityId));
        Assert.Null(await db.Devices.Where(d => d.Id == 4).Select(d => d.Installer).SingleAsync()); // the stale form wrote nothing
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Add_RefusesAnotherDevicesMac_NamingIt_AndKeepsTheForm(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var manager = await app.SignedInAsync("manager");

        var refused = await manager.PostFormAsync("/Devices/Add", "/Devices/Add", ("asset_id", "CAM-051"), ("kind", "camera"), ("mac", "44:19:B6:00:00:02"),
            ("latitude", "53.4"), ("longitude", ""), ("installed_on", "31/02/2024"));
        var page = await refused.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Longitude is missing; give both latitude and longitude, or neither.", page, StringComparison.Ordinal);
        Assert.Contains("&#x27;31/02/2024&#x27; is not a real date", page, StringComparison.Ordinal);
        Assert.Contains("value=\"CAM-051\"", page, StringComparison.Ordinal);
        // Checked for taken keys once the values are right.
        var taken = await manager.PostFormAsync("/Devices/Add", "/Devices/Add", ("asset_id", "CAM-051"), ("kind", "camera"), ("mac", "44:19:B6:00:00:02"));
        Assert.Contains("MAC address 44:19:B6:00:00:02 belongs to device 2 (asset CAM-002).", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        Assert.Equal(3, await db.Devices.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task RolesThatMayNotEdit_SeeNoButtons_AndArePostedToTheRefusal(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);

        foreach (var name in new[] { "viewer", "assessor", "admin" })
        {
            using var client = await app.SignedInAsync(name);
            var page = await client.PageAsync("/Devices/1");
            Assert.DoesNotContain("/Devices/1/Edit", page, StringComparison.Ordinal);
            Assert.DoesNotContain("/Devices/1/Status", page, StringComparison.Ordinal);
            Assert.DoesNotContain("/Devices/Add", await client.PageAsync("/"), StringComparison.Ordinal);
            Assert.DoesNotContain("/Devices/Add", await client.PageAsync("/Devices"), StringComparison.Ordinal);
            foreach (var path in new[] { "/Devices/Add", "/Devices/1/Edit", "/Devices/1/Status" })
            {
                var opened = await client.GetAsync(path);
                // With a valid antiforgery token: refused for the role, not for the token.
                var posted = await client.PostFormAsync("/Devices/1", path, ("asset_id", "X-1"), ("kind", "camera"), ("to", "decommissioned"), ("reason", "no right"));
                foreach (var response in new[] { opened, posted })
                {
                    Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                    Assert.Contains("/Account/Denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
                }
                Assert.Equal(HttpStatusCode.Forbidden, (await client.Http.GetAsync(posted.Headers.Location)).StatusCode);
            }
        }
        await using var db = await register.OpenAsync();
        Assert.Equal(3, await db.Devices.CountAsync());
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Actor != "tester"));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Posts_WithoutTheAntiforgeryToken_AreRefused(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var manager = await app.SignedInAsync("manager");
        var version = Fields(await manager.PageAsync("/Devices/1/Status")).Single(f => f.Name == "version").Value;

        foreach (var path in new[] { "/Devices/Add", "/Devices/1/Edit", "/Devices/1/Status" })
        {
            var response = await manager.PostAsync(path, ("asset_id", "X-1"), ("kind", "camera"), ("to", "decommissioned"), ("reason", "forged"), ("version", version));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
        await using var db = await register.OpenAsync();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Actor != "tester"));
    }

    /// <summary>A form's fields as a browser would post them: text and hidden inputs, text areas and chosen options.</summary>
    private static List<(string Name, string Value)> Fields(string html)
    {
        var fields = new List<(string, string)>();
        foreach (Match input in InputPattern().Matches(html))
        {
            var name = AttributePattern("name").Match(input.Value);
            if (name.Success && name.Groups[1].Value != "__RequestVerificationToken")
            {
                var value = AttributePattern("value").Match(input.Value);
                fields.Add((name.Groups[1].Value, value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : ""));
            }
        }
        foreach (Match area in TextAreaPattern().Matches(html))
        {
            fields.Add((area.Groups[1].Value, WebUtility.HtmlDecode(area.Groups[2].Value)));
        }
        foreach (Match select in SelectPattern().Matches(html))
        {
            var chosen = Regex.Match(select.Groups[2].Value, "<option value=\"([^\"]*)\" selected");
            fields.Add((select.Groups[1].Value, chosen.Success ? chosen.Groups[1].Value : ""));
        }
        return fields;
    }

    private static (string, string)[] With(List<(string Name, string Value)> fields, params (string Name, string Value)[] changes) =>
        [.. fields.Select(f => changes.FirstOrDefault(c => c.Name == f.Name) is { Name: not null } c ? (f.Name, c.Value) : (f.Name, f.Value))];

    private static Regex AttributePattern(string name) => new($"\\s{name}=\"([^\"]*)\"");

    [GeneratedRegex("<input [^>]*type=\"(?:text|hidden)\"[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<textarea [^>]*name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>")]
    private static partial Regex TextAreaPattern();

    [GeneratedRegex("<select [^>]*name=\"([^\"]+)\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();
}
