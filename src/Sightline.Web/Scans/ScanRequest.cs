namespace Sightline.Web.Scans;

/// <summary>What a Manager asks to scan: targets and exclusions as typed (CIDRs, ranges, addresses), and the two explicit permissions.</summary>
public sealed record ScanRequest(string? Targets, string? Exclusions, bool AllowPublic, bool Large)
{
    /// <summary>The words of a text box: targets may be separated by spaces, commas or new lines.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
