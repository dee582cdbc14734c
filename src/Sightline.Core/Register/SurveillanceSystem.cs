namespace Sightline.Register;

/// <summary>A surveillance camera system in the sense of the Code of Practice: devices run for stated purposes.</summary>
public sealed class SurveillanceSystem
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The system's name, unique in the register.</summary>
    public required string Name { get; set; }

    /// <summary>What kind of surveillance it does.</summary>
    public SystemType Type { get; set; }

    /// <summary>The purposes it is operated for (e.g. crime prevention, traffic enforcement), separated by ';'.</summary>
    public string? Purposes { get; set; }

    /// <summary>The lawful basis relied on (e.g. UK GDPR Art. 6(1)(e), DPA 2018 Part 3).</summary>
    public string? LawfulBasis { get; set; }

    /// <summary>Whether it watches public space.</summary>
    public bool PublicSpace { get; set; }

    /// <summary>Whether it is at a sensitive site (in the sense of the UK government's Nov 2022 instruction).</summary>
    public bool SensitiveSite { get; set; }

    /// <summary>How long recordings are kept, in days.</summary>
    public int? RetentionDays { get; set; }

    /// <summary>Why recordings are kept that long (principle 6): what the period rests on.</summary>
    public string? RetentionJustification { get; set; }

    /// <summary>Whether recordings are deleted automatically at the end of the period or by a person; null when not recorded.</summary>
    public Compliance.RetentionDeletion? RetentionDeletion { get; set; }

    /// <summary>Who reviews the retention period (a role or a person).</summary>
    public string? RetentionReviewer { get; set; }

    /// <summary>The data controller.</summary>
    public string? Controller { get; set; }

    /// <summary>Joint controllers, separated by ';'.</summary>
    public string? JointControllers { get; set; }

    /// <summary>Partner organisations and the sharing agreements with them, separated by ';'.</summary>
    public string? Partners { get; set; }

    /// <summary>The Senior Responsible Officer for this system, where it is not the organisation's.</summary>
    public string? SeniorResponsibleOfficer { get; set; }

    /// <summary>What signage tells the public that the system is there (where, what it says); null when not recorded.</summary>
    public string? Signage { get; set; }

    /// <summary>When the system's operation was last reviewed (Code of Practice principle 10).</summary>
    public DateOnly? LastReviewed { get; set; }
}
