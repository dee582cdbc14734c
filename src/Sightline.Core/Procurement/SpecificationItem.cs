namespace Sightline.Procurement;

/// <summary>One line of a case's specification: how many of a platform maker's model, on which firmware.</summary>
public sealed class SpecificationItem
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The case.</summary>
    public int CaseId { get; set; }

    /// <summary>The platform maker's knowledge ID (who really makes it, not the brand on the label).</summary>
    public string Maker { get; set; } = "";

    /// <summary>The model, as its maker names it.</summary>
    public string Model { get; set; } = "";

    /// <summary>The firmware the devices must run, if the specification says.</summary>
    public string? Firmware { get; set; }

    /// <summary>How many.</summary>
    public int Count { get; set; }
}
