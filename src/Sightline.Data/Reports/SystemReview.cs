using Sightline.Compliance;
using Sightline.Data.Assessments;
using Sightline.Data.Compliance;
using Sightline.Register;

namespace Sightline.Data.Reports;

/// <summary>
/// One system in the annual report: its records, devices, status per principle (the findings `sightline compliance`
/// shows), newest self-assessment, DPIA, certifications, and its self-assessments' actions in the period.
/// </summary>
public sealed record SystemReview(
    SurveillanceSystem System,
    IReadOnlyList<SystemPurpose> Purposes,
    DeviceTally Devices,
    IReadOnlyList<PrincipleFindings> Principles,
    AssessmentSummary? Assessment,
    Dpia? Dpia,
    bool DpiaDraft,
    IReadOnlyList<DpiaTrigger> OpenTriggers,
    IReadOnlyList<CertificationRecords.View> Certifications,
    int ActionsCompleted,
    int ActionsOverdue);
