using System.Globalization;
using System.Text.Json;
using Sightline.Cli;
using Sightline.Identification;

namespace Sightline.Identifying;

/// <summary>How a verdict is printed: as text for people, as one JSON object for programs.</summary>
public static class VerdictOutput
{
    /// <summary>Writes the verdict's fields (without opening or closing the object); <paramref name="scanNotes"/> come first in its notes.</summary>
    public static void WriteFields(Utf8JsonWriter json, Verdict verdict, IEnumerable<string>? scanNotes = null)
    {
        json.WriteString("platform", verdict.Platform?.Name);
        json.WriteString("platformId", verdict.Platform?.Id);
        json.WriteNumber("platformConfidence", verdict.PlatformConfidence);
        json.WriteString("brand", verdict.Brand);
        json.WriteString("model", verdict.Model);
        json.WriteString("firmware", verdict.Firmware);
        json.WriteString("deviceClass", verdict.DeviceClass);
        json.WriteBoolean("whiteLabelSuspected", verdict.WhiteLabelSuspected);
        // Each tell names its rule and says what the rule means; the rule's pattern is no part of it.
        json.WriteStartArray("tells");
        foreach (var tell in verdict.Tells)
        {
            json.WriteStartObject();
            json.WriteString("rule", tell.Rule);
            json.WriteString("meaning", tell.Meaning);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("candidates");
        foreach (var candidate in verdict.Candidates)
        {
            json.WriteStartObject();
            json.WriteString("maker", candidate.Maker.Id);
            json.WriteNumber("score", Math.Round(candidate.Score, 3));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("evidence");
        foreach (var claim in verdict.Evidence)
        {
            json.WriteStartObject();
            json.WriteString("rule", claim.Rule);
            json.WriteString("claim", Word(claim.Type));
            json.WriteString("value", claim.Value);
            json.WriteNumber("weight", claim.Weight);
            json.WriteNumber("observation", claim.Observation + 1);
            json.WriteString("group", claim.Group);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("notes");
        (scanNotes ?? []).Concat(verdict.Notes).ToList().ForEach(json.WriteStringValue);
        json.WriteEndArray();
    }

    /// <summary>The verdict as indented lines of text.</summary>
    public static void WriteText(TextWriter output, Verdict verdict, string indent = "  ")
    {
        var platform = verdict.Platform is { } maker
            ? $"{maker.Name} ({verdict.ConfidenceWord}, {verdict.PlatformConfidence.ToString("0.00", CultureInfo.InvariantCulture)})"
            : "unknown";
        output.WriteLine($"{indent}platform maker  {platform}");
        output.WriteLine($"{indent}brand as sold   {Safe(verdict.Brand)}");
        output.WriteLine($"{indent}model           {Safe(verdict.Model)}");
        output.WriteLine($"{indent}firmware        {Safe(verdict.Firmware)}");
        output.WriteLine($"{indent}device class    {verdict.DeviceClass ?? "-"}");
        if (verdict.WhiteLabelSuspected)
        {
            output.WriteLine($"{indent}white label     suspected: sold as {Safe(verdict.Brand)}, made on {verdict.Platform!.Name}'s platform");
            foreach (var tell in verdict.Tells)
            {
                output.WriteLine($"{indent}  tell: {Safe(tell.ToString())}");
            }
        }
        if (verdict.Evidence.Count > 0)
        {
            output.WriteLine($"{indent}evidence");
            foreach (var claim in verdict.Evidence)
            {
                var source = claim.Observation >= 0 ? $"observation {claim.Observation + 1}" : claim.Group;
                output.WriteLine($"{indent}  {Word(claim.Type),-8} {Safe(claim.Value),-28} {claim.Weight.ToString("0.00", CultureInfo.InvariantCulture)}  {claim.Rule} ({source})");
            }
        }
        foreach (var note in verdict.Notes)
        {
            output.WriteLine($"{indent}note: {Safe(note)}");
        }
    }

    /// <summary>Device text made safe for a terminal (<see cref="TerminalText"/>); "-" for none.</summary>
    public static string Safe(string? text) => text is null ? "-" : TerminalText.Escape(text);

    /// <summary>The lower-case word for a claim type.</summary>
    public static string Word(ClaimType type) => type.ToString().ToLowerInvariant();
}
