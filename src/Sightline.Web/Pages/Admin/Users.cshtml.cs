using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.Admin;

public sealed class UsersModel(RegisterDb db, AccountAdmin admin, TimeProvider time) : PageModel
{
    public sealed record AccountRow(string Name, IReadOnlyList<string> Roles, bool Locked);

    public sealed record TokenRow(int Id, string Account, string Name, string Prefix, DateTimeOffset Created, DateTimeOffset? Revoked);

    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public IReadOnlyList<TokenRow> Tokens { get; private set; } = [];

    public string? Problem { get; private set; }

    public string? NewName { get; private set; }

    public string? NewPassword { get; private set; }

    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public async Task<IActionResult> OnPostAddAsync(string? name, string[]? roles, CancellationToken cancel)
    {
        var password = AccountAdmin.NewPassword();
        var problems = await admin.AddAsync(Actor, name?.Trim() ?? "", roles ?? [], password, cancel);
        if (problems.Count > 0)
        {
            Problem = string.Join(" ", problems);
        }
        else
        {
            (NewName, NewPassword) = (name!.Trim(), password);
        }
        await LoadAsync(cancel);
        return Page();
    }

    public async Task<IActionResult> OnPostRolesAsync(string name, string[]? roles, CancellationToken cancel)
    {
        Problem = await admin.SetRolesAsync(Actor, name, roles ?? [], cancel);
        await LoadAsync(cancel);
        return Page();
    }

    public async Task<IActionResult> OnPostLockAsync(string name, bool locked, CancellationToken cancel)
    {
        Problem = name == Actor && locked ? "You cannot lock your own account." : await admin.SetLockedAsync(Actor, name, locked, cancel);
        await LoadAsync(cancel);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(string name, CancellationToken cancel)
    {
        (Problem, var password) = await admin.ResetPasswordAsync(Actor, name, cancel);
        if (password is not null)
        {
            Done = $"The password of {name} was reset and its sessions ended. The new password, shown once:";
            NewPassword = password;
        }
        await LoadAsync(cancel);
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutAsync(string name, CancellationToken cancel)
    {
        (Problem, var ended) = await admin.SignOutEverywhereAsync(Actor, name, cancel);
        if (Problem is null)
        {
            Done = $"{name} is signed out everywhere ({ended} session{(ended == 1 ? "" : "s")} ended).";
        }
        await LoadAsync(cancel);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancel)
    {
        await admin.RevokeTokenAsync(Actor, id, ownerId: null, cancel);
        return RedirectToPage();
    }

    private string Actor => User.Identity!.Name!;

    private async Task LoadAsync(CancellationToken cancel)
    {
        var now = time.GetUtcNow();
        var roleNames = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .AsNoTracking().ToListAsync(cancel);
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.LockoutEnd }).ToListAsync(cancel);
        Accounts = accounts.ConvertAll(a => new AccountRow(a.UserName!,
            roleNames.Where(r => r.UserId == a.Id).Select(r => r.Name!).ToList(), a.LockoutEnd > now));
        var names = accounts.ToDictionary(a => a.Id, a => a.UserName!);
        Tokens = (await db.ApiTokens.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancel))
            .ConvertAll(t => new TokenRow(t.Id, names.GetValueOrDefault(t.AccountId, "?"), t.Name, t.Prefix, t.Created, t.Revoked));
    }
}
