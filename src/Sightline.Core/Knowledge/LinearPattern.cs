using System.Text.RegularExpressions;

namespace Sightline.Knowledge;

/// <summary>
/// A regular expression run by .NET's non-backtracking engine, so its time is linear in the input whatever a
/// device sends. Building one costs milliseconds, so it is built on first use: a command that reads one kind of
/// observation builds only that kind's rules.
/// </summary>
public sealed class LinearPattern
{
    private static readonly string[] Unsupported = ["(?=", "(?!", "(?<=", "(?<!", "(?>", "(?(", @"\k<", @"\k'", @"\G"];
    private readonly RegexOptions _options;
    private Regex? _regex;

    private LinearPattern(string text, RegexOptions options) => (Text, _options) = (text, options);

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>The compiled expression; one that matches nothing when the engine cannot build it (see <see cref="Problem"/>).</summary>
    public Regex Regex => LazyInitializer.EnsureInitialized(ref _regex, Build);

    /// <summary>Why the engine could not build the pattern (too large, or a feature it lacks), once built; null when it could.</summary>
    public string? Problem { get; private set; }

    private Regex Build()
    {
        try
        {
            return new Regex(Text, _options | RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
        }
        catch (NotSupportedException e)
        {
            Problem = $"the non-backtracking engine cannot run this pattern: {e.Message.Split('\n')[0]}";
            return new Regex("[^\\s\\S]", RegexOptions.NonBacktracking);
        }
    }

    /// <summary>Whether the text contains a match.</summary>
    public bool IsMatch(string text) => Regex.IsMatch(text);

    /// <summary>The first match in the text.</summary>
    public Match Match(string text) => Regex.Match(text);

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
