namespace Sightline.Data.Foi;

/// <summary>How much an FOI answer releases: counts only, counts by site, or every device.</summary>
public enum FoiDetail
{
    /// <summary>How many, by status and by the brand sold, with install years and planned replacement.</summary>
    Counts,
    /// <summary>The counts per site as well.</summary>
    Sites,
    /// <summary>Every device: asset, brand sold, model, site, installed, planned disposition and target.</summary>
    Devices,
}
