using System.Globalization;
using System.Text.Json;
using Sightline.Csv;
using Sightline.Identification;
using Sightline.Register;
using Sightline.Risk;

namespace Sightline.Data.Export;

/// <summary>
/// Sightline's verdict on one device as an export writes it, in <see cref="VerdictColumns"/>: taken from the identity
/// stored in the register (the one lists, filters and the API use, with a person's decision applied), never worked out
/// again here. <see cref="Maker"/> is the platform maker's name, null when unknown.
/// </summary>
public sealed record ExportedVerdict(string? Maker, string Confidence, string ConfidenceScore, bool WhiteLabel, RiskDimension Flags)
{
    /// <summary>The verdict of a stored identity; <paramref name="makerName"/> gives a maker id's name.</summary>
    public static ExportedVerdict From(DeviceIdentity identity, Func<string, string> makerName) => new(
        identity.Platform is { } platform ? makerName(platform) : null,
        Identifier.ConfidenceWord(identity.Confidence),
        identity.Confidence.ToString("0.00", CultureInfo.InvariantCulture),
        identity.WhiteLabel,
        identity.Flags);

    /// <summary>The flag of one dimension in words (as `devices show` words it), null when nothing applies in it.</summary>
    public string? Flag(RiskDimension dimension) => Flags.HasFlag(dimension) ? RiskAssessor.Words(dimension) : null;

    /// <summary>
    /// Writes the CSV cells into <paramref name="cells"/> from <paramref name="start"/>, in <see cref="VerdictColumns.Names"/>
    /// order; text is guarded against spreadsheet formulas. A device without a stored verdict gets empty cells.
    /// </summary>
    public static void WriteCells(ExportedVerdict? verdict, string?[] cells, int start)
    {
        if (verdict is null)
        {
            return;
        }
        cells[start] = verdict.Maker is { } maker ? FormulaGuard.Neutralise(maker) : null;
        cells[start + 1] = FormulaGuard.Neutralise(verdict.Confidence);
        cells[start + 2] = verdict.ConfidenceScore;
        cells[start + 3] = verdict.WhiteLabel ? "yes" : "no";
        for (var i = 0; i < RiskAssessor.Dimensions.Count; i++)
        {
            cells[start + 4 + i] = verdict.Flag(RiskAssessor.Dimensions[i]) is { } words ? FormulaGuard.Neutralise(words) : null;
        }
    }

    /// <summary>Writes the verdict as the JSON object <c>verdict</c> (null when none is stored), with the CSV's column names as keys.</summary>
    public static void WriteJson(ExportedVerdict? verdict, Utf8JsonWriter json)
    {
        if (verdict is null)
        {
            json.WriteNull("verdict");
            return;
        }
        var names = VerdictColumns.Names;
        json.WriteStartObject("verdict");
        json.WriteString(names[0], verdict.Maker);
        json.WriteString(names[1], verdict.Confidence);
        json.WritePropertyName(names[2]);
        json.WriteRawValue(verdict.ConfidenceScore);
        json.WriteBoolean(names[3], verdict.WhiteLabel);
        for (var i = 0; i < RiskAssessor.Dimensions.Count; i++)
        {
            json.WriteString(names[4 + i], verdict.Flag(RiskAssessor.Dimensions[i]));
        }
        json.WriteEndObject();
    }
}
