using Sightline.Identifying;
using Sightline.Knowledge;

namespace Sightline.Kb;

/// <summary>Knowledge rows written out for people, each with its sources.</summary>
public static class KnowledgeText
{
    public static void Maker(TextWriter output, KnowledgeBase knowledge, Maker maker)
    {
        output.WriteLine($"{maker.Name} ({maker.Id})");
        output.WriteLine($"  legal name   {maker.LegalName}");
        output.WriteLine($"  country      {maker.Country}");
        output.WriteLine($"  group        {string.Join(" → ", maker.Chain().Select(m => m.Name))}");
        if (maker.Ownership.Length > 0)
        {
            output.WriteLine($"  ownership    {maker.Ownership}");
        }
        if (maker.StateOwned.Length > 0)
        {
            output.WriteLine($"  state-owned  {maker.StateOwned}");
        }
        output.WriteLine($"  makes        {(maker.Surveillance ? "surveillance devices" : "other devices (not surveillance)")}");
        if (maker.Aliases.Count > 0)
        {
            output.WriteLine($"  also called  {string.Join(", ", maker.Aliases)}");
        }
        output.WriteLine($"  source       {maker.Provenance.Source} (checked {maker.Provenance.Checked})");
        var subsidiaries = knowledge.Makers.Values.Where(m => m.Parent == maker).ToList();
        if (subsidiaries.Count > 0)
        {
            output.WriteLine($"  owns         {string.Join(", ", subsidiaries.Select(m => m.Name))}");
        }
        var brands = knowledge.BrandLinks.Where(b => b.Maker == maker).ToList();
        if (brands.Count > 0)
        {
            output.WriteLine("Brands");
            foreach (var b in brands)
            {
                output.WriteLine($"  {b.Brand}: {KbCommand.Words(b.Relationship)} {KbCommand.Range(b.From, b.To)} ({b.Confidence}) — {b.Provenance.Source}");
            }
        }
        var designations = knowledge.Designations.Where(d => d.Covers(maker)).ToList();
        if (designations.Count > 0)
        {
            output.WriteLine("Designations covering it");
            designations.ForEach(d => Designation(output, d, "  "));
        }
        var concerns = knowledge.Concerns.Where(c => c.Maker.SameGroup(maker)).ToList();
        if (concerns.Count > 0)
        {
            output.WriteLine("Concerns (its corporate group)");
            concerns.ForEach(c => Concern(output, c, "  "));
        }
        var vulnerabilities = knowledge.Vulnerabilities.Where(v => v.Maker == maker).ToList();
        if (vulnerabilities.Count > 0)
        {
            output.WriteLine("Vulnerabilities");
            vulnerabilities.ForEach(v => Vulnerability(output, v, "  "));
        }
    }

    public static void Rule(TextWriter output, FingerprintRule rule)
    {
        output.WriteLine($"{rule.Id}: {rule.Description}");
        output.WriteLine($"  kind     {rule.Kind}{(rule.Field is null ? "" : $", field {rule.Field}")}");
        output.WriteLine($"  pattern  {rule.Pattern}");
        foreach (var claim in rule.Claims)
        {
            output.WriteLine($"  claims   {VerdictOutput.Word(claim.Type)} = {claim.Value} (weight {claim.Weight})");
        }
        foreach (var example in rule.Examples)
        {
            output.WriteLine($"  example  {VerdictOutput.Safe(example.Value)}");
        }
        output.WriteLine($"  source   {rule.Provenance.Source} (checked {rule.Provenance.Checked}, {rule.Provenance.Where})");
    }

    public static void Designation(TextWriter output, Designation d, string indent = "")
    {
        var scope = d.Purposes.Count == 0 ? "any purpose" : "only for: " + string.Join(", ", d.Purposes.Select(p => p.Label));
        var entity = d.Entity is { } e ? e.Name + (d.Affiliates ? " and its subsidiaries and affiliates" : "") : $"every company incorporated in {d.Country}";
        output.WriteLine($"{indent}{d.List} ({d.Jurisdiction}, {d.Dimension}): {entity}; {scope}");
        output.WriteLine($"{indent}  effect: {d.Effect}; listed {d.Listed?.Text ?? "?"}, effective {d.Effective?.Text ?? "?"}{(d.Removed is { } r ? $", removed {r.Text}" : "")}");
        if (d.Summary.Length > 0)
        {
            output.WriteLine($"{indent}  {d.Summary}");
        }
        output.WriteLine($"{indent}  source: {d.Provenance.Source} (checked {d.Provenance.Checked})");
    }

    public static void Concern(TextWriter output, Concern c, string indent = "")
    {
        output.WriteLine($"{indent}{c.Title} — {c.Publisher}, {c.Date?.Text ?? "undated"} ({c.Dimension}, about {c.Maker.Name})");
        output.WriteLine($"{indent}  {c.Summary}");
        output.WriteLine($"{indent}  source: {c.Provenance.Source} (checked {c.Provenance.Checked})");
        output.WriteLine(c.Response.Length > 0
            ? $"{indent}  {c.Maker.Name}'s response: {c.Response} — {c.ResponseSource}"
            : $"{indent}  no published response from {c.Maker.Name} is on record");
    }

    public static void Vulnerability(TextWriter output, Vulnerability v, string indent = "")
    {
        var range = $"{v.AffectedFrom?.Text ?? "…"} to {v.AffectedTo?.Text ?? "…"}";
        output.WriteLine($"{indent}{v.Cve}{(v.Kev ? " [CISA KEV]" : "")} CVSS {v.Cvss}: {v.Summary}");
        output.WriteLine($"{indent}  {v.Maker.Name} models /{v.Models}/, firmware {range}{(v.FixedIn is { } f ? $", fixed in {f.Text}" : "")}");
        output.WriteLine($"{indent}  source: {v.Provenance.Source} (checked {v.Provenance.Checked})");
    }
}
