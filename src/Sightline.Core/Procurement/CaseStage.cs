namespace Sightline.Procurement;

/// <summary>
/// The stages of a procurement case, in order: the commissioner's Passport to Compliance and Buyers' Toolkit
/// (governance.md §2.2–2.3) with the Procurement Act's award between them.
/// </summary>
public enum CaseStage
{
    /// <summary>The problem, its causes and the risk matrix (Passport stage 1; Toolkit stage 1).</summary>
    Problem,
    /// <summary>The operational requirement (Toolkit stage 2).</summary>
    Requirement,
    /// <summary>The data protection impact assessment (Toolkit stage 1).</summary>
    Dpia,
    /// <summary>The technical specification with its standards and certification (Passport stage 2; Toolkit stage 3).</summary>
    Specification,
    /// <summary>Asking for and receiving proposals (Toolkit stage 3).</summary>
    Proposals,
    /// <summary>Evaluating the proposals, with the exclusion checks of each bidder.</summary>
    Evaluation,
    /// <summary>The award of the contract.</summary>
    Award,
    /// <summary>Commissioning and user acceptance (Passport stage 3; Toolkit stage 4).</summary>
    Acceptance,
}
