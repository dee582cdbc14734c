namespace Sightline.Compliance;

/// <summary>
/// One of the 12 guiding principles of the Surveillance Camera Code of Practice (amended November 2021), named in our
/// own words: the official wording of principles 9–12 and the self-assessment questions could not be checked.
/// </summary>
public sealed record Principle(int Number, string Title)
{
    /// <summary>Where the principles come from.</summary>
    public const string Source =
        "Surveillance Camera Code of Practice (amended Nov 2021), https://www.gov.uk/government/publications/update-to-surveillance-camera-code";

    /// <summary>The 12 principles, in the Code's order (index = number − 1).</summary>
    public static IReadOnlyList<Principle> All { get; } =
    [
        new(1, "A specified purpose meeting a pressing need"),
        new(2, "Privacy impact considered and use reviewed"),
        new(3, "Transparency and a published contact point"),
        new(4, "Clear responsibility and accountability"),
        new(5, "Rules and procedures before use"),
        new(6, "No more images, and no longer, than the purpose needs"),
        new(7, "Restricted access and disclosure"),
        new(8, "Approved standards"),
        new(9, "Security of images, information and equipment"),
        new(10, "Review, audit and reporting"),
        new(11, "Effective use with evidential value"),
        new(12, "Accurate, up-to-date reference databases"),
    ];
}
