using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Sightline.Scanning;

namespace Sightline.Probing;

/// <summary>
/// Reads how long a recorder is configured to keep what it records, where the device can say it, with the operator's
/// credential and read-only calls only (principle 6: the evidence that recorders really keep no longer than the policy).
/// First ONVIF's recording service (ONVIF Recording Control Service Specification: each recording's
/// <c>MaximumRetentionTime</c>, an xs:duration, zero meaning no limit but the disk); the service's address comes from
/// GetServices and is only ever asked on the same host and port. Then the platform's own endpoint: Hikvision ISAPI's
/// recording tracks (each track's <c>Duration</c>, in force when <c>durationEnabled</c> is true: ISAPI developer guide,
/// /ISAPI/ContentMgmt/record/tracks) or Dahua's <c>StorageGlobal</c> configuration (<c>FileHoldTime</c> in days, zero
/// meaning never deleted by age: Dahua HTTP API, configManager.cgi).
/// </summary>
public sealed class RetentionProbe(Wire wire, TimeProvider time)
{
    private const string RecordingService = "http://www.onvif.org/ver10/recording/wsdl";
    private const string IsapiTracks = "/ISAPI/ContentMgmt/record/tracks";
    private const string DahuaStorage = "/cgi-bin/configManager.cgi?action=getConfig&name=StorageGlobal";
    // More recordings or tracks than any recorder has: a longer list is cut here.
    private const int MostTracks = 1_024;

    /// <summary>Every request this probe can send, for <c>--dry-run</c> and the safety documentation.</summary>
    public static IEnumerable<string> Requests =>
        ["ONVIF GetSystemDateAndTime", "ONVIF GetServices", "ONVIF GetRecordings (recording service)", $"GET {IsapiTracks}", $"GET {DahuaStorage}"];

    private readonly OnvifProbe _onvif = new(wire, time);

    /// <summary>
    /// The recorder's configured retention, asked the ways <paramref name="via"/> allows, or null when it says it none of
    /// them; <paramref name="notes"/> says why (refused credential, no answer, an answer that could not be read).
    /// </summary>
    public async Task<RetentionReading?> ReadAsync(IPAddress address, int port, Credential credential, RetentionVia via, List<string> notes,
        CancellationToken cancel) =>
        (via is RetentionVia.Any or RetentionVia.Onvif ? await OnvifAsync(address, port, credential, notes, cancel) : null)
        ?? (via is RetentionVia.Any or RetentionVia.Vendor
            ? await VendorAsync(address, port, IsapiTracks, credential, notes, IsapiTracksOf, cancel)
                ?? await VendorAsync(address, port, DahuaStorage, credential, notes, DahuaHoldTimeOf, cancel)
            : null);

    private async Task<RetentionReading?> OnvifAsync(IPAddress address, int port, Credential credential, List<string> notes, CancellationToken cancel)
    {
        var where = $"{address}:{port}";
        var (clock, _) = await _onvif.CallAsync(address, port, OnvifProbe.Path, OnvifProbe.DeviceService, "GetSystemDateAndTime", null, cancel);
        if (!clock.Contains("GetSystemDateAndTimeResponse", StringComparison.Ordinal))
        {
            return null;
        }
        var offset = OnvifProbe.DeviceClock(clock) is { } deviceTime ? deviceTime - time.GetUtcNow() : TimeSpan.Zero;
        // A fresh nonce for each call: a device may refuse one it has seen.
        string Login() => WsUsernameToken.Header(credential.User, credential.Password, time.GetUtcNow() + offset, RandomNumberGenerator.GetBytes(16));
        var (services, _) = await _onvif.CallAsync(address, port, OnvifProbe.Path, OnvifProbe.DeviceService, "GetServices", null, cancel);
        if (OnvifProbe.IsNotAuthorized(services))
        {
            // ONVIF Core opens GetServices to all, but some recorders' firmware names its services only after a login.
            (services, _) = await _onvif.CallAsync(address, port, OnvifProbe.Path, OnvifProbe.DeviceService, "GetServices", Login(), cancel);
            if (OnvifProbe.IsNotAuthorized(services))
            {
                notes.Add($"{where}{OnvifProbe.Path}: GetServices: the credential was refused");
                return null;
            }
        }
        if (ServicePath(services, RecordingService) is not { } path)
        {
            notes.Add($"{where}: ONVIF: no recording service is offered");
            return null;
        }
        var (answer, note) = await _onvif.CallAsync(address, port, path, RecordingService, "GetRecordings", Login(), cancel);
        if (OnvifProbe.IsNotAuthorized(answer))
        {
            notes.Add($"{where}{path}: GetRecordings: the credential was refused");
            return null;
        }
        if (Read(answer, OnvifRecordingsOf, out var problem) is { } tracks)
        {
            return new RetentionReading("ONVIF GetRecordings", tracks);
        }
        notes.Add($"{where}{path}: GetRecordings: {note ?? problem}");
        return null;
    }

