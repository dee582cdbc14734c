using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Data;
using Sightline.Data.Accounts;
using Sightline.Data.Audit;

namespace Sightline.Web.Accounts;

/// <summary>
/// Changes to accounts and API tokens, each in one register write with an audit entry naming who acted
/// (passwords and secrets are never recorded). Used by `sightline users` and the Admin pages.
/// </summary>
public sealed class AccountAdmin(RegisterDb db, UserManager<Account> users, RoleManager<IdentityRole> roles, TimeProvider time)
{
    /// <summary>The services an account change needs, for a command-line process without a web host.</summary>
    public static ServiceProvider Services(RegisterDb db, TimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddScoped(_ => db);
        services.AddIdentityCore<Account>(AccountsSetup.Configure).AddRoles<IdentityRole>().AddEntityFrameworkStores<RegisterDb>();
        services.AddScoped<AccountAdmin>();
        return services.BuildServiceProvider();
    }

    /// <summary>A password of 20 letters and digits (about 100 bits), for an account whose creator gave none.</summary>
    public static string NewPassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 20);

    /// <summary>Creates an account with these roles; the problems (password rules, a taken name, an unknown role) when it cannot.</summary>
    public async Task<IReadOnlyList<string>> AddAsync(string actor, string name, IReadOnlyList<string> roleNames, string password, CancellationToken cancel)
    {
        if (RoleProblem(roleNames, out var canonical) is { } problem)
        {
            return [problem];
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        await EnsureRolesAsync();
        var account = new Account { UserName = name };
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            return created.Errors.Select(e => e.Description).ToList();
        }
        var added = await users.AddToRolesAsync(account, canonical);
        if (!added.Succeeded)
        {
            return added.Errors.Select(e => e.Description).ToList();
        }
        write.Record("create", "user", name, null, AuditJson.Of(("roles", string.Join(';', canonical))));
        await write.CommitAsync(cancel);
        return [];
    }

    /// <summary>
    /// Replaces an account's roles; refused for an unknown role, no role at all, or a change that would leave no
    /// Admin able to sign in. Open sessions get the new roles on their next request.
    /// </summary>
    public async Task<string?> SetRolesAsync(string actor, string name, IReadOnlyList<string> roleNames, CancellationToken cancel)
    {
        if (RoleProblem(roleNames, out var canonical) is { } problem)
        {
            return problem;
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await users.FindByNameAsync(name) is not { } account)
        {
            return NoSuchAccount(name);
        }
        var before = (await users.GetRolesAsync(account)).Order(StringComparer.Ordinal).ToList();
        if (before.SequenceEqual(canonical.Order(StringComparer.Ordinal)))
        {
            return null;
        }
        if (before.Contains(Roles.Admin) && !canonical.Contains(Roles.Admin) && await IsLastAdminAsync(account, cancel))
        {
            return LastAdmin(name, "keep the Admin role");
        }
        await EnsureRolesAsync();
        await users.RemoveFromRolesAsync(account, before);
        await users.AddToRolesAsync(account, canonical);
        write.Record("roles", "user", name, AuditJson.Of(("roles", string.Join(';', before))), AuditJson.Of(("roles", string.Join(';', canonical))));
        await write.CommitAsync(cancel);
        return null;
    }

    /// <summary>
    /// Locks an account (its sessions end and its tokens stop at once), or unlocks it, which also lifts any pause
    /// after failed sign-ins; the last Admin able to sign in cannot be locked.
    /// </summary>
    public async Task<string?> SetLockedAsync(string actor, string name, bool locked, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await users.FindByNameAsync(name) is not { } account)
        {
            return NoSuchAccount(name);
        }
        if (locked && await users.IsInRoleAsync(account, Roles.Admin) && await IsLastAdminAsync(account, cancel))
        {
            return LastAdmin(name, "stay unlocked");
        }
        await users.SetLockoutEndDateAsync(account, locked ? DateTimeOffset.MaxValue : null);
        await users.ResetAccessFailedCountAsync(account);
        await users.UpdateSecurityStampAsync(account);
        if (locked)
        {
            await WebSessions.EndAllAsync(db, account.Id, time.GetUtcNow(), keep: null, cancel);
        }
        else
        {
            await SignInThrottle.ClearAsync(db, name, cancel);
        }
        write.Record(locked ? "lock" : "unlock", "user", name, null, null);
        await write.CommitAsync(cancel);
        return null;
    }

    /// <summary>Gives an account a new strong password and ends its sessions; returns the password, to be shown once.</summary>
    public async Task<(string? Problem, string? Password)> ResetPasswordAsync(string actor, string name, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await users.FindByNameAsync(name) is not { } account)
        {
            return (NoSuchAccount(name), null);
        }
        var password = NewPassword();
        await users.RemovePasswordAsync(account);
        var set = await users.AddPasswordAsync(account, password);
        if (!set.Succeeded)
        {
            return (string.Join(" ", set.Errors.Select(e => e.Description)), null);
        }
        var ended = await WebSessions.EndAllAsync(db, account.Id, time.GetUtcNow(), keep: null, cancel);
        write.Record("reset-password", "user", name, null, AuditJson.Of(("sessions ended", ended.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        await write.CommitAsync(cancel);
        return (null, password);
    }

    /// <summary>Changes one's own password (the current one is required) and ends the account's other sessions.</summary>
    public async Task<IReadOnlyList<string>> ChangePasswordAsync(Account account, string current, string next, string? keepSession, CancellationToken cancel)
    {
        var name = account.UserName!;
        await using var write = await RegisterWrite.BeginAsync(db, time, name, cancel);
        var changed = await users.ChangePasswordAsync(account, current, next);
        if (!changed.Succeeded)
        {
            return changed.Errors.Select(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "The current password is not right." : e.Description).ToList();
        }
        var ended = await WebSessions.EndAllAsync(db, account.Id, time.GetUtcNow(), keepSession, cancel);
        write.Record("password", "user", name, null, AuditJson.Of(("sessions ended", ended.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        await write.CommitAsync(cancel);
        return [];
    }

    /// <summary>Ends every session of an account on every web node ("sign out everywhere"); returns how many ended.</summary>
    public async Task<(string? Problem, int Ended)> SignOutEverywhereAsync(string actor, string name, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await users.FindByNameAsync(name) is not { } account)
        {
            return (NoSuchAccount(name), 0);
        }
        var ended = await WebSessions.EndAllAsync(db, account.Id, time.GetUtcNow(), keep: null, cancel);
        write.Record("sign-out-everywhere", "user", name, null, AuditJson.Of(("sessions ended", ended.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        await write.CommitAsync(cancel);
        return (null, ended);
    }

    /// <summary>
    /// The rules for a set of role names, the same for the web and `sightline users`: every name a known role
    /// (case ignored), at least one. Null when they hold; <paramref name="canonical"/> then has each role once.
    /// </summary>
    public static string? RoleProblem(IReadOnlyList<string> roleNames, out IReadOnlyList<string> canonical)
    {
        canonical = roleNames.Select(r => Roles.Find(r) ?? r).Distinct().ToList();
        if (canonical.FirstOrDefault(r => Roles.Find(r) is null) is { } unknown)
        {
            return $"unknown role '{unknown}'; the roles are {string.Join(", ", Roles.All)}";
        }
        return canonical.Count == 0 ? $"give at least one role ({string.Join(", ", Roles.All)}); to stop an account signing in, lock it" : null;
    }

    // Whether no other account both holds Admin and is unlocked; read under the write lock, so two Admins
    // demoting each other at once cannot both succeed.
    private async Task<bool> IsLastAdminAsync(Account account, CancellationToken cancel)
    {
        var others = await (from ur in db.UserRoles
                            join r in db.Roles on ur.RoleId equals r.Id
                            join u in db.Users on ur.UserId equals u.Id
                            where r.Name == Roles.Admin && u.Id != account.Id
                            select u.LockoutEnd).ToListAsync(cancel);
        var now = time.GetUtcNow();
        return !others.Any(end => end is null || end <= now);
    }

    private static string NoSuchAccount(string name) => $"there is no account named '{name}'";

    private static string LastAdmin(string name, string must) =>
        $"'{name}' is the only Admin who can sign in, so must {must}; make another account Admin first";

    /// <summary>Makes an API token for the account; returns the secret, which is shown once and never stored.</summary>
    public async Task<string> CreateTokenAsync(string actor, Account account, string name, CancellationToken cancel)
    {
        var secret = ApiTokenHandler.NewSecret();
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var token = new ApiToken
        {
            AccountId = account.Id,
            Name = name,
            Prefix = secret[..10],
            Hash = ApiTokenHandler.HashOf(secret),
            Created = time.GetUtcNow(),
        };
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancel);
        write.Record("create", "api-token", token.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            AuditJson.Of(("account", account.UserName), ("name", name), ("prefix", token.Prefix)));
        await write.CommitAsync(cancel);
        return secret;
    }

    /// <summary>Revokes a token; <paramref name="ownerId"/> limits it to that account's tokens (null: any, for an Admin).</summary>
    public async Task<bool> RevokeTokenAsync(string actor, int tokenId, string? ownerId, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == tokenId && t.Revoked == null && (ownerId == null || t.AccountId == ownerId), cancel);
        if (token is null)
        {
            return false;
        }
        token.Revoked = time.GetUtcNow();
        write.Record("revoke", "api-token", tokenId.ToString(System.Globalization.CultureInfo.InvariantCulture), null, AuditJson.Of(("prefix", token.Prefix)));
        await write.CommitAsync(cancel);
        return true;
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
