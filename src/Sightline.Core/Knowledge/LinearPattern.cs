using System.Buffers;
using System.Text.RegularExpressions;

namespace Sightline.Knowledge;

/// <summary>
/// A regular expression run by .NET's non-backtracking engine, so its time is linear in the input whatever a
/// device sends. Building one costs milliseconds, so it is built on first use: a command that reads one kind of
/// observation builds only that kind's rules.
/// </summary>
public sealed partial class LinearPattern
{
    private static readonly string[] Unsupported = ["(?=", "(?!", "(?<=", "(?<!", "(?>", "(?(", @"\k<", @"\k'", @"\G"];
    private readonly RegexOptions _options;
    private Regex? _regex;
    private Regex? _groups;
    private Regex? _timedGroups;
    private Regex? _capturing;
    private const int ShortSpan = 512;

    private LinearPattern(string text, RegexOptions options)
    {
        (Text, _options) = (text, options);
        var requirements = RequiredLiteral.Requirements(text);
        _literals = [.. requirements.Where(r => r.Length == 1).Select(r => r[0])];
        // Any inline option group that turns on i makes the search case-blind (too broad a search only costs time).
        _caseBlind = options.HasFlag(RegexOptions.IgnoreCase) || CaseBlindOption().IsMatch(text);
        // One vectorised search per requirement, for any of its texts (with invariant globalization a case-blind
        // Contains is a character-by-character loop, tens of microseconds over a document).
        _required = [.. requirements.Select(r => SearchValues.Create(r, _caseBlind ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal))];
        _hasKOrS = [.. requirements.Select(r => _caseBlind && r.Any(t => t.AsSpan().IndexOfAny("kKsS") >= 0))];
        _whole = !options.HasFlag(RegexOptions.Multiline) && IsWhole(text);
    }

    /// <summary>
    /// Whether every match is the whole text, given a text that does not end in a line feed: the pattern is
    /// ^…$ with no top-level alternation and no option that lets ^ or $ match inside the text or changes what
    /// the pattern says (m, x). Most field rules are written so.
    /// </summary>
    private static bool IsWhole(string text)
    {
        var body = LeadingOptions().Match(text) is { Success: true } lead ? text[lead.Length..] : text;
        if (!body.StartsWith('^') || !body.EndsWith('$') || AnyOption().IsMatch(text))
        {
            return false;
        }
        var escapes = 0;
        for (var i = body.Length - 2; i >= 0 && body[i] == '\\'; i--)
        {
            escapes++;
        }
        return escapes % 2 == 0 && RequiredLiteral.Branches(body, 0, body.Length).Count == 1;
    }

    [GeneratedRegex(@"^\(\?[is]+\)")]
    private static partial Regex LeadingOptions();

    [GeneratedRegex(@"\(\?[imnsx-]*[mx]")]
    private static partial Regex AnyOption();

    private readonly bool _whole;

    /// <summary>Plain texts every match contains (see <see cref="RequiredLiteral"/>), most telling first.</summary>
    public IReadOnlyList<string> Literals => _literals;

    private readonly string[] _literals;

    private readonly bool _caseBlind;

    private readonly SearchValues<string>[] _required;

