using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Sightline.Identification;
using Sightline.Scanning;

namespace Sightline.Probing;

/// <summary>
/// Asks a device's ONVIF service who it is: GetSystemDateAndTime (open to all, and the device clock that a
/// UsernameToken must be dated by), then GetDeviceInformation, GetNetworkInterfaces and GetScopes —
/// unauthenticated first; with the operator's credential only if the device refuses. Read-only calls only.
/// </summary>
public sealed class OnvifProbe(Wire wire, TimeProvider time)
{
    /// <summary>Where devices serve the ONVIF device service when discovery gave no other address.</summary>
    public const string Path = "/onvif/device_service";

    /// <summary>The calls this probe can make, for <c>--dry-run</c> and the safety documentation.</summary>
    public static IEnumerable<string> Calls => ["GetSystemDateAndTime", .. Identity.Select(c => c.Call)];

    private static readonly (string Call, string Kind)[] Identity =
    [
        ("GetDeviceInformation", "onvif.device-information"),
        ("GetNetworkInterfaces", "onvif.network-interfaces"),
        ("GetScopes", "onvif.scopes"),
    ];

    /// <summary>Returns false when the port has no ONVIF service.</summary>
    public async Task<bool> ProbeAsync(IPAddress address, int port, Func<Credential?> credential, List<Observation> observations, List<string> notes, CancellationToken cancel)
    {
        var where = $"{address}:{port}{Path}";
        var group = $"onvif://{address}:{port}/";
        var (clock, _) = await CallAsync(address, port, "GetSystemDateAndTime", null, cancel);
        if (!clock.Contains("GetSystemDateAndTimeResponse", StringComparison.Ordinal))
        {
            return false;
        }
        var offset = DeviceClock(clock) is { } deviceTime ? deviceTime - time.GetUtcNow() : TimeSpan.Zero;
        foreach (var (call, kind) in Identity)
        {
            var (answer, note) = await CallAsync(address, port, call, null, cancel);
            var given = IsNotAuthorized(answer) ? credential() : null;
            if (given is not null)
            {
                var header = WsUsernameToken.Header(given.User, given.Password, time.GetUtcNow() + offset, RandomNumberGenerator.GetBytes(16));
                (answer, note) = await CallAsync(address, port, call, header, cancel);
                if (IsNotAuthorized(answer))
                {
                    notes.Add($"{where}: {call}: the credential was refused");
                }
            }
            if (note is not null)
            {
                notes.Add($"{where}: {call}: {note}");
            }
            // A refusal is kept too: the namespaces its envelope declares tell the platform.
            if (answer.Contains("Envelope", StringComparison.Ordinal))
            {
                observations.Add(new Observation(kind, answer, group, where));
            }
            if (IsNotAuthorized(answer) && given is null)
            {
                break; // the other identity calls need the same login, which we do not have
            }
        }
        return true;
    }

    private Task<(string Body, string? Note)> CallAsync(IPAddress address, int port, string call, string? security, CancellationToken cancel) =>
        CallAsync(address, port, Path, DeviceService, call, security, cancel);

    /// <summary>The ONVIF device service's namespace.</summary>
    public const string DeviceService = "http://www.onvif.org/ver10/device/wsdl";

    /// <summary>Sends one argument-less ONVIF call of the service <paramref name="service"/> (its namespace) to <paramref name="path"/>; returns the body.</summary>
    internal async Task<(string Body, string? Note)> CallAsync(IPAddress address, int port, string path, string service, string call, string? security,
        CancellationToken cancel)
    {
        var soap = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:m=\"{service}\">" +
            $"{security}<s:Body><m:{call}/></s:Body></s:Envelope>";
        var request = new StringBuilder().Append(CultureInfo.InvariantCulture,
            $"POST {path} HTTP/1.1\r\nHost: {address}\r\nUser-Agent: Sightline\r\nContent-Type: application/soap+xml; charset=utf-8; action=\"{service}/{call}\"\r\n" +
            $"Content-Length: {Encoding.UTF8.GetByteCount(soap)}\r\nConnection: close\r\n\r\n{soap}").ToString();
        var (answer, note) = await wire.RequestAsync(address, port, tls: false, request, cancel);
        return (HttpProbe.Body(Encoding.UTF8.GetString(answer)), note);
    }

    internal static bool IsNotAuthorized(string body) => body.Contains("NotAuthorized", StringComparison.Ordinal);

    /// <summary>The device's UTC clock from a GetSystemDateAndTime answer (plain searches: the answer is the device's, so no regex).</summary>
    internal static DateTimeOffset? DeviceClock(string body)
    {
        var utc = body.IndexOf("UTCDateTime>", StringComparison.Ordinal);
        if (utc < 0)
        {
            return null;
        }
        var window = body.AsSpan(utc, Math.Min(1000, body.Length - utc));
        int? Field(ReadOnlySpan<char> text, string name)
        {
            var open = text.IndexOf($":{name}>", StringComparison.Ordinal) is var prefixed and >= 0 ? prefixed + name.Length + 2
                : text.IndexOf($"<{name}>", StringComparison.Ordinal) is var bare and >= 0 ? bare + name.Length + 2 : -1;
            if (open < 0)
            {
                return null;
            }
            var close = text[open..].IndexOf('<');
            return close > 0 && int.TryParse(text.Slice(open, close), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
        }
        try
        {
            return Field(window, "Year") is { } year && Field(window, "Month") is { } month && Field(window, "Day") is { } day
                && Field(window, "Hour") is { } hour && Field(window, "Minute") is { } minute && Field(window, "Second") is { } second
                ? new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero) : null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
