namespace Sightline.Register;

/// <summary>
/// The read-only columns an export adds beside the register's own (<see cref="DeviceColumns"/>): the device's
/// Sightline id, and Sightline's verdict — who made it, how sure, white label, and the flags per risk dimension.
/// An import matches a row by <see cref="Id"/> and never takes the verdict columns as evidence of anything, nor
/// stores them as attributes.
/// </summary>
public static class VerdictColumns
{
    /// <summary>The device's id in this register.</summary>
    public const string Id = "id";

    /// <summary>The verdict's columns, in export order.</summary>
    public static readonly IReadOnlyList<string> Names =
        ["maker", "confidence", "confidence_score", "white_label", "human_rights", "security_trust", "cyber_hygiene"];

    private static readonly HashSet<string> Keys = Names.Select(Words.Key).ToHashSet();

    /// <summary>Whether a header cell names the <see cref="Id"/> column (spelled as <see cref="Words.Key"/> compares).</summary>
    public static bool IsId(string header) => Words.Key(header) == Id;

    /// <summary>Whether a header cell names one of the verdict's columns (spelled as <see cref="Words.Key"/> compares).</summary>
    public static bool IsVerdict(string header) => Keys.Contains(Words.Key(header));
}
