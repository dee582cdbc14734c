namespace Sightline.Data.Accounts;

/// <summary>
/// Failed sign-ins with one account name from one client address, whether or not the account exists. Too many in
/// a row pause that name from that address only, so a stranger cannot lock an account out from everywhere.
/// </summary>
public sealed class SignInFailure
{
    /// <summary>The account name as typed, upper-cased (as Identity normalises names).</summary>
    public required string Name { get; set; }

    /// <summary>The client's address, as the server saw it.</summary>
    public required string Address { get; set; }

    /// <summary>Failures in a row.</summary>
    public int Failures { get; set; }

    /// <summary>The latest failure (UTC).</summary>
    public DateTimeOffset LastFailure { get; set; }
}