    private async Task<RetentionReading?> VendorAsync(IPAddress address, int port, string path, Credential credential, List<string> notes,
        Func<string, List<RetentionTrack>?> parse, CancellationToken cancel)
    {
        var where = $"{address}:{port}{path}";
        var (answer, note) = await wire.RequestAsync(address, port, tls: false, HttpProbe.Request("GET", address, path, null, null), cancel);
        if (HttpProbe.DigestAnswer(answer, "GET", path, credential) is { } authorization)
        {
            (answer, note) = await wire.RequestAsync(address, port, tls: false, HttpProbe.Request("GET", address, path, null, authorization), cancel);
            if (HttpProbe.Status(answer) == 401)
            {
                notes.Add($"{where}: the credential was refused");
                return null;
            }
        }
        if (HttpProbe.Status(answer) != 200)
        {
            if (note is not null)
            {
                notes.Add($"{where}: {note}");
            }
            return null;
        }
        var body = HttpProbe.Body(Encoding.UTF8.GetString(answer));
        if (Read(body, parse, out var problem) is { } tracks)
        {
            return new RetentionReading(path == IsapiTracks ? "ISAPI record tracks" : "Dahua StorageGlobal", tracks);
        }
        notes.Add($"{where}: {problem}");
        return null;
    }

    // A parse of a device's answer: null with the problem when it cannot be read or says nothing of retention.
    private static List<RetentionTrack>? Read(string body, Func<string, List<RetentionTrack>?> parse, out string problem)
    {
        problem = "the answer says nothing of retention";
        try
        {
            return parse(body) is { Count: > 0 } tracks ? tracks : null;
        }
        catch (Exception e) when (e is XmlException or FormatException or OverflowException)
        {
            problem = $"the answer could not be read ({e.Message})";
            return null;
        }
    }

    /// <summary>Each recording's source name (else its token) and maximum retention, from a GetRecordings answer.</summary>
    public static List<RetentionTrack>? OnvifRecordingsOf(string body)
    {
        var tracks = new List<RetentionTrack>();
        string? token = null, name = null;
        foreach (var (parent, element, text) in Elements(body))
        {
            switch (element)
            {
                case "RecordingToken" when parent == "RecordingItem":
                    (token, name) = (text, null);
                    break;
                case "Name" when parent == "Source" && token is not null:
                    name ??= text;
                    break;
                case "MaximumRetentionTime" when parent == "Configuration" && tracks.Count < MostTracks:
                    tracks.Add(new RetentionTrack(Label(name, token), Days(XmlConvert.ToTimeSpan(text))));
                    break;
            }
        }
        return tracks;
    }

    /// <summary>Each ISAPI track's id and expiry (none when <c>durationEnabled</c> is false), from /ISAPI/ContentMgmt/record/tracks.</summary>
    public static List<RetentionTrack>? IsapiTracksOf(string body)
    {
        var tracks = new List<RetentionTrack>();
        string? id = null;
        TimeSpan? duration = null;
        bool? enabled = null;
        void Close()
        {
            if (id is not null && duration is { } limit && tracks.Count < MostTracks)
            {
                // Firmware older than durationEnabled applies any duration it has.
                tracks.Add(new RetentionTrack($"track {Label(id, null)}", enabled == false ? null : Days(limit)));
            }
            (id, duration, enabled) = (null, null, null);
        }
        foreach (var (parent, element, text) in Elements(body))
        {
            switch (element)
            {
                case "id" when parent == "Track":
                    Close();
                    id = text;
                    break;
                case "Duration" when parent == "Track" && id is not null:
                    duration = XmlConvert.ToTimeSpan(text);
                    break;
                case "durationEnabled" when parent == "Track" && id is not null:
                    enabled = XmlConvert.ToBoolean(text);
                    break;
            }
        }
        Close();
        return tracks;
    }

