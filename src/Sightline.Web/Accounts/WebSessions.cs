using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sightline.Data;
using Sightline.Data.Accounts;

namespace Sightline.Web.Accounts;

/// <summary>
/// Sign-ins kept in the register (web_sessions). The cookie names a session; each request reads that session,
/// its account and the account's roles in one query, so a sign-out, lock, password change or "sign out
/// everywhere" ends it, and a change of roles applies, on the next request on every web node.
/// </summary>
public sealed class WebSessions(RegisterDb db, TimeProvider time, IOptions<IdentityOptions> identity)
{
    /// <summary>The claim in the cookie that names the session.</summary>
    public const string SessionClaim = "sightline:session";

    /// <summary>A session ends this long after sign-in however active it is (the cookie also ends after 8 hours idle).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private sealed record Row(string AccountId, string? Name, DateTimeOffset? LockoutEnd, DateTimeOffset Created, DateTimeOffset? Revoked, string? Role);

    /// <summary>Records a new session for the account and returns its id.</summary>
    public async Task<string> BeginAsync(Account account, CancellationToken cancel)
    {
        var id = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.WebSessions.Add(new WebSession { Id = id, AccountId = account.Id, Created = time.GetUtcNow() });
        await db.SaveChangesAsync(cancel);
        return id;
    }

    /// <summary>Ends the session named by this principal, if any (signing out).</summary>
    public Task EndAsync(ClaimsPrincipal user, CancellationToken cancel)
    {
        var id = user.FindFirstValue(SessionClaim);
        var now = time.GetUtcNow();
        return id is null ? Task.CompletedTask
            : db.WebSessions.Where(s => s.Id == id && s.Revoked == null).ExecuteUpdateAsync(set => set.SetProperty(s => s.Revoked, now), cancel);
    }

    /// <summary>Ends every open session of an account, except <paramref name="keep"/>; returns how many ended.</summary>
    public static Task<int> EndAllAsync(RegisterDb db, string accountId, DateTimeOffset now, string? keep, CancellationToken cancel) =>
        db.WebSessions.Where(s => s.AccountId == accountId && s.Revoked == null && s.Id != keep)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Revoked, now), cancel);

    /// <summary>The user as the register has them now, or null when the session has ended or the account is locked.</summary>
    public async Task<ClaimsPrincipal?> PrincipalAsync(string id, CancellationToken cancel)
    {
        var rows = await (
            from s in db.WebSessions
            where s.Id == id
            join u in db.Users on s.AccountId equals u.Id
            from ur in db.UserRoles.Where(ur => ur.UserId == u.Id).DefaultIfEmpty()
            from r in db.Roles.Where(r => r.Id == ur!.RoleId).DefaultIfEmpty()
            select new Row(u.Id, u.UserName, u.LockoutEnd, s.Created, s.Revoked, r!.Name)).ToListAsync(cancel);
        var now = time.GetUtcNow();
        if (rows is not [var first, ..] || first.Revoked is not null || first.LockoutEnd > now || now - first.Created > Lifetime)
        {
            return null;
        }
        var types = identity.Value.ClaimsIdentity;
        var claims = new List<Claim> { new(types.UserIdClaimType, first.AccountId), new(types.UserNameClaimType, first.Name ?? ""), new(SessionClaim, id) };
        claims.AddRange(rows.Select(r => r.Role).OfType<string>().Select(role => new Claim(types.RoleClaimType, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, IdentityConstants.ApplicationScheme, types.UserNameClaimType, types.RoleClaimType));
    }

    /// <summary>The cookie's check on every request: replaces its principal with the register's, or signs it out.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirstValue(SessionClaim);
        var sessions = context.HttpContext.RequestServices.GetRequiredService<WebSessions>();
        if (id is not null && await sessions.PrincipalAsync(id, context.HttpContext.RequestAborted) is { } principal)
        {
            context.ReplacePrincipal(principal);
            return;
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
