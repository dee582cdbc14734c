using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.Account;

public sealed class LogoutModel(SignInManager<Sightline.Data.Accounts.Account> signIn, WebSessions sessions) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        // Ended in the register, not only forgotten by this browser: a copy of the cookie stops working too.
        await sessions.EndAsync(User, cancel);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login");
    }
}
