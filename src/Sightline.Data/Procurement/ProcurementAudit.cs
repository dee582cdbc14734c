namespace Sightline.Data.Procurement;

/// <summary>The entity types and actions the procurement records put on the audit log (`sightline audit --entity supplier:1`).</summary>
public static class ProcurementAudit
{
    public const string Supplier = "supplier";
    public const string Questionnaire = "questionnaire";
    public const string Case = "procurement-case";

    public const string Create = "create";
    public const string Update = "update";
    public const string LinkDevice = "link-device";
    public const string Send = "send";
    public const string Answer = "answer";
    public const string Decline = "decline";
    public const string WriteStage = "stage";
    public const string SignOff = "sign-off";
    public const string AddBidder = "add-bidder";
    public const string AddSpecification = "specify";
    public const string RemoveSpecification = "unspecify";
    public const string AssessGround = "assess-ground";
    public const string CheckDebarment = "check-debarment";
    public const string Decide = "decide";
    public const string AddAssociate = "add-associate";
    public const string ReplaceAssociate = "replace-associate";
    public const string Accept = "accept";
}
