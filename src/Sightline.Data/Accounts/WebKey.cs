namespace Sightline.Data.Accounts;

/// <summary>
/// One ASP.NET Core data-protection key (XML), kept in the register so that sign-ins and antiforgery tokens
/// survive a restart and are shared by every web node on one PostgreSQL register.
/// </summary>
public sealed class WebKey
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The key's friendly name, as data protection gives it.</summary>
    public required string Name { get; set; }

    /// <summary>The key element, as XML.</summary>
    public required string Xml { get; set; }
}
