namespace Sightline.Procurement;

/// <summary>
/// A company that makes, sells, integrates, installs or maintains the organisation's surveillance equipment, with what
/// due diligence needs on record about it (governance.md §9.1 Supplier; Modern Slavery Act s.54).
/// </summary>
public sealed class Supplier
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The registered legal name (unique in the register).</summary>
    public string LegalName { get; set; } = "";

    /// <summary>The name it trades under, when not its legal name; devices' installer field is matched on either.</summary>
    public string? TradingName { get; set; }

    /// <summary>Companies House number: eight characters, digits or a two-letter prefix and six digits (e.g. SC123456).</summary>
    public string? CompanyNumber { get; set; }

    /// <summary>ISO 3166-1 alpha-2 country of registration.</summary>
    public string Country { get; set; } = "";

    /// <summary>Its roles as words (<see cref="SupplierRole"/>), separated by ';'.</summary>
    public string Roles { get; set; } = "";

    /// <summary>Its parent company, if any.</summary>
    public string? Parent { get; set; }

    /// <summary>Connected persons (directors, controllers, associated companies), separated by ';'.</summary>
    public string? ConnectedPersons { get; set; }

    /// <summary>The platform makers it supplies, by knowledge maker ID, separated by ';'.</summary>
    public string Makers { get; set; } = "";

    /// <summary>The brands it supplies, by their name in the knowledge's brands.csv, separated by ';'.</summary>
    public string Brands { get; set; } = "";

    /// <summary>Whether its turnover is £36m or more, so that s.54 requires a slavery and human trafficking statement.</summary>
    public bool TurnoverOver36m { get; set; }

    /// <summary>Where its latest Modern Slavery Act s.54 statement is published.</summary>
    public string? SlaveryStatementUrl { get; set; }

    /// <summary>The financial year the statement covers.</summary>
    public int? SlaveryStatementYear { get; set; }

    /// <summary>Installer certification (NSI, SSAIB) with its reference, free text.</summary>
    public string? Certifications { get; set; }

    /// <summary>The product lines it declares Secure by Default, separated by ';'.</summary>
    public string? SecureByDefault { get; set; }
}
