using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Sightline.Web.Tests.Browser;

/// <summary>Adding, editing and decommissioning a device in a real browser (Chromium), and a viewer refused.</summary>
public sealed class DeviceEditBrowserTests
{
    [Fact]
    public async Task Manager_AddsADevice_EditsIt_PastARefusedMac_DecommissionsIt_AndFindsEachOnTheRecord()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await using var server = await LiveServer.StartAsync(register);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = server.Address, ViewportSize = new() { Width = 1280, Height = 900 } });
        await BrowserTests.SignInAsync(page, "manager");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a device" }).ClickAsync();
        await page.GetByLabel("Asset ID").FillAsync("CAM-060");
        await page.GetByLabel("System", new() { Exact = true }).FillAsync("Town Centre CCTV");
        await page.GetByLabel("Site", new() { Exact = true }).FillAsync("Bus Station");
        await page.GetByLabel("Brand as sold").FillAsync("ANNKE");
        await page.GetByLabel("MAC address").FillAsync("44:19:B6:00:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the device" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("'44:19:B6:00:00' is not a MAC address");
        await Assertions.Expect(page.GetByLabel("Asset ID")).ToHaveValueAsync("CAM-060");
        await Assertions.Expect(page.GetByLabel("Site", new() { Exact = true })).ToHaveValueAsync("Bus Station");
        var problems = BrowserTests.Describe("/Devices/Add (refused)", await page.RunAxe());
        await BrowserTests.ShotAsync(page, "device-add-refused");
        await page.GetByLabel("MAC address").FillAsync("44:19:B6:00:00:60");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add the device" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Device 4 is added, on the record.")).ToBeVisibleAsync();
        Assert.EndsWith("/Devices/4", page.Url, StringComparison.Ordinal);

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit the fields" }).ClickAsync();
        await page.GetByLabel("Firmware").FillAsync("V5.7.3");
        await page.GetByLabel("MAC address").FillAsync("44:19:B6:00:00:6G");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the changes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("'44:19:B6:00:00:6G' is not a MAC address");
        await Assertions.Expect(page.GetByLabel("Firmware")).ToHaveValueAsync("V5.7.3");
        await Assertions.Expect(page.GetByLabel("MAC address")).ToHaveValueAsync("44:19:B6:00:00:6G");
        problems.AddRange(BrowserTests.Describe("/Devices/4/Edit (refused)", await page.RunAxe()));
        await page.GetByLabel("MAC address").FillAsync("44:19:B6:00:00:61");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the changes" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The changes are saved, on the record.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Firmware (none) → V5.7.3")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("MAC address 44:19:B6:00:00:60 → 44:19:B6:00:00:61")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Decommission…" }).ClickAsync();
        // The confirmation step: nothing changes until the reason is given and the button pressed.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Decommission: device CAM-060" })).ToBeVisibleAsync();
        problems.AddRange(BrowserTests.Describe("/Devices/4/Status", await page.RunAxe()));
        await page.GetByLabel("Reason").FillAsync("pole taken down");
        await page.GetByRole(AriaRole.Button, new() { Name = "Decommission device CAM-060" }).ClickAsync();
        await Assertions.Expect(page.GetByText("The device is decommissioned, on the record.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Reason (none) → pole taken down")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Return to service…" })).ToBeVisibleAsync();
        await BrowserTests.ShotAsync(page, "device-decommissioned");

        await page.GotoAsync("/Audit?actor=manager");
        foreach (var action in new[] { "create", "update", "decommission" })
        {
            await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = action, Exact = true }).First).ToBeVisibleAsync();
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Viewer_SeesNoChangeButtons_AndAPostedChangeIsForbidden()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await using var server = await LiveServer.StartAsync(register);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = server.Address });
        await BrowserTests.SignInAsync(page, "viewer");

        await page.GotoAsync("/Devices/1");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "On the register" })).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Edit the fields" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Decommission…" }).CountAsync());
        // A change posted from the page anyway, with the page's own antiforgery token: the browser ends on a 403.
        var status = await page.EvaluateAsync<int>(@"async () => {
            const token = document.querySelector('input[name=__RequestVerificationToken]').value;
            const body = new URLSearchParams({ to: 'decommissioned', reason: 'not mine to do', __RequestVerificationToken: token });
            return (await fetch('/Devices/1/Status', { method: 'POST', body })).status; }");

        Assert.Equal(403, status);
        await using var db = await register.OpenAsync();
        Assert.Equal(Sightline.Register.DeviceStatus.Active, (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Devices, d => d.Id == 1)).Status);
    }

    [Fact]
    public async Task ChangePages_FitAPhonesWidth()
    {
        await using var register = await Estate.NewAsync(Registers.Sqlite);
        await using var server = await LiveServer.StartAsync(register);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new() { BaseURL = server.Address, ViewportSize = new() { Width = PhoneLayoutTests.Width, Height = 844 }, IsMobile = true });
        await BrowserTests.SignInAsync(page, "manager");
        var tooWide = new List<string>();

        foreach (var path in new[] { "/", "/Devices/1", "/Devices/Add", "/Devices/1/Edit", "/Devices/1/Status" })
        {
            await page.GotoAsync(path);
            tooWide.AddRange(await PhoneLayoutTests.TooWideAsync(page, path));
        }
        // A refused form, with its problems shown beside the fields.
        await page.GotoAsync("/Devices/1/Edit");
        await page.GetByLabel("IP address").FillAsync("10.0.0.999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the changes" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("is not an IPv4");
        tooWide.AddRange(await PhoneLayoutTests.TooWideAsync(page, "/Devices/1/Edit (refused)"));
        await BrowserTests.ShotAsync(page, "phone-device-edit");

        Assert.True(tooWide.Count == 0, string.Join("\n", tooWide));
    }
}
