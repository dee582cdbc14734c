using System.Text.Json.Serialization;

namespace Sightline.Data;

/// <summary>Source-generated JSON for what the register stores as JSON text.</summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class DataJson : JsonSerializerContext;
