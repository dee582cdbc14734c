using System.Globalization;
using System.Text.Json;
using Sightline.Identification;
using Sightline.Knowledge;

namespace Sightline.Identifying;

/// <summary>
/// How identification did on a labelled corpus: platform accuracy on the surveillance samples (per labelled
/// maker, with the confusions), and non-camera samples that were called cameras or given a camera maker.
/// A label's maker is its text before any parenthesis; "unknown" expects no platform. Rows are also counted by the
/// batch they were added in (the index's `added` column), so answers the rules were not written against can be
/// scored apart from those they were.
/// </summary>
public sealed class CorpusScore(KnowledgeBase knowledge)
{
    private readonly SortedDictionary<string, (int Total, int Correct)> _byMaker = new(StringComparer.Ordinal);
    private readonly List<(string File, string Expected, string Got)> _confusions = [];
    private readonly List<(string File, string Got)> _negativesCalledCameras = [];
    private readonly SortedDictionary<string, Batch> _batches = new(StringComparer.Ordinal);
    private int _negatives;

    /// <summary>Surveillance samples scored.</summary>
    public int Positives => _byMaker.Values.Sum(v => v.Total);

    /// <summary>Surveillance samples whose platform was right.</summary>
    public int Correct => _byMaker.Values.Sum(v => v.Correct);

    /// <summary>Scores one sample.</summary>
    public void Add(string file, string trueManufacturer, string deviceClass, Verdict verdict, string added = "")
    {
        var got = verdict.Platform?.Id ?? "unknown";
        var batch = _batches.TryGetValue(added, out var b) ? b : _batches[added] = new Batch();
        if (deviceClass == "not-camera" || trueManufacturer.StartsWith("none", StringComparison.OrdinalIgnoreCase))
        {
            _negatives++;
            batch.Negatives++;
            var surveillanceClass = verdict.DeviceClass is { } c && DeviceClasses.Surveillance.Contains(c);
            if (verdict.Platform is { Surveillance: true } || surveillanceClass)
            {
                _negativesCalledCameras.Add((file, $"{got} {verdict.DeviceClass ?? ""}".Trim()));
                batch.NegativesCalledCameras++;
            }
            return;
        }
        var label = trueManufacturer.Split('(')[0].Trim();
        var expected = label.Equals("unknown", StringComparison.OrdinalIgnoreCase) || label.Length == 0
            ? "unknown"
            : knowledge.FindMaker(label)?.Id ?? $"{label} (not in makers.csv)";
        var (total, correct) = _byMaker.GetValueOrDefault(expected);
        var right = expected == got;
        _byMaker[expected] = (total + 1, correct + (right ? 1 : 0));
        batch.Positives++;
        batch.Correct += right ? 1 : 0;
        if (!right)
        {
            _confusions.Add((file, expected, got));
        }
    }

    /// <summary>The summary as one JSON object's fields.</summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartObject("summary");
        json.WriteNumber("positives", Positives);
        json.WriteNumber("correct", Correct);
        json.WriteNumber("accuracy", Positives == 0 ? 0 : Math.Round((double)Correct / Positives, 4));
        json.WriteNumber("negatives", _negatives);
        json.WriteStartObject("byAdded");
        foreach (var (added, batch) in _batches)
        {
            json.WriteStartObject(added.Length == 0 ? "undated" : added);
            json.WriteNumber("positives", batch.Positives);
            json.WriteNumber("correct", batch.Correct);
            json.WriteNumber("accuracy", batch.Positives == 0 ? 0 : Math.Round((double)batch.Correct / batch.Positives, 4));
            json.WriteNumber("negatives", batch.Negatives);
            json.WriteNumber("negativesCalledCameras", batch.NegativesCalledCameras);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartObject("byPlatform");
        foreach (var (maker, (total, correct)) in _byMaker)
        {
            json.WriteStartObject(maker);
            json.WriteNumber("total", total);
            json.WriteNumber("correct", correct);
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartArray("confusions");
        foreach (var (file, expected, got) in _confusions)
        {
            json.WriteStartObject();
            json.WriteString("file", file);
            json.WriteString("expected", expected);
            json.WriteString("got", got);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("negativesCalledCameras");
        foreach (var (file, got) in _negativesCalledCameras)
        {
            json.WriteStartObject();
            json.WriteString("file", file);
            json.WriteString("got", got);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The summary for people.</summary>
    public void WriteText(TextWriter output)
    {
        var accuracy = Positives == 0 ? 0 : (double)Correct / Positives;
        output.WriteLine($"Platform maker correct for {Correct} of {Positives} surveillance samples ({accuracy.ToString("P1", CultureInfo.InvariantCulture)}).");
        if (_batches.Count > 1 || !_batches.ContainsKey(""))
        {
            output.WriteLine("By the date rows were added:");
            foreach (var (added, batch) in _batches)
            {
                var share = batch.Positives == 0 ? 0 : (double)batch.Correct / batch.Positives;
                output.WriteLine($"  {(added.Length == 0 ? "undated" : added),-12} cameras/recorders {batch.Correct}/{batch.Positives} ({share.ToString("P1", CultureInfo.InvariantCulture)}); negatives {batch.Negatives}, called cameras {batch.NegativesCalledCameras}");
            }
        }
        output.WriteLine("By labelled platform:");
        foreach (var (maker, (total, correct)) in _byMaker)
        {
            output.WriteLine($"  {maker,-28} {correct}/{total}");
        }
        output.WriteLine(_confusions.Count == 0 ? "No confusions." : "Confusions (expected → got):");
        foreach (var (file, expected, got) in _confusions)
        {
            output.WriteLine($"  {file}: {expected} → {got}");
        }
        output.WriteLine($"Negatives (not cameras): {_negatives}, called cameras: {_negativesCalledCameras.Count}.");
        foreach (var (file, got) in _negativesCalledCameras)
        {
            output.WriteLine($"  {file}: {got}");
        }
        output.WriteLine("Rules are written with this corpus in view, so this score is not a measure of accuracy on devices in the field.");
    }

    private sealed class Batch
    {
        public int Positives { get; set; }
        public int Correct { get; set; }
        public int Negatives { get; set; }
        public int NegativesCalledCameras { get; set; }
    }
}
