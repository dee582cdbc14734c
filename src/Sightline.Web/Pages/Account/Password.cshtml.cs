using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.Account;

/// <summary>Every account changes its own password here; the account's other sessions end.</summary>
public sealed class PasswordModel(UserManager<Sightline.Data.Accounts.Account> users, AccountAdmin admin) : PageModel
{
    public string? Problem { get; private set; }

    public bool Changed { get; private set; }

    public async Task OnPostAsync(string? current, string? next, string? again, CancellationToken cancel)
    {
        if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(next))
        {
            Problem = "Give your current password and a new one.";
            return;
        }
        if (next != again)
        {
            Problem = "The two new passwords differ; nothing was changed.";
            return;
        }
        if (await users.GetUserAsync(User) is not { } account)
        {
            Problem = "Your account is no longer there.";
            return;
        }
        var problems = await admin.ChangePasswordAsync(account, current, next, User.FindFirstValue(WebSessions.SessionClaim), cancel);
        Problem = problems.Count > 0 ? string.Join(" ", problems) : null;
        Changed = problems.Count == 0;
    }
}
