using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Web.Accounts;

namespace Sightline.Web.Pages.Account;

public sealed class LoginModel(SignInManager<Sightline.Data.Accounts.Account> signIn, WebSessions sessions, SignInThrottle throttle) : PageModel
{
    public const string Mismatch = "That account name and password do not match.";

    public const string Paused = "Too many failed sign-ins with this account name from your address: wait 15 minutes, or ask an administrator to unlock it.";

    // Checked against when the name is unknown, so that a wrong name takes as long as a wrong password.
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<Sightline.Data.Accounts.Account>().HashPassword(new(), "no account has this"));

    public string? Problem { get; private set; }

    public string? Name { get; private set; }

    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl) => ReturnUrl = Local(returnUrl);

    public async Task<IActionResult> OnPostAsync(string? name, string? password, string? returnUrl, CancellationToken cancel)
    {
        ReturnUrl = Local(returnUrl);
        Name = name;
        if (string.IsNullOrWhiteSpace(name) || string.IsNullOrEmpty(password))
        {
            Problem = "Give your account name and password.";
            return Page();
        }
        name = name.Trim();
        var address = ClientAddress(HttpContext);
        // The same answers whether or not the name exists: a pause, a mismatch, or (with the right password) a lock.
        if (await throttle.IsPausedAsync(name, address, cancel))
        {
            Problem = Paused;
            return Page();
        }
        var users = signIn.UserManager;
        var account = await users.FindByNameAsync(name);
        if (account is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new(), DummyHash.Value, password);
        }
        if (account is null || !await users.CheckPasswordAsync(account, password))
        {
            await throttle.FailedAsync(name, address, cancel);
            Problem = Mismatch;
            return Page();
        }
        await throttle.SucceededAsync(name, address, cancel);
        if (await users.IsLockedOutAsync(account))
        {
            Problem = "This account is locked; ask an administrator.";
            return Page();
        }
        var session = await sessions.BeginAsync(account, cancel);
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim(WebSessions.SessionClaim, session)]);
        return LocalRedirect(ReturnUrl);
    }

    /// <summary>The client's address as this server saw it (IPv4 addresses in IPv6 form are given as IPv4).</summary>
    public static string ClientAddress(Microsoft.AspNetCore.Http.HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : "unknown";

    // Only paths on this site: a crafted link must not send people elsewhere after signing in.
    private string Local(string? url) => url is not null && Url.IsLocalUrl(url) ? url : "/";
}
