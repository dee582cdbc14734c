using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Accounts;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.Account;

public sealed class TokensModel(RegisterDb db, UserManager<Sightline.Data.Accounts.Account> users, AccountAdmin admin) : PageModel
{
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    public string? NewSecret { get; private set; }

    public async Task OnGetAsync(CancellationToken cancel) => await LoadAsync(cancel);

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken cancel)
    {
        var account = await users.GetUserAsync(User);
        if (account is null || string.IsNullOrWhiteSpace(name))
        {
            return RedirectToPage();
        }
        NewSecret = await admin.CreateTokenAsync(User.Identity!.Name!, account, name.Trim(), cancel);
        await LoadAsync(cancel);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancel)
    {
        await admin.RevokeTokenAsync(User.Identity!.Name!, id, users.GetUserId(User), cancel);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancel)
    {
        var id = users.GetUserId(User);
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.AccountId == id).OrderBy(t => t.Id).ToListAsync(cancel);
    }
}
