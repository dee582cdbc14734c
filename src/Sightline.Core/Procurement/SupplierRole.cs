namespace Sightline.Procurement;

/// <summary>What a supplier does in the supply chain of a surveillance system; a supplier may have several roles.</summary>
public enum SupplierRole
{
    /// <summary>Makes the equipment (a platform maker or a brand's owner).</summary>
    Manufacturer,
    /// <summary>Sells equipment on to installers and integrators.</summary>
    Distributor,
    /// <summary>Designs and builds systems from others' equipment.</summary>
    Integrator,
    /// <summary>Installs the equipment on site.</summary>
    Installer,
    /// <summary>Maintains installed equipment.</summary>
    Maintainer,
}
