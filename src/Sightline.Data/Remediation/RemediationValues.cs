namespace Sightline.Data.Remediation;

/// <summary>
/// Values typed for a plan line, as text (null: not given; blank: clear an optional one): the CLI's options, the web's
/// form and the API's JSON all arrive as this, so all three are checked by the same words.
/// </summary>
public sealed record RemediationValues
{
    public string? Disposition { get; init; }

    public string? Justification { get; init; }

    public string? Owner { get; init; }

    /// <summary>YYYY-MM-DD.</summary>
    public string? Target { get; init; }

    /// <summary>Pounds, e.g. 1200 or 1,200.50 (a leading £ is allowed).</summary>
    public string? Cost { get; init; }

    public string? Status { get; init; }

    public string? ExceptionBy { get; init; }

    public string? ExceptionReason { get; init; }

    /// <summary>YYYY-MM-DD; today when an exception is given without one.</summary>
    public string? ExceptionDate { get; init; }
}
