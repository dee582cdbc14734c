namespace Sightline.Procurement;

/// <summary>Whose conduct an exclusion check is about (Procurement Act 2023 s.26–28).</summary>
public enum PersonKind
{
    /// <summary>The bidding supplier itself.</summary>
    Bidder,
    /// <summary>A connected person of the supplier: a director, a controller, a subsidiary or parent (from the supplier's record).</summary>
    Connected,
    /// <summary>An associated person on this case: a consortium member or a sub-contractor the bid relies on.</summary>
    Associated,
}
