namespace Sightline.Web.Scans;

/// <summary>
/// What a Manager asks to scan: targets and exclusions as typed (CIDRs, ranges, addresses), the two explicit
/// permissions, and the CLI's scan options: device logins for this scan only (<c>TARGET USER PASSWORD</c> lines, as in
/// a credentials file; held in memory while the scan runs, never stored, logged or shown again), connection attempts a
/// second (0: no limit), seconds a device has to answer, multicast discovery on local links in the scope, and whether every
/// host that answers becomes a device (else only those identified as surveillance devices; the rest stay findings).
/// </summary>
public sealed record ScanRequest(string? Targets, string? Exclusions, bool AllowPublic, bool Large, string? Logins = null, int Rate = 500,
    double ReadTimeout = 3, bool Multicast = false, bool RegisterAll = false)
{
    /// <summary>The words of a text box: targets may be separated by spaces, commas or new lines.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Hosts probed at once by a web scan, as the CLI's default.</summary>
    public const int Concurrency = 64;
}
