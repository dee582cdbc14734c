using Sightline.Risk;

namespace Sightline.Data.Remediation;

/// <summary>Why devices are flagged: one designation, concern or vulnerability that applies to them, with its source, and how many devices it applies to.</summary>
public sealed record FlagReason(RiskDimension Dimension, string Maker, string Kind, string Title, string Detail, string Source, long Devices);
