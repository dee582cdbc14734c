namespace Sightline.Register;

/// <summary>The body that runs the register: a council, police force, NHS trust, university or operator.</summary>
public sealed class Organisation
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The organisation's name.</summary>
    public required string Name { get; set; }

    /// <summary>Its legal name where it differs from <see cref="Name"/>.</summary>
    public string? LegalName { get; set; }

    /// <summary>Its sector: local authority, police, health, education, transport, private…</summary>
    public string? Sector { get; set; }

    /// <summary>Whether the Code of Practice binds it under PoFA 2012 s.33.</summary>
    public PofaStatus PofaStatus { get; set; }

    /// <summary>The Senior Responsible Officer for surveillance cameras.</summary>
    public string? SeniorResponsibleOfficer { get; set; }

    /// <summary>The Data Protection Officer.</summary>
    public string? DataProtectionOfficer { get; set; }

    /// <summary>Its registration number with the ICO (data protection fee register).</summary>
    public string? IcoRegistration { get; set; }

    /// <summary>The published contact point for information and complaints (an address, e-mail or web page).</summary>
    public string? ContactPoint { get; set; }
}
