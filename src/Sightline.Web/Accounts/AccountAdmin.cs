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
        var canonical = roleNames.Select(r => Roles.Find(r) ?? r).Distinct().ToList();
        if (canonical.Where(r => Roles.Find(r) is null).ToList() is { Count: > 0 } unknown)
        {
            return [$"unknown role '{unknown[0]}'; use {string.Join(", ", Roles.All)}"];
        }
        if (canonical.Count == 0)
        {
            return [$"give a role: {string.Join(", ", Roles.All)}"];
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

    /// <summary>Replaces an account's roles.</summary>
    public async Task<string?> SetRolesAsync(string actor, string name, IReadOnlyList<string> roleNames, CancellationToken cancel)
    {
        var canonical = roleNames.Select(Roles.Find).OfType<string>().Distinct().ToList();
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await users.FindByNameAsync(name) is not { } account)
        {
            return $"there is no account named '{name}'";
        }
        var before = (await users.GetRolesAsync(account)).Order(StringComparer.Ordinal).ToList();
        if (before.SequenceEqual(canonical.Order(StringComparer.Ordinal)))
        {
            return null;
        }
        await EnsureRolesAsync();
        await users.RemoveFromRolesAsync(account, before);
        await users.AddToRolesAsync(account, canonical);
        write.Record("roles", "user", name, AuditJson.Of(("roles", string.Join(';', before))), AuditJson.Of(("roles", string.Join(';', canonical))));
        await write.CommitAsync(cancel);
        return null;
    }

    /// <summary>Locks an account out indefinitely (its tokens stop working too), or unlocks it.</summary>
    public async Task<string?> SetLockedAsync(string actor, string name, bool locked, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await users.FindByNameAsync(name) is not { } account)
        {
            return $"there is no account named '{name}'";
        }
        await users.SetLockoutEndDateAsync(account, locked ? DateTimeOffset.MaxValue : null);
        await users.ResetAccessFailedCountAsync(account);
        await users.UpdateSecurityStampAsync(account);
        write.Record(locked ? "lock" : "unlock", "user", name, null, null);
        await write.CommitAsync(cancel);
        return null;
    }

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
