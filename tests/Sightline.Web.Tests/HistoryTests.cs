namespace Sightline.Web.Tests;

/// <summary>A device's history and the audit log read as changes in words, and audit entries lead to their device.</summary>
public sealed class HistoryTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task DeviceHistory_ReadsAsChangesInWords_AndAuditEntriesLinkToTheDevice(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await register.RunAsync("", "import", "devices", register.File("firmware.csv", "asset_id,firmware,notes\nCAM-001,V5.7.9,\n"));
        await using var app = new WebApp(register);
        using var client = await app.SignedInAsync("manager");

        // Razor writes non-ASCII characters (the arrow) as character references: compare the text a browser shows.
        var device = System.Net.WebUtility.HtmlDecode(await client.PageAsync("/Devices/1"));
        var audit = System.Net.WebUtility.HtmlDecode(await client.PageAsync("/Audit?entity=device:1"));

        Assert.Contains("<li>Firmware V5.7.3 → V5.7.9</li>", device, StringComparison.Ordinal);
        Assert.Contains("<li>Notes corner of Market St, facing north → (none)</li>", device, StringComparison.Ordinal);
        Assert.Contains("<li>Asset ID: CAM-001</li>", device, StringComparison.Ordinal);
        Assert.DoesNotContain("\"firmware\"", device, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/Devices/1\">device:1</a>", audit, StringComparison.Ordinal);
        Assert.Contains("<li>Firmware V5.7.3 → V5.7.9</li>", audit, StringComparison.Ordinal);
    }
}
