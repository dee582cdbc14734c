namespace Sightline.Knowledge;

/// <summary>
/// A model-number pattern that points to a maker and a device class; <paramref name="Number"/> counts the maker's
/// patterns in models.csv from 1.
/// </summary>
public sealed record ModelPattern(LinearPattern Pattern, Maker Maker, string DeviceClass, double Weight, IReadOnlyList<string> Examples,
    Provenance Provenance, int Number)
{
    /// <summary>A name for the pattern in evidence lists: the maker and the pattern's number, not the pattern (no one reads a regex).</summary>
    public string Rule { get; } = $"model:{Maker.Id}:{Number}";

    /// <summary>What the pattern means, in words.</summary>
    public string Meaning => $"{Maker.Name} {DeviceClass} model numbering{(Examples.Count > 0 ? $", as in {Examples[0]}" : "")}";
}
