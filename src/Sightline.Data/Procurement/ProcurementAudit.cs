namespace Sightline.Data.Procurement;

/// <summary>The entity types and actions the procurement records put on the audit log (`sightline audit --entity supplier:1`).</summary>
public static class ProcurementAudit
{
    public const string Supplier = "supplier";
    public const string Questionnaire = "questionnaire";

    public const string Create = "create";
    public const string Update = "update";
    public const string LinkDevice = "link-device";
    public const string Send = "send";
    public const string Answer = "answer";
    public const string Decline = "decline";
}
