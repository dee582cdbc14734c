namespace Sightline.Procurement;

/// <summary>
/// A due-diligence finding about a supplier, dated: it declined to answer, gave no answer by the deadline, or has no
/// Modern Slavery Act statement on record though its turnover requires one. <paramref name="QuestionnaireId"/> is the
/// questionnaire a refusal or a silence is about. <paramref name="Kind"/> is one of
/// <see cref="DueDiligenceFindings"/>' kinds.
/// </summary>
public sealed record SupplierFinding(int SupplierId, string Supplier, int? QuestionnaireId, string Kind, DateOnly Day, string Text, string Source);
