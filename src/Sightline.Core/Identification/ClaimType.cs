namespace Sightline.Identification;

/// <summary>What a claim is about.</summary>
public enum ClaimType
{
    /// <summary>The company that built the firmware and hardware (a maker id).</summary>
    Platform,
    /// <summary>The label a buyer sees.</summary>
    Brand,
    /// <summary>The model number.</summary>
    Model,
    /// <summary>The firmware version.</summary>
    Firmware,
    /// <summary>What the device is (camera, nvr, router…).</summary>
    Class,
    /// <summary>A MAC address of the device.</summary>
    Mac,
    /// <summary>The serial number.</summary>
    Serial,
}
