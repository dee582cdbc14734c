using System.Text.Json.Serialization;
using Sightline.Data.Scanning;

namespace Sightline.Data;

/// <summary>Source-generated JSON for what the register stores as JSON text.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<FindingObservation>))]
[JsonSerializable(typeof(List<Sightline.Procurement.AcceptanceDifference>))]
internal sealed partial class DataJson : JsonSerializerContext;
