namespace Sightline.Data.Publishing;

/// <summary>A system's signed-off DPIA, summarised: the regime, the risks found, the residual risk, and its dates.</summary>
public sealed record PublicDpia(string? Regime, int Risks, string? ResidualRisk, DateTimeOffset? SignedOff, DateOnly? ReviewDue);
