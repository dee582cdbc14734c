using System.Text;
using System.Text.RegularExpressions;
using Sightline.Identification;

namespace Sightline.Knowledge;

/// <summary>A claim a rule makes when it matches; <see cref="Value"/> may name the match's groups in braces.</summary>
public sealed record RuleClaim(ClaimType Type, string Value, double Weight)
{
    private readonly bool _template = Value.Contains('{', StringComparison.Ordinal);

    // Most templates are one group and nothing else ("{model}"): its name, to fill without building text.
    private readonly string? _onlyGroup = Value.Length > 2 && Value[0] == '{' && Value[^1] == '}' && Value.IndexOf('{', 1) < 0 && Value.IndexOf('}') == Value.Length - 1
        ? Value[1..^1]
        : null;

    /// <summary>Longest value a claim takes from a device's text.</summary>
    public const int MaxValueLength = 200;

    /// <summary>The claim's value for a match, with groups filled in and trimmed; "" when a group is empty.</summary>
    public string Fill(Match match)
    {
        if (!_template)
        {
            return Value;
        }
        if (_onlyGroup is { } only)
        {
            var single = GroupOf(match, only);
            return single.Success && single.Length > 0 ? Clip(single.ValueSpan) : "";
        }
        var result = new StringBuilder();
        var i = 0;
        while (i < Value.Length)
        {
            var open = Value.IndexOf('{', i);
            var close = open >= 0 ? Value.IndexOf('}', open) : -1;
            if (open < 0 || close < 0)
            {
                result.Append(Value, i, Value.Length - i);
                break;
            }
            result.Append(Value, i, open - i);
            var group = GroupOf(match, Value[(open + 1)..close]);
            if (!group.Success || group.Length == 0)
            {
                return "";
            }
            result.Append(group.ValueSpan);
            i = close + 1;
        }
        return Clip(result.ToString());
    }

    // A group named in braces by number or by name.
    private static Group GroupOf(Match match, string name) => int.TryParse(name, out var number) ? match.Groups[number] : match.Groups[name];

    // The filled value trimmed, and cut to MaxValueLength.
    private static string Clip(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        return (trimmed.Length > MaxValueLength ? trimmed[..MaxValueLength] : trimmed).ToString();
    }
}
