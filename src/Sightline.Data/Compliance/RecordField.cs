namespace Sightline.Data.Compliance;

/// <summary>
/// One field of a record as users name, read and type it (the CLI's --option, the web form's input, the audit entry's
/// key): <paramref name="Set"/> stores typed text (null clears it) and returns what is wrong with it, or null.
/// </summary>
public sealed record RecordField<T>(string Name, string Label, Func<T, string?> Get, Func<T, string?, string?> Set, string Help = "")
{
    /// <summary>The words it accepts, for a choice (a select in the web form); empty for free text.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>Whether it is long text, several lines (a text area in the web form).</summary>
    public bool Multiline { get; init; }
}
