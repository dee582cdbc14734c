namespace Sightline.Risk;

/// <summary>The separate dimensions of risk. They are never blended into one score.</summary>
[Flags]
public enum RiskDimension
{
    /// <summary>No dimension.</summary>
    None = 0,
    /// <summary>Human rights and ethics (e.g. Xinjiang evidence, human-rights listings).</summary>
    HumanRights = 1,
    /// <summary>Security and trust (state ownership, sanctions, procurement and sensitive-site bans).</summary>
    SecurityTrust = 2,
    /// <summary>Cyber hygiene (known vulnerabilities of the firmware seen, exploited ones first).</summary>
    CyberHygiene = 4,
}
