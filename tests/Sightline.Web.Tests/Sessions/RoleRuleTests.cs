using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Web.Tests.Sessions;

/// <summary>The Admin page refuses role changes that would leave no Admin, or that name no real role.</summary>
public sealed class RoleRuleTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task TheLastAdmin_CannotDropTheRole_OrBeLocked(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var admin = await app.SignedInAsync("admin");

        var demoted = await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Roles", ("name", "admin"), ("roles", "Viewer"));
        var locked = await ByCliAsync(register, "lock", "admin");

        Assert.Contains("&#x27;admin&#x27; is the only Admin who can sign in, so must keep the Admin role", await demoted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("'admin' is the only Admin who can sign in, so must stay unlocked", locked, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/Admin/Users")).StatusCode);

        // With a second Admin, the first may step down.
        await register.RunAsync("", "users", "roles", "manager", "--role", "Admin", "--role", "Manager");
        await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Roles", ("name", "admin"), ("roles", "Viewer"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.GetAsync("/Admin/Users")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task UnknownOrNoRoles_AreRefused_AndChangeNothing(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var admin = await app.SignedInAsync("admin");

        var unknown = await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Roles", ("name", "viewer"), ("roles", "SuperAdmin"));
        var none = await admin.PostFormAsync("/Admin/Users", "/Admin/Users?handler=Roles", ("name", "viewer"));

        Assert.Contains("unknown role &#x27;SuperAdmin&#x27;; the roles are Admin, Manager, Compliance, Procurement, Assessor, Viewer", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("give at least one role", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = await register.OpenAsync();
        var roles = await (from u in db.Users
                           join ur in db.UserRoles on u.Id equals ur.UserId
                           join r in db.Roles on ur.RoleId equals r.Id
                           where u.UserName == "viewer"
                           select r.Name).ToListAsync();
        Assert.Equal(["Viewer"], roles);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == "roles"));
    }

    // Runs `sightline users VERB NAME` and returns what it printed on standard error (the test expects a refusal).
    private static async Task<string> ByCliAsync(TestRegister register, string verb, string name)
    {
        var error = new StringWriter();
        var context = new Sightline.Cli.CliContext(TextReader.Null, new StringWriter(), error, TimeProvider.System,
            new Dictionary<string, string>(), register.Folder, Interactive: false);
        var code = await Sightline.Cli.SightlineCli.RunAsync(["users", verb, name, .. register.Options, "--actor", "tester"], context);
        Assert.NotEqual(0, code);
        return error.ToString();
    }
}
