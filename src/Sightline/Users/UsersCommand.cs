using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Cli;
using Sightline.Data.Accounts;
using Sightline.Web.Accounts;
using Spectre.Console;

namespace Sightline.Users;

/// <summary>
/// `sightline users add|list|roles|lock|unlock|reset-password|sign-out`: the web application's accounts (there is
/// no self-registration), with the same rules as the Admin page, since both go through AccountAdmin.
/// </summary>
public static class UsersCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("users", "Make, list and change the web application's accounts");
        command.Subcommands.Add(Add(cli));
        command.Subcommands.Add(List(cli));
        command.Subcommands.Add(SetRoles(cli));
        command.Subcommands.Add(Lock(cli, locked: true));
        command.Subcommands.Add(Lock(cli, locked: false));
        command.Subcommands.Add(ResetPassword(cli));
        command.Subcommands.Add(SignOut(cli));
        return command;
    }

    private static Command SetRoles(CommandRunner cli)
    {
        var name = AccountName();
        var role = new Option<string[]>("--role") { Description = $"Role, repeatable: {string.Join(", ", Roles.All)}", Required = true };
        var command = new Command("roles", "Replace an account's roles (open sessions get them on their next request)") { name, role };
        command.SetAction((parse, cancel) => WithAdminAsync(cli, parse, async (admin, actor) =>
        {
            if (await admin.SetRolesAsync(actor, parse.GetValue(name)!, parse.GetValue(role)!, cancel) is { } problem)
            {
                return cli.Fail(problem);
            }
            AccountAdmin.RoleProblem(parse.GetValue(role)!, out var roles);
            cli.Context.Out.WriteLine($"Account {parse.GetValue(name)} now has the roles {string.Join(", ", roles)}.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Lock(CommandRunner cli, bool locked)
    {
        var name = AccountName();
        var command = locked
            ? new Command("lock", "Lock an account: its web sessions end and its API tokens stop at once") { name }
            : new Command("unlock", "Unlock an account, and lift any pause after failed sign-ins with its name (the way back in for a locked-out Admin)") { name };
        command.SetAction((parse, cancel) => WithAdminAsync(cli, parse, async (admin, actor) =>
        {
            if (await admin.SetLockedAsync(actor, parse.GetValue(name)!, locked, cancel) is { } problem)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine(locked ? $"Account {parse.GetValue(name)} locked; its sessions have ended." : $"Account {parse.GetValue(name)} can sign in.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command ResetPassword(CommandRunner cli)
    {
        var name = AccountName();
        var command = new Command("reset-password", "Give an account a new password, shown once; its web sessions end") { name };
        command.SetAction((parse, cancel) => WithAdminAsync(cli, parse, async (admin, actor) =>
        {
            var (problem, password) = await admin.ResetPasswordAsync(actor, parse.GetValue(name)!, cancel);
            if (problem is not null)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine($"Password of {parse.GetValue(name)} reset; its sessions have ended.");
            cli.Context.Out.WriteLine($"Password (shown once): {password}");
            return 0;
        }, cancel));
        return command;
    }

    private static Command SignOut(CommandRunner cli)
    {
        var name = AccountName();
        var command = new Command("sign-out", "End every web session of an account, on every web node") { name };
        command.SetAction((parse, cancel) => WithAdminAsync(cli, parse, async (admin, actor) =>
        {
            var (problem, ended) = await admin.SignOutEverywhereAsync(actor, parse.GetValue(name)!, cancel);
            if (problem is not null)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine($"Account {parse.GetValue(name)} signed out everywhere ({ended} session{(ended == 1 ? "" : "s")} ended).");
            return 0;
        }, cancel));
        return command;
    }

    private static Argument<string> AccountName() => new("NAME") { Description = "Account name" };

    private static Task<int> WithAdminAsync(CommandRunner cli, ParseResult parse, Func<AccountAdmin, string, Task<int>> action, CancellationToken cancel) =>
        cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            await using var services = AccountAdmin.Services(db, cli.Context.Time);
            await using var scope = services.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<AccountAdmin>(), actor);
        }, cancel);

    private static Command Add(CommandRunner cli)
    {
        var name = new Argument<string>("NAME") { Description = "Account name (letters, digits, - . _ @)" };
        var role = new Option<string[]>("--role")
        {
            Description = $"Role, repeatable: {string.Join(", ", Roles.All)}",
            Required = true,
            AllowMultipleArgumentsPerToken = false,
        };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the password from the first line of standard input" };
        var command = new Command("add", "Make an account; the password is prompted for, read from stdin, or made and shown once") { name, role, passwordStdin };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            string password;
            var generated = false;
            if (parse.GetValue(passwordStdin))
            {
                password = (await cli.Context.In.ReadLineAsync(cancel)) ?? "";
            }
            else if (cli.Context.Interactive)
            {
                var terminal = cli.Context.Terminal;
                password = terminal.Prompt(new TextPrompt<string>("Password (12 characters or more):").Secret());
                if (terminal.Prompt(new TextPrompt<string>("Again:").Secret()) != password)
                {
                    return cli.Fail("the passwords differ; nothing was made");
                }
            }
            else
            {
                password = AccountAdmin.NewPassword();
                generated = true;
            }
            await using var services = AccountAdmin.Services(db, cli.Context.Time);
            await using var scope = services.CreateAsyncScope();
            var admin = scope.ServiceProvider.GetRequiredService<AccountAdmin>();
            var problems = await admin.AddAsync(actor, parse.GetValue(name)!, parse.GetValue(role)!, password, cancel);
            if (problems.Count > 0)
            {
                return cli.Fail(string.Join(" ", problems));
            }
            cli.Context.Out.WriteLine($"Account {parse.GetValue(name)} made ({string.Join(", ", parse.GetValue(role)!.Select(r => Roles.Find(r)))}).");
            if (generated)
            {
                cli.Context.Out.WriteLine($"Password (shown once): {password}");
            }
            return 0;
        }, cancel));
        return command;
    }

    private static Command List(CommandRunner cli)
    {
        var command = new Command("list", "List accounts and their roles");
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(cancel);
            var accounts = await db.Users.AsNoTracking().OrderBy(u => u.UserName).Select(u => new { u.Id, u.UserName, u.LockoutEnd }).ToListAsync(cancel);
            var now = cli.Context.Time.GetUtcNow();
            var table = new Table().Border(TableBorder.Simple).AddColumn("account").AddColumn("roles").AddColumn("state");
            foreach (var a in accounts)
            {
                table.AddRow(TerminalText.Cells(a.UserName, string.Join(", ", Roles.All.Where(role => roles.Any(r => r.UserId == a.Id && r.Name == role))),
                    a.LockoutEnd > now ? "locked" : "can sign in"));
            }
            cli.Context.Terminal.Write(table);
            return 0;
        }, cancel));
        return command;
    }
}
