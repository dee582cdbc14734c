namespace Sightline.LogBook;

/// <summary>
/// A subject access request for footage (UK GDPR Art. 15): received, identity verified, the search made, footage
/// preserved by a hold, answered within one month (extendable by two), third parties protected, closed. Its stage is
/// read from which of its days are set (<see cref="Stage"/>), so it cannot disagree with them.
/// </summary>
public sealed class SubjectAccessRequest
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The day the request arrived.</summary>
    public DateOnly Received { get; set; }

    /// <summary>How it arrived (email, letter, web form, in person…).</summary>
    public string? Channel { get; set; }

    /// <summary>Who asked (personal data: kept in the log book, never in the audit log).</summary>
    public string Requester { get; set; } = "";

    /// <summary>How to reach them (personal data, as <see cref="Requester"/>).</summary>
    public string? Contact { get; set; }

    /// <summary>What the requester said to find them by: places, times, clothing (personal data, as <see cref="Requester"/>).</summary>
    public string? Description { get; set; }

    /// <summary>The day their identity was verified.</summary>
    public DateOnly? IdentityVerified { get; set; }

    /// <summary>
    /// The day the month starts from when it is not <see cref="Received"/>: the ICO's guidance starts the clock when
    /// identity evidence or a clarification that was asked for arrives.
    /// </summary>
    public DateOnly? ClockStarted { get; set; }

    /// <summary>The systems searched, by ID, separated by ';'.</summary>
    public string? Systems { get; set; }

    /// <summary>The cameras searched, by asset ID, separated by ';'.</summary>
    public string? Cameras { get; set; }

    /// <summary>The start of the footage asked for.</summary>
    public DateTimeOffset? FootageFrom { get; set; }

    /// <summary>The end of the footage asked for.</summary>
    public DateTimeOffset? FootageTo { get; set; }

    /// <summary>The day the search was made.</summary>
    public DateOnly? Searched { get; set; }

    /// <summary>The hold preserving the footage, placed when the request is recorded.</summary>
    public int? HoldId { get; set; }

    /// <summary>Further months granted (0, 1 or 2) for a complex request or several.</summary>
    public int ExtensionMonths { get; set; }

    /// <summary>Why the time was extended.</summary>
    public string? ExtensionReason { get; set; }

    /// <summary>The day the requester was told of the extension (it must be within the first month).</summary>
    public DateOnly? ExtensionTold { get; set; }

    /// <summary>How third parties in the footage are protected: the method recorded, not performed.</summary>
    public Redaction? Redaction { get; set; }

    /// <summary>The day the footage was supplied or viewed.</summary>
    public DateOnly? Supplied { get; set; }

    /// <summary>What the requester got.</summary>
    public SarOutcome? Outcome { get; set; }

    /// <summary>The day it was closed.</summary>
    public DateOnly? Closed { get; set; }

    /// <summary>Notes on handling it (no more personal data than needed).</summary>
    public string? Notes { get; set; }

    /// <summary>Where the request stands, from its days.</summary>
    public SarStage Stage => Closed is not null ? SarStage.Closed
        : Supplied is not null ? SarStage.Answered
        : Searched is not null ? SarStage.Searched
        : IdentityVerified is not null ? SarStage.Verified
        : SarStage.Received;
}

/// <summary>Where a subject access request stands.</summary>
public enum SarStage
{
    /// <summary>Recorded, identity not yet verified.</summary>
    Received,
    /// <summary>Identity verified, not yet searched.</summary>
    Verified,
    /// <summary>Footage searched for, not yet supplied.</summary>
    Searched,
    /// <summary>Footage supplied or viewed, or the answer given.</summary>
    Answered,
    /// <summary>Finished with.</summary>
    Closed,
}

/// <summary>What a requester got at the end.</summary>
public enum SarOutcome
{
    /// <summary>A copy of the footage, third parties protected.</summary>
    CopySupplied,

    /// <summary>A viewing of the footage, which the requester agreed to instead of a copy.</summary>
    ViewingGiven,

    /// <summary>No footage of the requester was held (overwritten before the request, or not captured).</summary>
    NoFootage,

    /// <summary>Refused under an exemption (recorded in the notes).</summary>
    Refused,

    /// <summary>The requester withdrew it.</summary>
    Withdrawn,
}

/// <summary>How third parties in disclosed footage are protected (ICO: blurring, masking or solid fill).</summary>
public enum Redaction
{
    /// <summary>No one else is identifiable in it.</summary>
    NoneNeeded,
    /// <summary>Blurred.</summary>
    Blur,
    /// <summary>Masked.</summary>
    Mask,
    /// <summary>Covered with a solid fill.</summary>
    SolidFill,
}
