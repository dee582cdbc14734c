namespace Sightline.Register;

/// <summary>A place where devices are installed (a town centre, a car park, a building).</summary>
public sealed class Site
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The site's name, unique in the register.</summary>
    public required string Name { get; set; }

    /// <summary>Postal address or description of the place.</summary>
    public string? Address { get; set; }

    /// <summary>WGS84 latitude of the site's centre.</summary>
    public double? Latitude { get; set; }

    /// <summary>WGS84 longitude of the site's centre.</summary>
    public double? Longitude { get; set; }
}
