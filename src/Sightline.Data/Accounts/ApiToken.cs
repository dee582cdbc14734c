namespace Sightline.Data.Accounts;

/// <summary>
/// A bearer token for the JSON API, acting as its account. Only the SHA-256 of the secret is stored: the secret
/// is shown once, when the token is made.
/// </summary>
public sealed class ApiToken
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The account it acts as.</summary>
    public required string AccountId { get; set; }

    /// <summary>What its owner called it (e.g. "GIS nightly export").</summary>
    public required string Name { get; set; }

    /// <summary>The first characters of the secret, to tell tokens apart in lists.</summary>
    public required string Prefix { get; set; }

    /// <summary>SHA-256 of the whole secret, lower-case hex.</summary>
    public required string Hash { get; set; }

    /// <summary>When it was made (UTC).</summary>
    public DateTimeOffset Created { get; set; }

    /// <summary>When it was revoked (UTC); null while it works.</summary>
    public DateTimeOffset? Revoked { get; set; }
}
