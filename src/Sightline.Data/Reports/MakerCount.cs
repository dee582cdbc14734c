namespace Sightline.Data.Reports;

/// <summary>
/// A system's devices on one platform maker ("unknown maker" when no evidence identified one), and of them those sold
/// under another company's brand: the white labels, by the brand on the box.
/// </summary>
public sealed record MakerCount(string Maker, long Count, IReadOnlyList<(string SoldAs, long Count)> WhiteLabels);
