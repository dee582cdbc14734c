using System.Text;

namespace Sightline.Identification;

/// <summary>Reads a captured answer from a file as an observation, never more than <see cref="MaxBytes"/> of it.</summary>
public static class ObservationFile
{
    /// <summary>Most bytes read from one file; the rest is ignored, with a note.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text as an observation of <paramref name="kind"/>, with notes on anything cut or replaced.</summary>
    public static (Observation Observation, List<string> Notes) Read(string path, string kind)
    {
        var notes = new List<string>();
        using var stream = File.OpenRead(path);
        var buffer = new byte[(int)Math.Min(stream.Length, MaxBytes)];
        stream.ReadExactly(buffer);
        if (stream.Length > MaxBytes)
        {
            notes.Add($"{stream.Length:N0} bytes, only the first {MaxBytes:N0} were read");
            buffer = buffer[..WholeCharacters(buffer)];
        }
        string text;
        try
        {
            text = Strict.GetString(buffer);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.UTF8.GetString(buffer);
            notes.Add("not valid UTF-8: invalid bytes were replaced with U+FFFD");
        }
        return (new Observation(kind, HeaderValue(kind, text, notes), Where: path), notes);
    }

    // Kinds that hold one header's value, by the header that carries it.
    private static readonly Dictionary<string, string> HeaderOfKind = new(StringComparer.Ordinal)
    {
        ["http.server"] = "Server",
        ["http.www-authenticate"] = "WWW-Authenticate",
        ["rtsp.server"] = "Server",
    };

    /// <summary>
    /// For a kind that holds one header's value, a file holding the whole header line (<c>Server: Boa/0.94</c>, as
    /// <c>curl -I</c> prints it) is read as its value, with a note; anything else is kept as it is.
    /// </summary>
    private static string HeaderValue(string kind, string text, List<string> notes)
    {
        if (!HeaderOfKind.TryGetValue(kind, out var header))
        {
            return text;
        }
        var line = text.TrimEnd('\r', '\n');
        if (line.Length > header.Length && line[header.Length] == ':' && line.StartsWith(header, StringComparison.OrdinalIgnoreCase)
            && !line.Contains('\n', StringComparison.Ordinal))
        {
            notes.Add($"read the value of the '{line[..header.Length]}:' header line");
            return line[(header.Length + 1)..].Trim();
        }
        return text;
    }

    /// <summary>The length of the buffer without a UTF-8 character cut off at its end.</summary>
    private static int WholeCharacters(byte[] buffer)
    {
        for (var back = 1; back <= Math.Min(4, buffer.Length); back++)
        {
            var b = buffer[^back];
            if ((b & 0xC0) != 0x80)
            {
                // A lead byte: keep its character only if all its bytes are here.
                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return needed > back ? buffer.Length - back : buffer.Length;
            }
        }
        return buffer.Length;
    }
}
