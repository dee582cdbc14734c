namespace Sightline.LogBook;

/// <summary>
/// A request from the police or another third party for footage, and its disclosure: received, assessed, approved or
/// refused (with the reason), disclosed, closed. Its stage is read from its days, as for a subject access request.
/// </summary>
public sealed class Disclosure
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The day the request arrived.</summary>
    public DateOnly Received { get; set; }

    /// <summary>The person the footage goes to.</summary>
    public string RecipientPerson { get; set; } = "";

    /// <summary>Their organisation.</summary>
    public string RecipientOrganisation { get; set; } = "";

    /// <summary>Their reference (a crime or incident number).</summary>
    public string? Reference { get; set; }

    /// <summary>What they want it for.</summary>
    public string Purpose { get; set; } = "";

    /// <summary>The legal basis relied on (e.g. DPA 2018 Sch. 2 para 2; DPA 2018 s.35; UK GDPR Art. 6(1)(e)).</summary>
    public string? LegalBasis { get; set; }

    /// <summary>The data-sharing agreement it falls under, if any.</summary>
    public string? SharingAgreement { get; set; }

    /// <summary>The systems, by ID, separated by ';'.</summary>
    public string? Systems { get; set; }

    /// <summary>The cameras, by asset ID, separated by ';'.</summary>
    public string? Cameras { get; set; }

    /// <summary>The start of the footage asked for.</summary>
    public DateTimeOffset? FootageFrom { get; set; }

    /// <summary>The end of the footage asked for.</summary>
    public DateTimeOffset? FootageTo { get; set; }

    /// <summary>The hold preserving the footage while the request is decided, when one was placed.</summary>
    public int? HoldId { get; set; }

    /// <summary>The day it was assessed (necessity, the basis, the agreement).</summary>
    public DateOnly? Assessed { get; set; }

    /// <summary>The assessment.</summary>
    public string? Assessment { get; set; }

    /// <summary>Approved or refused.</summary>
    public DisclosureDecision? Decision { get; set; }

    /// <summary>Why it was refused (required when it was).</summary>
    public string? RefusalReason { get; set; }

    /// <summary>Who authorised (or refused) it.</summary>
    public string? AuthorisedBy { get; set; }

    /// <summary>The day of the decision.</summary>
    public DateOnly? Decided { get; set; }

    /// <summary>How it was handed over (secure transfer, encrypted media collected in person…).</summary>
    public string? Method { get; set; }

    /// <summary>What was disclosed.</summary>
    public string? WhatDisclosed { get; set; }

    /// <summary>The day it was disclosed.</summary>
    public DateOnly? Disclosed { get; set; }

    /// <summary>The day it was closed.</summary>
    public DateOnly? Closed { get; set; }

    /// <summary>Where the request stands, from its days.</summary>
    public DisclosureStage Stage => Closed is not null ? DisclosureStage.Closed
        : Disclosed is not null ? DisclosureStage.Disclosed
        : Decision == DisclosureDecision.Refused ? DisclosureStage.Refused
        : Decision == DisclosureDecision.Approved ? DisclosureStage.Approved
        : Assessed is not null ? DisclosureStage.Assessed
        : DisclosureStage.Received;
}

/// <summary>The decision on a disclosure request.</summary>
public enum DisclosureDecision
{
    /// <summary>Approved: the footage may be disclosed.</summary>
    Approved,
    /// <summary>Refused, with the reason.</summary>
    Refused,
}

/// <summary>Where a disclosure request stands.</summary>
public enum DisclosureStage
{
    /// <summary>Recorded, not yet assessed.</summary>
    Received,
    /// <summary>Assessed, not yet decided.</summary>
    Assessed,
    /// <summary>Approved: the footage may be disclosed.</summary>
    Approved,
    /// <summary>Refused, with the reason.</summary>
    Refused,
    /// <summary>Handed over.</summary>
    Disclosed,
    /// <summary>Finished with.</summary>
    Closed,
}
