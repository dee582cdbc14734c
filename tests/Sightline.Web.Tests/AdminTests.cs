using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Web.Tests;

public sealed class AdminTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Admin_MakesAnAccount_ChangesRoles_Locks_AllAudited(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var admin = await app.SignedInAsync("admin");

        var made = await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Add", ("name", "dpo"), ("roles", "Assessor"));
        var html = await made.Content.ReadAsStringAsync();
        var roles = await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Roles", ("name", "dpo"), ("roles", "Viewer"));
        var locked = await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Lock", ("name", "viewer"), ("locked", "true"));

        Assert.Contains("Account dpo made", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, roles.StatusCode);
        Assert.Contains("locked", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await app.Client().SignInAsync("viewer", WebApp.Password)).StatusCode); // refused: stays on the page
        await using var db = await register.OpenAsync();
        var entries = await db.AuditEntries.Where(a => a.EntityType == "user" && a.Actor == "admin").OrderBy(a => a.Sequence)
            .Select(a => a.Action + " " + a.EntityId).ToListAsync();
        Assert.Equal(["create dpo", "roles dpo", "lock viewer"], entries);
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.After ?? "").ToListAsync(), a => a.Contains("password", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Audit_FiltersByEntityAndActor_AndVerifiesTheChain(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var assessor = await app.SignedInAsync("assessor");

        var byEntity = await assessor.PageAsync("/Audit?entity=device:3");
        var byActor = await assessor.PageAsync("/Audit?actor=nobody");
        var verified = await assessor.PageAsync("/Audit?verify=true");

        Assert.Contains("<a href=\"/Devices/3\">device:3</a>", byEntity, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>device:1</td>", byEntity, StringComparison.Ordinal);
        Assert.DoesNotContain("<td>device:", byActor, StringComparison.Ordinal);
        Assert.Contains("Audit log intact", verified, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Exports_GiveCsvJsonAndGeoJson(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var viewer = await app.SignedInAsync("viewer");

        var csv = await viewer.PageAsync("/exports/devices.csv");
        using var json = JsonDocument.Parse(await viewer.PageAsync("/exports/devices.json"));
        using var geo = JsonDocument.Parse(await viewer.PageAsync("/exports/devices.geojson"));

        Assert.StartsWith("id,asset_id,", csv, StringComparison.Ordinal);
        Assert.Contains("CAM-001", csv, StringComparison.Ordinal);
        Assert.Equal(3, json.RootElement.GetArrayLength());
        Assert.Equal("FeatureCollection", geo.RootElement.GetProperty("type").GetString());
        Assert.Equal(2, geo.RootElement.GetProperty("features").GetArrayLength());
    }
}
