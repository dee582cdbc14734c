using System.Net;
using Sightline.Data;
using Sightline.Data.LogBook;
using Sightline.Probing;
using Sightline.Scanning;
using Sightline.Scope;

namespace Sightline.Web.LogBook;

/// <summary>
/// Reading recorders' own configured retention, as `sightline logbook retention read` and the Log book page both do: which
/// recorders may be asked (an IP address, inside the operator's ranges, never a public address unless allowed), then each
/// one asked with <see cref="RetentionProbe"/> and its answer kept with <see cref="RetentionReadings.RecordAsync"/>.
/// </summary>
public static class RecorderRead
{
    /// <summary>Seconds a recorder has to answer each request, unless the operator says otherwise.</summary>
    public const double ReadTimeout = 5;

    /// <summary>The largest answer read from a recorder.</summary>
    public const int MaxAnswerBytes = 1024 * 1024;

    /// <summary>A recorder to ask, at its parsed address.</summary>
    public sealed record Target(RetentionReadings.Recorder Recorder, IPAddress Address);

    /// <summary>What one recorder said: how it was read and what it keeps, or (Method null) why it was not read.</summary>
    public sealed record Row(string Recorder, string Address, string? Method, string? Keeps, string Detail);

    /// <summary>
    /// The recorders to ask, in the order given: those whose address is inside <paramref name="scope"/> (all when null);
    /// a recorder whose address is not an IP address, is public (unless <paramref name="allowPublic"/>) or is not a host is a problem.
    /// </summary>
    public static List<Target> Choose(IEnumerable<RetentionReadings.Recorder> recorders, ScanScope? scope, bool allowPublic, List<string> problems)
    {
        var targets = new List<Target>();
        foreach (var recorder in recorders)
        {
            if (!IPAddress.TryParse(recorder.Address, out var address))
            {
                problems.Add($"{recorder.Label}: '{recorder.Address}' is not an IP address");
            }
            else if (scope is not null && !scope.Contains(address))
            {
                continue; // outside what the operator named
            }
            else if (AddressKinds.Of(address) is AddressKind.Public && !allowPublic)
            {
                problems.Add($"{recorder.Label}: {address} is a public address; Sightline reaches only private, link-local and loopback addresses " +
                    "unless public addresses are allowed (and you are entitled to reach them)");
            }
            else if (AddressKinds.Of(address) is AddressKind.NotAHost)
            {
                problems.Add($"{recorder.Label}: {address} is not a host address");
            }
            else
            {
                targets.Add(new(recorder, address));
            }
        }
        return targets;
    }

    /// <summary>A probe that asks one request at a time, each within <paramref name="readTimeout"/> seconds, reading at most <see cref="MaxAnswerBytes"/>.</summary>
    public static (RetentionProbe? Probe, string? Problem) Probe(double readTimeout, TimeProvider time)
    {
        var (options, problem) = ScanOptions.Chosen(rate: 0, concurrency: 1, readTimeout, multicast: false);
        return options is null ? (null, problem) : (new RetentionProbe(new Wire(options with { MaxBytes = MaxAnswerBytes }), time), null);
    }

    /// <summary>
    /// Asks one recorder with the login <paramref name="logins"/> give for its address or platform (none: not asked) and
    /// keeps what it said, audited as <paramref name="actor"/>. What the device said is returned as it said it: escape it for the output.
    /// </summary>
    public static async Task<Row> ReadAsync(RegisterDb db, RetentionProbe probe, TimeProvider time, string actor, Target target, ScanCredentials logins, int port,
        RetentionVia via, CancellationToken cancel)
    {
        var (recorder, address) = target;
        if (logins.For(address, recorder.Platform) is not { } credential)
        {
            return new(recorder.Label, address.ToString(), null, null, "not read: no login given for it");
        }
        var notes = new List<string>();
        if (await probe.ReadAsync(address, port, credential, via, notes, cancel) is not { } reading)
        {
            return new(recorder.Label, address.ToString(), null, null,
                notes.Count == 0 ? "not read: it answers none of these calls" : "not read: " + string.Join("; ", notes));
        }
        var kept = await RetentionReadings.RecordAsync(db, time, actor, recorder.Id, reading.Method, reading.LongestDays, reading.Unlimited, reading.Detail, cancel);
        return new(recorder.Label, address.ToString(), reading.Method, LogBookFindings.Kept(kept), reading.Detail);
    }
}