    private readonly bool[] _hasKOrS;

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>
    /// Whether the text has every required literal. Case-blind patterns are checked case-blind; a case-blind
    /// regex also takes the Kelvin sign for k and the long s for s, which a case-blind search does not, so a
    /// literal with k or s is only checked on ASCII text.
    /// </summary>
    private bool MayMatch(string text)
    {
        bool? ascii = null;
        for (var i = 0; i < _required.Length; i++)
        {
            if (_hasKOrS[i] && !(ascii ??= System.Text.Ascii.IsValid(text)))
            {
                continue;
            }
            if (text.AsSpan().IndexOfAny(_required[i]) < 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The compiled expression; one that matches nothing when the engine cannot build it (see <see cref="Problem"/>).</summary>
    public Regex Regex => _regex ?? LazyInitializer.EnsureInitialized(ref _regex, Build);

    /// <summary>Why the engine could not build the pattern (too large, or a feature it lacks), once built; null when it could.</summary>
    public string? Problem { get; private set; }

    private Regex Build()
    {
        try
        {
            // Without capture groups: the engine then finds where a match is in two passes, not three.
            return new Regex(Uncaptured(Text), _options | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);
        }
        catch (NotSupportedException e)
        {
            Problem = $"the non-backtracking engine cannot run this pattern: {e.Message.Split('\n')[0]}";
            return new Regex("[^\\s\\S]", RegexOptions.NonBacktracking);
        }
    }

    /// <summary>Whether the text contains a match.</summary>
    public bool IsMatch(string text) => MayMatch(text) && Regex.IsMatch(text);

    /// <summary>The first match in the text with its groups (a failed match when there is none).</summary>
    /// <remarks>
    /// The non-backtracking engine finds groups slowly (tens of microseconds), so it only finds where the
    /// match is; the groups are then read from that span by the backtracking interpreter, which on a short
    /// text known to match is fast. A long span is read under a time limit, and should that run out, the
    /// non-backtracking engine reads the groups after all.
    /// </remarks>
    public Match Match(string text)
    {
        if (!MayMatch(text))
        {
            return System.Text.RegularExpressions.Match.Empty;
        }
        // A match of ^…$ in a short text not ending in a line feed is the whole text: a yes or no (one forward pass)
        // says where it is, without the engine's passes to find its end and start.
        var (index, length) = (0, text.Length);
        if (!(_whole && text.Length <= ShortSpan && (text.Length == 0 || text[^1] != '\n')))
        {
            // The first match's bounds, without a Match object: only its place is needed here.
            var found = false;
            foreach (var where in Regex.EnumerateMatches(text))
            {
                (index, length, found) = (where.Index, where.Length, true);
                break;
            }
            if (!found)
            {
                return System.Text.RegularExpressions.Match.Empty;
            }
        }
        else if (!Regex.IsMatch(text))
        {
            return System.Text.RegularExpressions.Match.Empty;
        }
        if (length <= ShortSpan)
        {
            var groups = _groups ?? LazyInitializer.EnsureInitialized(ref _groups, () => new Regex(Text, _options | RegexOptions.CultureInvariant));
            if (groups.Match(text, index, length) is { Success: true } match)
            {
                return match;
            }
        }
        var timed = _timedGroups ?? LazyInitializer.EnsureInitialized(ref _timedGroups,
            () => new Regex(Text, _options | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)));
        try
        {
            if (timed.Match(text) is { Success: true } match)
            {
                return match;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Fall through to the engine whose time is bounded.
        }
        var captured = _capturing ?? LazyInitializer.EnsureInitialized(ref _capturing,
            () => new Regex(Text, _options | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant));
        return captured.Match(text);
    }

    [GeneratedRegex(@"\(\?[imnsx-]*i")]
    private static partial Regex CaseBlindOption();

    /// <summary>The pattern with its named groups made non-capturing.</summary>
    private static string Uncaptured(string pattern) => NamedGroup().Replace(pattern, "(?:");

    [GeneratedRegex(@"(?<=(?<!\\)(?:\\\\)*)\(\?(?:<(?![=!])[^>]*>|'[^']*')")]
    private static partial Regex NamedGroup();

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>
    /// Checks a pattern cheaply (its syntax, and none of the features the non-backtracking engine lacks:
    /// lookarounds, backreferences, atomic groups, conditionals) and returns it, or notes the problem and returns null.
    /// </summary>
    public static LinearPattern? Parse(string text, bool ignoreCase, string where, List<string> problems)
    {
        if (text.Length == 0)
        {
            problems.Add($"{where}: no pattern");
            return null;
        }
        if (Unsupported.FirstOrDefault(u => text.Contains(u, StringComparison.Ordinal)) is { } feature
            || (Regex.Match(text, @"(?<!\\)(?:\\\\)*\\[1-9]|\(\?(?:<[^>]*|'[^']*)-") is { Success: true } construct && (feature = construct.Value) is not null))
        {
            problems.Add($"{where}: pattern uses '{feature}'; rules must avoid lookarounds, backreferences, balancing groups, atomic groups, conditionals and \\G so that they run in linear time");
            return null;
        }
        var options = ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None;
        try
        {
            _ = new Regex(text, options);
        }
        catch (ArgumentException e)
        {
            problems.Add($"{where}: pattern is not a valid regular expression: {e.Message.Split('\n')[0]}");
            return null;
        }
        return new LinearPattern(text, options);
    }
}
