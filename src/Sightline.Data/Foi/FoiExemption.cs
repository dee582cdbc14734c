namespace Sightline.Data.Foi;

/// <summary>An exemption from disclosure applied to an FOI answer, with the organisation's reason (public-interest test included).</summary>
public sealed record FoiExemption(string Section, string Reason)
{
    /// <summary>The exemptions the answer helper knows, by the word typed, with what the Act says in our words.</summary>
    public static readonly IReadOnlyDictionary<string, string> Sections = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["s31"] = "Freedom of Information Act 2000 s.31(1)(a) (law enforcement: the prevention or detection of crime)",
        ["s24"] = "Freedom of Information Act 2000 s.24(1) (safeguarding national security)",
    };

    /// <summary>The section in full words.</summary>
    public string Title => Sections[Section];
}
