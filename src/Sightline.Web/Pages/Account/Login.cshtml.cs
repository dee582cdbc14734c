using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Data.Accounts;

namespace Sightline.Web.Pages.Account;

public sealed class LoginModel(SignInManager<Sightline.Data.Accounts.Account> signIn) : PageModel
{
    public string? Problem { get; private set; }

    public string? Name { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = Local(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl)
    {
        ReturnUrl = Local(returnUrl);
        Name = name;
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrEmpty(password))
        {
            Problem = "Give your account name and password.";
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(name.Trim(), password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(ReturnUrl);
        }
        Problem = result.IsLockedOut
            ? "This account is locked after too many failed attempts; try again in 15 minutes or ask an administrator."
            : "That account name and password do not match.";
        return Page();
    }

    // Only paths on this site: a crafted link must not send people elsewhere after signing in.
    private string Local(string? url) => url is not null && Url.IsLocalUrl(url) ? url : "/";
}
