using Sightline.Data.Reports;
using Sightline.Risk;

namespace Sightline.Data.Remediation;

/// <summary>
/// What the remediation board paper says on a day: the estate in service by platform maker (white labels revealed by the
/// brand sold), the devices flagged in each dimension and why (sourced), the plan with its cost and progress, and the
/// suppliers whose due diligence gave findings, such as a refusal to answer the questionnaire.
/// </summary>
public sealed record BoardPaper(
    string Organisation,
    DateOnly Today,
    long Devices,
    IReadOnlyList<MakerCount> ByMaker,
    IReadOnlyDictionary<RiskDimension, long> Flagged,
    long FlaggedDevices,
    IReadOnlyList<FlagReason> Reasons,
    IReadOnlyList<PlannedDevice> Plan,
    IReadOnlyList<ProgressPoint> Progress,
    IReadOnlyList<SupplierConcern> Suppliers);
