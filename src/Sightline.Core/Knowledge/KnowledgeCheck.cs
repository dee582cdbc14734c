using Sightline.Identification;

namespace Sightline.Knowledge;

/// <summary>
/// What <c>sightline kb verify</c> checks beyond loading: every rule matches its own examples and makes the
/// claims they expect, matches none of its counterexamples, and no two rules contradict each other (name
/// platforms of different corporate groups, or a surveillance and a non-surveillance class) on one example;
/// every model pattern matches its examples.
/// </summary>
public static class KnowledgeCheck
{
    /// <summary>Every problem in the knowledge, loading problems first.</summary>
    public static List<string> Run(KnowledgeBase knowledge)
    {
        var problems = new List<string>(knowledge.Problems);
        var patterns = knowledge.Rules.Select(r => (r.Pattern, r.Provenance))
            .Concat(knowledge.ModelPatterns.Select(m => (m.Pattern, m.Provenance)))
            .Concat(knowledge.Vulnerabilities.Select(v => (Pattern: v.Models, v.Provenance)));
        foreach (var (pattern, provenance) in patterns)
        {
            _ = pattern.Regex;
            if (pattern.Problem is { } problem)
            {
                problems.Add($"{provenance.Where}: {problem}");
            }
        }
        foreach (var rule in knowledge.Rules)
        {
            CheckExamples(rule, problems);
        }
        CheckContradictions(knowledge, problems);
        foreach (var pattern in knowledge.ModelPatterns)
        {
            foreach (var example in pattern.Examples.Where(e => !pattern.Pattern.IsMatch(e)))
            {
                problems.Add($"{pattern.Provenance.Where}: the pattern '{pattern.Pattern}' does not match its example '{example}'");
            }
        }
        return problems;
    }

    private static void CheckExamples(FingerprintRule rule, List<string> problems)
    {
        foreach (var example in rule.Examples)
        {
            var claims = new List<Claim>();
            if (!rule.Apply(example.Value, 0, "", claims))
            {
                problems.Add($"{rule.Provenance.Where}: does not match its example '{Short(example.Value)}'");
                continue;
            }
            foreach (var (type, value) in example.Expect)
            {
                if (!claims.Any(c => c.Type == type && string.Equals(c.Value, value, StringComparison.Ordinal)))
                {
                    var made = string.Join(", ", claims.Where(c => c.Type == type).Select(c => c.Value));
                    problems.Add($"{rule.Provenance.Where}: on '{Short(example.Value)}' expected {type.ToString().ToLowerInvariant()} '{value}', got '{made}'");
                }
            }
        }
        foreach (var counterexample in rule.Counterexamples.Where(c => rule.Pattern.IsMatch(c)))
        {
            problems.Add($"{rule.Provenance.Where}: matches its counterexample '{Short(counterexample)}'");
        }
    }

    private static void CheckContradictions(KnowledgeBase knowledge, List<string> problems)
    {
        var reported = new HashSet<(string, string)>();
        foreach (var rule in knowledge.Rules)
        {
            foreach (var example in rule.Examples)
            {
                var own = Conclusions(knowledge, rule, example.Value);
                foreach (var other in knowledge.RulesFor(rule.Kind))
                {
                    if (ReferenceEquals(other, rule) || other.Field != rule.Field || reported.Contains((other.Id, rule.Id)))
                    {
                        continue;
                    }
                    var theirs = Conclusions(knowledge, other, example.Value);
                    if (Contradicts(own, theirs) is { } clash)
                    {
                        reported.Add((rule.Id, other.Id));
                        problems.Add($"{rule.Provenance.Where}: contradicts rule '{other.Id}' on '{Short(example.Value)}': {clash}");
                    }
                }
            }
        }
    }

    private static (Maker? Platform, string? Class) Conclusions(KnowledgeBase knowledge, FingerprintRule rule, string text)
    {
        var claims = new List<Claim>();
        if (!rule.Apply(text, 0, "", claims))
        {
            return (null, null);
        }
        var platform = claims.FirstOrDefault(c => c.Type == ClaimType.Platform)?.Value;
        return (platform is null ? null : knowledge.Makers.GetValueOrDefault(platform), claims.FirstOrDefault(c => c.Type == ClaimType.Class)?.Value);
    }

    private static string? Contradicts((Maker? Platform, string? Class) a, (Maker? Platform, string? Class) b)
    {
        if (a.Platform is { } x && b.Platform is { } y && !x.SameGroup(y))
        {
            return $"platform {x.Id} against {y.Id}";
        }
        if (a.Class is { } c && b.Class is { } d && DeviceClasses.Surveillance.Contains(c) != DeviceClasses.Surveillance.Contains(d))
        {
            return $"class {c} against {d}";
        }
        return null;
    }

    private static string Short(string text) =>
        (text.Length > 60 ? text[..60] + "…" : text).ReplaceLineEndings(" ");
}
