using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Cli;
using Sightline.Data.Accounts;
using Sightline.Web.Accounts;
using Spectre.Console;

namespace Sightline.Users;

/// <summary>`sightline users add|list`: the web application's accounts (there is no self-registration).</summary>
public static class UsersCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("users", "Make and list the web application's accounts");
        command.Subcommands.Add(Add(cli));
        command.Subcommands.Add(List(cli));
        return command;
    }

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
                table.AddRow(TerminalText.Cells(a.UserName, string.Join(", ", roles.Where(r => r.UserId == a.Id).Select(r => r.Name)),
                    a.LockoutEnd > now ? "locked" : "can sign in"));
            }
            cli.Context.Terminal.Write(table);
            return 0;
        }, cancel));
        return command;
    }
}
