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

    /// <summary>Whether it holds personal data: the audit log, which is kept for ever, records that it changed, never its value.</summary>
    public bool Personal { get; init; }

    /// <summary>The value as the audit log records it.</summary>
    public string? Audited(T record) => Personal && Get(record) is not null ? PersonalData : Get(record);

    /// <summary>What the audit log records in place of personal data.</summary>
    public const string PersonalData = "(personal data, kept in the log book only)";
}
