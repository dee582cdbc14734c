namespace Sightline.Data.Compliance;

/// <summary>
/// The entity types and actions the Code of Practice records put on the audit log, named once so the writers, the
/// trigger reader and the tests agree (`sightline audit --entity system:3`).
/// </summary>
public static class ComplianceAudit
{
    public const string Organisation = "organisation";
    public const string System = "system";
    public const string Purpose = "purpose";
    public const string ReferenceDatabase = "reference-database";
    public const string Dpia = "dpia";
    public const string Certification = "certification";

    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string SignOff = "sign-off";
}