    /// <summary>The days Dahua keeps files (<c>table.StorageGlobal.FileHoldTime</c>), as one track for every channel.</summary>
    public static List<RetentionTrack>? DahuaHoldTimeOf(string body)
    {
        foreach (var line in body.Split('\n').Take(1_000))
        {
            var (key, value) = line.Split('=', 2) is [var k, var v] ? (k.Trim(), v.Trim()) : ("", "");
            if (key == "table.StorageGlobal.FileHoldTime")
            {
                var days = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                return [new RetentionTrack("all channels", days == 0 ? null : days)];
            }
        }
        return null;
    }

    // Every element with text, by local name with its parent's, whatever the prefixes; no DTD, no external entities.
    private static IEnumerable<(string Parent, string Element, string Text)> Elements(string body)
    {
        using var reader = XmlReader.Create(new StringReader(body), new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = 1_000_000,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        });
        var open = new List<string>();
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element when !reader.IsEmptyElement:
                    open.Add(reader.LocalName);
                    break;
                case XmlNodeType.EndElement when open.Count > 0:
                    open.RemoveAt(open.Count - 1);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA when open.Count > 0:
                    yield return (open.Count > 1 ? open[^2] : "", open[^1], reader.Value.Trim());
                    break;
            }
        }
    }

    // A period in whole days, rounded up; zero means no limit.
    private static int? Days(TimeSpan period) =>
        period <= TimeSpan.Zero ? null : (int)Math.Ceiling(period.TotalDays);

    // A recording's name as the device gave it: no control characters, at most 80 of the rest.
    private static string Label(string? name, string? token) =>
        new((string.IsNullOrEmpty(name) ? token ?? "recording" : name).Where(c => !char.IsControl(c)).Take(80).ToArray());

    // The path of the service with this namespace in a GetServices answer, when its address is on the device itself.
    private static string? ServicePath(string services, string ns)
    {
        try
        {
            string? current = null;
            foreach (var (_, element, text) in Elements(services))
            {
                if (element == "Namespace")
                {
                    current = text;
                }
                else if (element == "XAddr" && current == ns && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp)
                {
                    return uri.PathAndQuery;
                }
            }
        }
        catch (XmlException)
        {
        }
        return null;
    }
}

/// <summary>Which ways a recorder is asked for its retention.</summary>
public enum RetentionVia
{
    /// <summary>ONVIF first, then the maker's endpoint.</summary>
    Any,

    /// <summary>The ONVIF recording service only.</summary>
    Onvif,

    /// <summary>The maker's own storage endpoint only.</summary>
    Vendor,
}

/// <summary>A recorder's configured retention as it said it: how, and per recording or track.</summary>
/// <param name="Method">The call that said it (e.g. "ONVIF GetRecordings").</param>
/// <param name="Tracks">Each recording or track and its limit.</param>
public sealed record RetentionReading(string Method, IReadOnlyList<RetentionTrack> Tracks)
{
    /// <summary>Whether some recording is kept with no limit but the disk.</summary>
    public bool Unlimited => Tracks.Any(t => t.Days is null);

    /// <summary>The longest limit in days among the recordings that have one; 0 when none has.</summary>
    public int LongestDays => Tracks.Max(t => t.Days ?? 0);

    /// <summary>The tracks in words, e.g. "track 101: 90 days; track 201: no limit".</summary>
    public string Detail => string.Join("; ", Tracks.Take(20).Select(t => $"{t.Name}: {(t.Days is { } d ? $"{d} days" : "no limit")}"))
        + (Tracks.Count > 20 ? $"; and {Tracks.Count - 20} more" : "");
}

/// <summary>One recording or track and how many days it is kept (null: no limit but the disk).</summary>
public sealed record RetentionTrack(string Name, int? Days);
