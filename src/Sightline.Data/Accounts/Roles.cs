namespace Sightline.Data.Accounts;

/// <summary>The roles an account can hold; an account may hold several.</summary>
public static class Roles
{
    /// <summary>Manages accounts, API tokens and settings.</summary>
    public const string Admin = "Admin";

    /// <summary>Edits the register: imports, overrides, decommissions.</summary>
    public const string Manager = "Manager";

    /// <summary>
    /// A compliance lead or DPO: writes the Code of Practice records (self-assessments, DPIAs, certifications), but
    /// cannot change the device register.
    /// </summary>
    public const string Compliance = "Compliance";

    /// <summary>A procurement officer: manages suppliers and their due diligence, but cannot change the device register.</summary>
    public const string Procurement = "Procurement";

    /// <summary>Reads everything, the audit log included; changes nothing (an auditor or certification body).</summary>
    public const string Assessor = "Assessor";

    /// <summary>Reads the register and the knowledge.</summary>
    public const string Viewer = "Viewer";

    /// <summary>Every role, most powerful first.</summary>
    public static IReadOnlyList<string> All { get; } = [Admin, Manager, Compliance, Procurement, Assessor, Viewer];

    /// <summary>The role's canonical spelling, or null when there is no such role (case is ignored).</summary>
    public static string? Find(string name) => All.FirstOrDefault(r => string.Equals(r, name.Trim(), StringComparison.OrdinalIgnoreCase));
}
