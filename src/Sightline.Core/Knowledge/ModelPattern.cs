namespace Sightline.Knowledge;

/// <summary>A model-number pattern that points to a maker and a device class.</summary>
public sealed record ModelPattern(LinearPattern Pattern, Maker Maker, string DeviceClass, double Weight, IReadOnlyList<string> Examples, Provenance Provenance)
{
    /// <summary>A name for the pattern in evidence lists.</summary>
    public string Rule { get; } = $"model:{Maker.Id}:{Pattern}";
}
