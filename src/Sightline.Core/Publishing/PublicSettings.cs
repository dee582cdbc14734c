namespace Sightline.Publishing;

/// <summary>Whether the public site is on, and the licence the open data is published under. One row; none means the defaults.</summary>
public sealed class PublicSettings
{
    /// <summary>The licence the open data carries unless another is chosen.</summary>
    public const string DefaultLicence = "Open Government Licence v3.0";

    /// <summary>Where the default licence is published.</summary>
    public const string DefaultLicenceUrl = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

    /// <summary>Always 1.</summary>
    public int Id { get; set; } = 1;

    /// <summary>Whether /public answers at all; off until someone turns it on.</summary>
    public bool Enabled { get; set; }

    /// <summary>The open data's licence, by name.</summary>
    public string Licence { get; set; } = DefaultLicence;

    /// <summary>Where the licence's text is, when known.</summary>
    public string? LicenceUrl { get; set; } = DefaultLicenceUrl;
}
