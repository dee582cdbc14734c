using Microsoft.EntityFrameworkCore;

namespace Sightline.Tests.Users;

public sealed class UsersCommandTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Roles_RefusesAnUnknownRole_NoRole_AndLeavingNoAdmin(string provider)
    {
        await using var register = await NewAsync(provider);

        var unknown = await Cli.RunAsync(register, "users", "roles", "viewer", "--role", "SuperAdmin");
        var lastAdmin = await Cli.RunAsync(register, "users", "roles", "boss", "--role", "Viewer");
        var lockLast = await Cli.RunAsync(register, "users", "lock", "boss");
        var nobody = await Cli.RunAsync(register, "users", "roles", "nobody", "--role", "Viewer");

        Assert.Equal((2, "error: unknown role 'SuperAdmin'; the roles are Admin, Manager, Compliance, Procurement, Assessor, Viewer\n"), (unknown.ExitCode, unknown.Error));
        Assert.Equal("error: 'boss' is the only Admin who can sign in, so must keep the Admin role; make another account Admin first\n", lastAdmin.Error);
        Assert.Equal("error: 'boss' is the only Admin who can sign in, so must stay unlocked; make another account Admin first\n", lockLast.Error);
        Assert.Equal("error: there is no account named 'nobody'\n", nobody.Error);
        var list = await Cli.RunAsync(register, "users", "list").Ok();
        Assert.Matches(@"boss\s+Admin\s+can sign in", list.Output);
        Assert.Matches(@"viewer\s+Viewer\s+can sign in", list.Output);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Roles_Lock_Unlock_Reset_SignOut_AreEachAudited(string provider)
    {
        await using var register = await NewAsync(provider);

        var roles = await Cli.RunAsync(register, "users", "roles", "viewer", "--role", "assessor", "--role", "Viewer").Ok();
        var locked = await Cli.RunAsync(register, "users", "lock", "viewer").Ok();
        var lockedList = await Cli.RunAsync(register, "users", "list").Ok();
        var unlocked = await Cli.RunAsync(register, "users", "unlock", "viewer").Ok();
        var reset = await Cli.RunAsync(register, "users", "reset-password", "viewer").Ok();
        var signOut = await Cli.RunAsync(register, "users", "sign-out", "viewer").Ok();

        Assert.Equal("Account viewer now has the roles Assessor, Viewer.\n", roles.Output);
        Assert.Equal("Account viewer locked; its sessions have ended.\n", locked.Output);
        Assert.Matches(@"viewer\s+Assessor, Viewer\s+locked", lockedList.Output);
        Assert.Equal("Account viewer can sign in.\n", unlocked.Output);
        Assert.Matches(@"^Password of viewer reset; its sessions have ended\.\nPassword \(shown once\): [A-Za-z0-9]{20}\n$", reset.Output);
        Assert.Equal("Account viewer signed out everywhere (0 sessions ended).\n", signOut.Output);
        await using var db = await register.OpenAsync();
        var actions = await db.AuditEntries.Where(a => a.EntityType == "user" && a.EntityId == "viewer").OrderBy(a => a.Sequence)
            .Select(a => a.Action).ToListAsync();
        Assert.Equal(["create", "roles", "lock", "unlock", "reset-password", "sign-out-everywhere"], actions);
        await Cli.RunAsync(register, "audit", "verify").Ok();
    }

    private static async Task<TestRegister> NewAsync(string provider)
    {
        var register = await Registers.NewAsync(provider);
        await Cli.RunAsync(register, "init").Ok();
        await Cli.RunAsync(register, "users", "add", "boss", "--role", "Admin").Ok();
        await Cli.RunAsync(register, "users", "add", "viewer", "--role", "Viewer").Ok();
        return register;
    }
}
