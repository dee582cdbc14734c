using System.Text.Json;
using Sightline.Identification;

namespace Sightline.Data.Scanning;

/// <summary>
/// One host a scan found, kept whether or not it became a device: its address, ports, observations, the scanner's
/// notes and the verdict, and what the register did with it. A host not identified as a surveillance device stays
/// here until a person promotes it (`sightline devices add-from-scan`, or the Scans page).
/// </summary>
public sealed class ScanFinding
{
    /// <summary>What <see cref="Register"/> says of a host that was not made a device.</summary>
    public const string NotRegistered = "not registered", Skipped = "skipped (not a surveillance device)";

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }

    /// <summary>The scan: the sequence of its `scan` audit entry.</summary>
    public long Scan { get; set; }

    /// <summary>The host's address.</summary>
    public required string Address { get; set; }

    /// <summary>Its MAC, when the neighbour table knew it.</summary>
    public string? Mac { get; set; }

    /// <summary>Its open TCP ports, space-separated.</summary>
    public required string OpenPorts { get; set; }

    /// <summary>The platform maker's id, when identified.</summary>
    public string? Platform { get; set; }

    /// <summary>Confidence in the platform (0 when unknown).</summary>
    public double Confidence { get; set; }

    /// <summary>Brand as sold, model, firmware and device class from the verdict.</summary>
    public string? Brand { get; set; }

    /// <inheritdoc cref="Brand"/>
    public string? Model { get; set; }

    /// <inheritdoc cref="Brand"/>
    public string? Firmware { get; set; }

    /// <inheritdoc cref="Brand"/>
    public string? DeviceClass { get; set; }

    /// <summary>Whether the verdict suspected a white label.</summary>
    public bool WhiteLabel { get; set; }

    /// <summary>What the register did: created, updated, unchanged, promoted, <see cref="NotRegistered"/> or <see cref="Skipped"/>.</summary>
    public required string Register { get; set; }

    /// <summary>The device it is or became, if any.</summary>
    public int? DeviceId { get; set; }

    /// <summary>The observations, as a JSON array (each value cut like a device's stored observations).</summary>
    public required string Observations { get; set; }

    /// <summary>The scanner's notes (time-outs, cut answers, refused logins), as a JSON array of strings.</summary>
    public required string Notes { get; set; }

    /// <summary>The observations, read back.</summary>
    public IReadOnlyList<Observation> ReadObservations() =>
        JsonSerializer.Deserialize(Observations, DataJson.Default.ListFindingObservation)!.ConvertAll(o => new Observation(o.Kind, o.Value, o.Group, o.Where));

    /// <summary>The notes, read back.</summary>
    public IReadOnlyList<string> ReadNotes() => JsonSerializer.Deserialize(Notes, DataJson.Default.ListString)!;

    /// <summary>Observations as stored in a finding, each value cut at <see cref="StoredObservation.MaxValue"/>.</summary>
    public static string ObservationsJson(IEnumerable<Observation> observations) =>
        JsonSerializer.Serialize(observations.Select(o => new FindingObservation(o.Kind,
            o.Value.Length > StoredObservation.MaxValue ? o.Value[..StoredObservation.MaxValue] : o.Value, o.Group, o.Where)).ToList(),
            DataJson.Default.ListFindingObservation);

    /// <summary>Notes as stored in a finding.</summary>
    public static string NotesJson(IEnumerable<string> notes) => JsonSerializer.Serialize(notes.ToList(), DataJson.Default.ListString);
}
