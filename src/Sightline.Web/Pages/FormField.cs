using Sightline.Data.Compliance;

namespace Sightline.Web.Pages;

/// <summary>One field of a record's form: its name, label, hint, the value shown and, when refused, its problem.</summary>
public sealed record FormField(string Name, string Label, string Help, string? Value, IReadOnlyList<string> Choices, bool Multiline, string? Problem)
{
    /// <summary>The form of a record: its fields with their values, typed values where given, and the problems by field name.</summary>
    public static List<FormField> Of<T>(T record, IReadOnlyList<RecordField<T>> fields, IReadOnlyDictionary<string, string?>? typed = null,
        IEnumerable<(string Field, string Message)>? problems = null)
    {
        var refused = (problems ?? []).GroupBy(p => p.Field).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(p => p.Message)));
        return fields.Select(f => new FormField(f.Name, f.Label, f.Help,
            typed is not null && typed.TryGetValue(f.Name, out var value) ? value : f.Get(record), f.Choices, f.Multiline, refused.GetValueOrDefault(f.Name))).ToList();
    }

    /// <summary>The values of these fields in a posted form.</summary>
    public static Dictionary<string, string?> Read<T>(IReadOnlyList<RecordField<T>> fields, Microsoft.AspNetCore.Http.IFormCollection form) =>
        fields.Where(f => form.ContainsKey(f.Name)).ToDictionary(f => f.Name, f => (string?)form[f.Name].ToString());
}
