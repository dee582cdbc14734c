using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sightline.Data;
using Sightline.Data.Accounts;

namespace Sightline.Web.Accounts;

/// <summary>Signs in an API request by its bearer token, as the token's account with that account's roles.</summary>
public sealed class ApiTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    RegisterDb db,
    SignInManager<Account> signIn)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>Tokens begin with this, so that they are recognisable in logs and secret scanners.</summary>
    public const string Prefix = "sl_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return AuthenticateResult.NoResult();
        }
        var hash = HashOf(header["Bearer ".Length..].Trim());
        var accountId = await db.ApiTokens.AsNoTracking().Where(t => t.Hash == hash && t.Revoked == null)
            .Select(t => t.AccountId).SingleOrDefaultAsync(Context.RequestAborted);
        if (accountId is null || await signIn.UserManager.FindByIdAsync(accountId) is not { } account)
        {
            return AuthenticateResult.Fail("unknown or revoked token");
        }
        if (await signIn.UserManager.IsLockedOutAsync(account))
        {
            return AuthenticateResult.Fail("the token's account is locked");
        }
        var principal = await signIn.CreateUserPrincipalAsync(account);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    /// <summary>A new secret, shown once.</summary>
    public static string NewSecret() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>What is stored for a secret.</summary>
    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
