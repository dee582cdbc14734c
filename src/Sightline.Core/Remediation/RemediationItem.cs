namespace Sightline.Remediation;

/// <summary>
/// One device's line in the remediation plan: the disposition, who owns it, by when, at what estimated cost, how far it
/// has gone, and any exception to the UK sensitive-site rule. A device has at most one line.
/// </summary>
public sealed class RemediationItem
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The device (unique: one line per device).</summary>
    public int DeviceId { get; set; }

    /// <summary>What is to be done.</summary>
    public Disposition Disposition { get; set; }

    /// <summary>Why the device is kept; required when the disposition is accept.</summary>
    public string? Justification { get; set; }

    /// <summary>The person or team responsible.</summary>
    public string Owner { get; set; } = "";

    /// <summary>The day it should be done by; required unless the disposition is accept.</summary>
    public DateOnly? TargetDate { get; set; }

    /// <summary>Estimated cost for this device, in pounds sterling.</summary>
    public decimal? Cost { get; set; }

    /// <summary>How far it has gone.</summary>
    public RemediationStatus Status { get; set; }

    /// <summary>The group it was planned with ("site: Bus Station", "model: DS-2CD2143G2-I"), or null when planned alone.</summary>
    public string? Group { get; set; }

    /// <summary>The day it entered the plan.</summary>
    public DateOnly Planned { get; set; }

    /// <summary>The day its status became done; null while it is not done. The plan's progress over time is read from it.</summary>
    public DateOnly? Done { get; set; }

    /// <summary>Who authorised an exception to the UK sensitive-site rule.</summary>
    public string? ExceptionBy { get; set; }

    /// <summary>Why the exception was granted.</summary>
    public string? ExceptionReason { get; set; }

    /// <summary>When the exception was granted.</summary>
    public DateOnly? ExceptionDate { get; set; }
}
