using System.Text;

namespace Sightline.Register;

/// <summary>
/// The words users see and type for enum values ("body-worn", "face-recognition"): one mapping for CSV,
/// the command line, JSON and the database.
/// </summary>
public static class Words
{
    /// <summary>A count with its noun in the right number: "1 device", "3 devices" (<paramref name="plural"/> is the noun's plural).</summary>
    public static string Count(long count, string plural) =>
        count == 1 ? $"1 {(plural.EndsWith('s') ? plural[..^1] : plural)}" : $"{count.ToString(System.Globalization.CultureInfo.InvariantCulture)} {plural}";

    /// <summary>The word for a value: its name in lower-case kebab form.</summary>
    public static string Of<T>(T value) where T : struct, Enum => Cache<T>.ToWord[value];

    /// <summary>Parses a word, ignoring case, spaces, hyphens and underscores; null when it is not one of <typeparamref name="T"/>'s.</summary>
    public static T? Parse<T>(string text) where T : struct, Enum => Parse<T>(text.AsSpan());

    // The key is built on the stack and looked up as a span: an import parses a kind and a status on every row.
    private static T? Parse<T>(ReadOnlySpan<char> text) where T : struct, Enum
    {
        if (text.Length > 64)
        {
            return Cache<T>.FromKey.TryGetValue(Key(text.ToString()), out var found) ? found : null;
        }
        Span<char> key = stackalloc char[text.Length];
        var length = 0;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                key[length++] = char.ToLowerInvariant(c);
            }
        }
        return Cache<T>.ByKey.TryGetValue(key[..length], out var value) ? value : null;
    }

    /// <summary>All the words of <typeparamref name="T"/>, for error messages and help.</summary>
    public static string List<T>() where T : struct, Enum => string.Join(", ", Cache<T>.ToWord.Values);

    /// <summary>The words of the set flags, separated by ';' in declaration order; empty for none.</summary>
    public static string OfFlags(Capabilities flags) => FlagWords.All[(int)flags];

    // Every combination of the capabilities, worked out once (on first use): this runs for every device stored.
    private static class FlagWords
    {
        public static readonly string[] All = Enumerable.Range(0, Enum.GetValues<Capabilities>().Aggregate(0, (all, f) => all | (int)f) + 1)
            .Select(bits => string.Join(';', Enum.GetValues<Capabilities>()
                .Where(f => f != Capabilities.None && ((Capabilities)bits).HasFlag(f)).Select(Of)))
            .ToArray();
    }

    /// <summary>Parses ';'- or '|'-separated capability words; returns the first unknown word on failure.</summary>
    public static bool TryParseFlags(string text, out Capabilities flags, out string? unknown)
    {
        flags = Capabilities.None;
        unknown = null;
        foreach (var range in text.AsSpan().SplitAny(';', '|'))
        {
            var part = text.AsSpan(range).Trim();
            if (part.IsEmpty)
            {
                continue;
            }
            if (Parse<Capabilities>(part) is not { } flag || flag == Capabilities.None)
            {
                unknown = part.ToString();
                return false;
            }
            flags |= flag;
        }
        return true;
    }

    internal static string Key(string text)
    {
        var key = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                key.Append(char.ToLowerInvariant(c));
            }
        }
        return key.ToString();
    }

    private static string Kebab(string name)
    {
        var word = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                word.Append('-');
            }
            word.Append(char.ToLowerInvariant(name[i]));
        }
        return word.ToString();
    }

    private static class Cache<T> where T : struct, Enum
    {
        public static readonly Dictionary<T, string> ToWord = Enum.GetValues<T>().ToDictionary(v => v, v => Kebab(v.ToString()));

        public static readonly Dictionary<string, T> FromKey = BuildFromKey();

        public static readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> ByKey = FromKey.GetAlternateLookup<ReadOnlySpan<char>>();

        private static Dictionary<string, T> BuildFromKey()
        {
            var keys = Enum.GetValues<T>().ToDictionary(v => Key(v.ToString()), v => v, StringComparer.Ordinal);
            foreach (var (alias, name) in Aliases)
            {
                if (Enum.TryParse<T>(name, out var value))
                {
                    keys.TryAdd(alias, value);
                }
            }
            return keys;
        }
    }

    // Words installers' spreadsheets use for the same things.
    private static readonly (string Alias, string Name)[] Aliases =
    [
        ("ipcamera", "Camera"), ("cam", "Camera"), ("ptzcamera", "Camera"), ("domecamera", "Camera"), ("bulletcamera", "Camera"),
        ("networkvideorecorder", "Nvr"), ("digitalvideorecorder", "Dvr"), ("videoencoder", "Encoder"),
        ("facialrecognition", "FaceRecognition"), ("frt", "FaceRecognition"), ("lfr", "FaceRecognition"),
        ("lpr", "Anpr"), ("alpr", "Anpr"), ("microphone", "Audio"), ("ir", "Infrared"),
        ("bwv", "BodyWorn"), ("bodyworncamera", "BodyWorn"), ("uav", "Drone"), ("frs", "FacialRecognition"),
        ("inservice", "Active"), ("decommisioned", "Decommissioned"), ("removed", "Decommissioned"),
    ];
}
