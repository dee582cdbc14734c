namespace Sightline.Data.Assessments;

/// <summary>
/// A finding from the register as it was offered (principle, text, status, count, the devices behind it and its
/// source), with the assessor's decision to accept it into the assessment or reject it, and why (optional when accepted).
/// </summary>
public sealed record FindingDecision(
    int Principle, string Text, string Status, int Count, IReadOnlyList<int> Devices, string Source, bool Accepted, string? Reason);
