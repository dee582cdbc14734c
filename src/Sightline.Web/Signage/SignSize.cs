namespace Sightline.Web.Signage;

/// <summary>A printed sign's paper: its name for CSS and people, its size in millimetres, and how much its text is scaled.</summary>
public sealed record SignSize(string Name, int WidthMm, int HeightMm, double Scale)
{
    /// <summary>A4 portrait, 210 × 297 mm.</summary>
    public static readonly SignSize A4 = new("A4", 210, 297, 1);

    /// <summary>A3 portrait, 297 × 420 mm: everything √2 larger than A4.</summary>
    public static readonly SignSize A3 = new("A3", 297, 420, Math.Sqrt(2));

    /// <summary>The size named <paramref name="text"/> (A4 when empty), or null with the reason.</summary>
    public static (SignSize? Size, string? Problem) Parse(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        null or "" or "A4" => (A4, null),
        "A3" => (A3, null),
        _ => (null, $"size '{text}' is not one a sign is printed at: give A4 or A3"),
    };
}
