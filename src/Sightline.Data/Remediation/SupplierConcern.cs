using Sightline.Procurement;

namespace Sightline.Data.Remediation;

/// <summary>
/// A supplier with due-diligence findings (a refusal to answer, no answer by the deadline, no modern slavery statement),
/// as the board paper shows it: the findings, how many devices it supplied, and those of them in the plan.
/// </summary>
public sealed record SupplierConcern(string Supplier, IReadOnlyList<SupplierFinding> Findings, int Supplied, IReadOnlyList<string> Planned);
