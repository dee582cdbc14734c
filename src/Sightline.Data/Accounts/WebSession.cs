namespace Sightline.Data.Accounts;

/// <summary>
/// One sign-in to the web application. The sign-in cookie carries only its id; every request checks the row,
/// so signing out, an Admin's lock or "sign out everywhere" ends the session on every web node at once.
/// </summary>
public sealed class WebSession
{
    /// <summary>A random id (256 bits, URL-safe base64), kept inside the protected cookie.</summary>
    public required string Id { get; set; }

    /// <summary>The account signed in.</summary>
    public required string AccountId { get; set; }

    /// <summary>When it began (UTC); it ends a day later at the latest, however active (no write per request).</summary>
    public DateTimeOffset Created { get; set; }

    /// <summary>When it was ended (sign-out, lock, password change, "sign out everywhere"); null while it lasts.</summary>
    public DateTimeOffset? Revoked { get; set; }
}
