using System.Globalization;
using Sightline.Knowledge;
using Sightline.Register;

namespace Sightline.Identification;

/// <summary>
/// Turns observations into claims (by the knowledge's fingerprint rules, MAC blocks, model patterns and
/// brands) and claims into a <see cref="Verdict"/>. Claims in one evidence group are correlated, so only
/// the strongest claim for a value counts per group; independent groups combine by noisy-OR,
/// 1 − Π(1 − wᵢ). Conflicting platforms from different corporate groups lower the confidence and are
/// noted. Thread-safe: besides the knowledge it holds only bounded, concurrent caches of what banners, brands and
/// models yield.
/// </summary>
public sealed class Identifier(KnowledgeBase knowledge)
{
    /// <summary>Below this confidence the platform is unknown.</summary>
    public const double Threshold = 0.5;

    /// <summary>A brand that differs from a platform this certain is a suspected white label.</summary>
    public const double WhiteLabelConfidence = 0.8;

    /// <summary>Weight of an installer's or asset list's statement of brand, model, firmware or serial.</summary>
    public const double RegisterWeight = 0.9;

    /// <summary>Weight of a MAC block registered to a surveillance maker (the network card's maker is usually the ODM).</summary>
    public const double OuiWeight = 0.6;

    /// <summary>Weight of a sysObjectID under a surveillance maker's IANA enterprise number.</summary>
    public const double EnterpriseWeight = 0.85;

    private const double ClassThreshold = 0.3;
    private static readonly string[] GroupNames = [.. Enumerable.Range(0, 64).Select(i => "#" + i.ToString(CultureInfo.InvariantCulture))];
    private const int CacheCapacity = 10_000;

    /// <summary>Longest field value whose outcome is kept; longer ones (whole bodies) are one device's.</summary>
    private const int CachedFieldLength = 256;

    // Banners and register values by kind; field values by the field's rules; brands and models alone.
    private readonly OutcomeCache<ObservationOutcome> _outcomes = new(CacheCapacity);
    private readonly OutcomeCache<(int Slot, Claim[] Claims)[]> _fieldOutcomes = new(CacheCapacity);
    private readonly OutcomeCache<BrandOutcome> _brands = new(CacheCapacity);
    private readonly OutcomeCache<ModelPattern[]> _models = new(CacheCapacity);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, string> _hundredths = new();
    private int _hundredthsCount;
    private readonly Dictionary<string, FingerprintRule> _rules = knowledge.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
    private readonly Dictionary<string, ModelPattern> _modelRules = knowledge.ModelPatterns.ToDictionary(p => p.Rule, StringComparer.Ordinal);

    // Companies that sell other makers' products under their names (Amcrest, Lorex): their model numbers say the brand, not the platform.
    // By reference: each maker is loaded once, and a record's own hash reads every field (it showed in profiles).
    private readonly HashSet<Maker> _relabellers = new(knowledge.Makers.Values.Where(m => knowledge.PlatformLinksFor(m.Name)
        .Any(l => l.Relationship is BrandRelationship.Oem or BrandRelationship.FormerOwner or BrandRelationship.Technical)), ReferenceEqualityComparer.Instance);

    /// <summary>The knowledge in use.</summary>
    public KnowledgeBase Knowledge => knowledge;

    /// <summary>Identifies a device from everything observed about it.</summary>
    public Verdict Identify(IReadOnlyList<Observation> observations)
    {
        var claims = new List<Claim>();
        var notes = new List<string>();
        for (var i = 0; i < observations.Count; i++)
        {
            AddClaims(observations[i], i, claims, notes);
        }
        return Decide(claims, notes);
    }

    /// <summary>
    /// The observations a register entry gives: the brand, model, firmware and serial the asset list states, and its
    /// MAC. Brand and model are one piece of evidence (the label); firmware lineage, serial layout and the network
    /// card's registered maker are each independent of it.
    /// </summary>
    public static List<Observation> FromRegister(string? brand, string? model, string? firmware, string? serial, string? mac)
    {
        var observations = new List<Observation>(5);
        Add(ObservationKinds.RegisterBrand, brand, "label");
        Add(ObservationKinds.RegisterModel, model, "label");
        Add(ObservationKinds.RegisterFirmware, firmware, "firmware");
        Add(ObservationKinds.RegisterSerial, serial, "serial");
        Add(ObservationKinds.Mac, mac, "mac");
        return observations;

        void Add(string kind, string? value, string group)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                observations.Add(new Observation(kind, value, group, "register"));
            }
        }
    }

    /// <summary>Adds the claims one observation supports (and notes on anything cut or ignored).</summary>
    public void AddClaims(Observation observation, int index, List<Claim> claims, List<string> notes)
    {
        var group = observation.Group ?? (index < GroupNames.Length ? GroupNames[index] : "#" + index.ToString(CultureInfo.InvariantCulture));
        // Escape sequences and bidi characters would otherwise hide a brand or a match (the same string comes back when
        // there are none, so the usual case allocates nothing).
        if (ObservationText.Clean(observation.Value) is var clean && !ReferenceEquals(clean, observation.Value))
        {
            observation = observation with { Value = clean };
            notes.Add($"observation {index + 1}: escape sequences and bidirectional formatting characters removed before it was read");
        }
        // Banners repeat across every device of a model, so what a banner yields is kept; documents carry serials
        // and addresses and rarely repeat, so they are worked out each time (what each of their fields yields is kept).
        var outcome = ObservationKinds.FormatOf(observation.Kind) == ObservationFormat.Text && observation.Kind != ObservationKinds.Mac
            && observation.Kind != ObservationKinds.RegisterSerial && observation.Value.Length <= 1024
            ? _outcomes.Get(observation.Kind, observation.Value, (Identifier: this, Observation: observation), static s => s.Identifier.Outcome(s.Observation))
            : Outcome(observation);
        foreach (var claim in outcome.Claims)
        {
            claims.Add(claim with { Observation = index, Group = group });
        }
        foreach (var note in outcome.DocumentNotes)
        {
            notes.Add($"observation {index + 1}: {note}");
        }
        notes.AddRange(outcome.Notes);
    }

    /// <summary>The claims an observation supports (numbered 0, in no group), with notes on the document and on the claims.</summary>
    private sealed record ObservationOutcome(List<Claim> Claims, IReadOnlyList<string> DocumentNotes, List<string> Notes);

    private ObservationOutcome Outcome(Observation observation)
    {
        const int index = 0;
        const string group = "";
        var claims = new List<Claim>();
        var notes = new List<string>();
        IReadOnlyList<string> documentNotes = [];
        var value = observation.Value;
        switch (observation.Kind)
        {
            case ObservationKinds.RegisterBrand:
                claims.Add(new Claim(ClaimType.Brand, value.Trim(), RegisterWeight, "register:brand", index, group));
                break;
            case ObservationKinds.RegisterModel:
                claims.Add(new Claim(ClaimType.Model, value.Trim(), RegisterWeight, "register:model", index, group));
                break;
            case ObservationKinds.RegisterFirmware:
                claims.Add(new Claim(ClaimType.Firmware, value.Trim(), RegisterWeight, "register:firmware", index, group));
                break;
            case ObservationKinds.RegisterSerial:
                claims.Add(new Claim(ClaimType.Serial, value.Trim(), RegisterWeight, "register:serial", index, group));
                break;
            case ObservationKinds.Mac when value.Length < 64:
                claims.Add(new Claim(ClaimType.Mac, value.Trim(), 1, "mac", index, group));
                break;
            case ObservationKinds.Mac:
                documentNotes = [$"{value.Length:N0} characters is too long for a MAC address; ignored"];
                break;
            case ObservationKinds.SnmpObjectId:
                AddEnterpriseClaim(value, claims, notes);
                break;
            default:
                break;
        }
        if (knowledge.MatchingRulesFor(observation.Kind) is { } rules)
        {
            var document = ObservationDocument.Read(observation, rules.WantedFields);
            documentNotes = document.Notes;
            foreach (var rule in rules.TextRules)
            {
                rule.Apply(document.Text, index, group, claims);
            }
            if (rules.FieldRuleCount > 0)
            {
                // Each field rule counts once: for the first value of its field that it matches.
                Span<bool> matched = rules.FieldRuleCount <= 256 ? stackalloc bool[rules.FieldRuleCount] : new bool[rules.FieldRuleCount];
                foreach (var field in document.Fields)
                {
                    if (rules.RulesForField(field.Key) is not { } fieldRules)
                    {
                        continue;
                    }
                    // Model names, firmware and namespaces repeat across a model's devices: what a value yields is kept.
                    var matches = field.Value.Length <= CachedFieldLength
                        ? _fieldOutcomes.Get(fieldRules, field.Value, (Rules: fieldRules, field.Value), static s => s.Rules.Match(s.Value))
                        : fieldRules.Match(field.Value);
                    foreach (var (slot, made) in matches)
                    {
                        if (!matched[slot])
                        {
                            matched[slot] = true;
                            claims.AddRange(made);
                        }
                    }
                }
            }
        }
        Derive(claims, notes);
        return new ObservationOutcome(claims, documentNotes, notes);
    }

    /// <summary>Claims that follow from other claims: a MAC's registered maker, a model's pattern, a brand's makers.</summary>
    private void Derive(List<Claim> claims, List<string> notes)
    {
        for (var i = 0; i < claims.Count; i++)
        {
            var claim = claims[i];
            switch (claim.Type)
            {
                case ClaimType.Mac:
                    DeriveFromMac(claim, claims, notes);
                    break;
                case ClaimType.Model:
                    foreach (var pattern in _models.Get(null, claim.Value, (Knowledge: knowledge, Model: claim.Value), static s => [.. s.Knowledge.ModelPatterns.Where(p => p.Pattern.IsMatch(s.Model))]))
                    {
                        var weight = Math.Min(pattern.Weight, claim.Weight);
                        claims.Add(_relabellers.Contains(pattern.Maker)
                            ? claim with { Type = ClaimType.Brand, Value = pattern.Maker.Name, Weight = weight, Rule = pattern.Rule }
                            : claim with { Type = ClaimType.Platform, Value = pattern.Maker.Id, Weight = weight, Rule = pattern.Rule });
                        claims.Add(claim with { Type = ClaimType.Class, Value = pattern.DeviceClass, Weight = weight, Rule = pattern.Rule });
                    }
                    break;
                case ClaimType.Brand:
                    claims[i] = DeriveFromBrand(claim, claims, notes);
                    break;
                case ClaimType.Platform or ClaimType.Firmware or ClaimType.Class or ClaimType.Serial:
                default:
                    break;
            }
        }
        claims.RemoveAll(c => c.Type == ClaimType.Brand && c.Value.Length == 0);
    }

    /// <summary>
    /// A sysObjectID lies under the enterprise number its maker registered with IANA: a maker's own arc is strong
    /// evidence (a relabeller rarely rewrites the MIB), unlike the generic net-snmp arc many devices answer with.
    /// </summary>
    private void AddEnterpriseClaim(string oid, List<Claim> claims, List<string> notes)
    {
        if (SnmpObjectId.EnterpriseOf(oid) is not { } number || knowledge.FindEnterprise(number) is not { } enterprise)
        {
            return;
        }
        if (enterprise.Maker is { Surveillance: true } maker)
        {
            claims.Add(new Claim(ClaimType.Platform, maker.Id, EnterpriseWeight, $"enterprise:{number}", 0, ""));
        }
        else
        {
            notes.Add($"sysObjectID under enterprise {number}, registered to {enterprise.Organisation}");
        }
    }

    private void DeriveFromMac(Claim claim, List<Claim> claims, List<string> notes)
    {
        if (NetworkAddress.NormaliseMac(claim.Value) is not { } mac)
        {
            notes.Add($"'{claim.Value}' is not a MAC address");
            return;
        }
        Span<char> hex = stackalloc char[12];
        var digits = 0;
        foreach (var c in mac)
        {
            if (c != ':' && digits < hex.Length)
            {
                hex[digits++] = c;
            }
        }
        if (NetworkAddress.IsLocallyAdministered(mac))
        {
            notes.Add($"MAC {mac} is locally administered, so it says nothing about the maker");
            return;
        }
        if (knowledge.FindOui(hex[..digits]) is not { } block)
        {
            notes.Add($"MAC {mac} is in no registered block known here (registry data of {knowledge.OuiDate})");
            return;
        }
        if (block.Maker is { Surveillance: true } maker)
        {
            claims.Add(claim with { Type = ClaimType.Platform, Value = maker.Id, Weight = OuiWeight, Rule = $"oui:{block.Prefix}" });
        }
        else
        {
            notes.Add($"MAC {mac} is registered to {block.Organisation}");
        }
    }

    /// <summary>
    /// Puts a brand in its usual spelling (or drops a placeholder such as "ONVIF"), and adds the platform
    /// its links point to — only when they all point into one corporate group, because a brand sold on
    /// several platforms proves nothing alone. OEM and former links count for less than ownership.
    /// </summary>
    private Claim DeriveFromBrand(Claim claim, List<Claim> claims, List<string> notes)
    {
        var outcome = _brands.Get(null, claim.Value, (Identifier: this, Brand: claim.Value), static s => s.Identifier.BrandOutcomeOf(s.Brand));
        if (outcome.Note is { } note)
        {
            notes.Add(note);
        }
        var canonical = claim with { Value = outcome.Brand };
        if (outcome.Platform is { } platform)
        {
            claims.Add(canonical with { Type = ClaimType.Platform, Value = platform, Weight = Math.Min(outcome.Weight, claim.Weight), Rule = outcome.Rule! });
        }
        return canonical;
    }

    private BrandOutcome BrandOutcomeOf(string brand)
    {
        var links = knowledge.PlatformLinksFor(brand);
        if (links.Count == 0)
        {
            return new BrandOutcome(brand, null, 0, null, null);
        }
        if (links.Any(l => l.Relationship == BrandRelationship.Placeholder))
        {
            return new BrandOutcome("", null, 0, null, $"'{brand}' is a placeholder name, not a brand");
        }
        // A relabeller's name leads to the links of the brands it sells; the device said the relabeller's name.
        var canonical = knowledge.FindMaker(brand)?.Name ?? links[0].Brand;
        var roots = links.Select(l => l.Maker!.Root).Distinct().ToList();
        if (roots.Count > 1)
        {
            return new BrandOutcome(canonical, null, 0, null,
                $"{canonical} is sold on several platforms ({string.Join(", ", roots.Select(r => r.Name))}); the brand alone proves nothing");
        }
        var best = links.MaxBy(BrandWeight)!;
        return best.Maker is { Surveillance: true } maker
            ? new BrandOutcome(canonical, maker.Id, BrandWeight(best), $"brand:{best.Relationship.ToString().ToLowerInvariant()}:{KnowledgeBase.Normal(best.Brand)}", null)
            : new BrandOutcome(canonical, null, 0, null, null);
    }

    /// <summary>What a brand name yields: its usual spelling ("" for a placeholder), the platform it points to and how strongly, and a note.</summary>
    private sealed record BrandOutcome(string Brand, string? Platform, double Weight, string? Rule, string? Note);

    private static double BrandWeight(BrandLink link) => (link.Relationship, link.Confidence) switch
    {
        (BrandRelationship.Own, _) => 0.6,
        (BrandRelationship.Group, "confirmed") => 0.6,
        (BrandRelationship.Group, "probable") => 0.55,
        (BrandRelationship.Group, _) => 0.4,
        (BrandRelationship.Oem, "confirmed") => 0.45,
        (BrandRelationship.Oem, "probable") => 0.4,
        (BrandRelationship.Oem, _) => 0.3,
        _ => 0.3,
    };

    /// <summary>Combines claims into a verdict.</summary>
    public Verdict Decide(List<Claim> claims, List<string> notes)
    {
        var scores = new Scores(claims);
        var platforms = new List<PlatformCandidate>();
        foreach (var (value, score) in scores.Of(ClaimType.Platform))
        {
            if (knowledge.Makers.TryGetValue(value, out var maker))
            {
                platforms.Add(new PlatformCandidate(maker, score));
            }
        }
        var best = platforms.Count > 0 ? platforms[0] : null;
        var confidence = best?.Score ?? 0;
        if (best is not null && platforms.Find(p => !p.Maker.SameGroup(best.Maker)) is { Score: >= Threshold } rival)
        {
            confidence -= rival.Score / 2;
            notes.Add($"conflicting platforms: {best.Maker.Name} ({Hundredths(best.Score)}) and {rival.Maker.Name} ({Hundredths(rival.Score)})");
        }
        var (deviceClass, classScore) = scores.Top(ClaimType.Class);
        deviceClass = classScore >= ClassThreshold ? deviceClass : null;
        var platform = confidence >= Threshold ? best!.Maker : null;
        if (deviceClass is not null && !DeviceClasses.Surveillance.Contains(deviceClass) && classScore >= Threshold)
        {
            if (platform is not null)
            {
                notes.Add($"a {deviceClass}, not a surveillance device: no platform maker is given ({platform.Name} made it)");
            }
            platform = null;
        }
        var brand = scores.Top(ClaimType.Brand).Value;
        var whiteLabel = platform is not null && confidence >= WhiteLabelConfidence && brand is not null && !BrandBelongsTo(brand, platform);
        List<Tell> tells = whiteLabel
            // A brand's links to its platform are what the white label is checked against, not a tell of it.
            ? [.. claims.Where(c => c.Type == ClaimType.Platform && c.Value == platform!.Id && !c.Rule.StartsWith("brand:", StringComparison.Ordinal))
                .OrderByDescending(c => c.Weight)
                .Select(c => c.Rule)
                .Distinct()
                .Select(rule => new Tell(rule, MeaningOf(rule)))]
            : [];
        return new Verdict(platform, platform is null ? 0 : Math.Round(confidence, 3), brand, scores.Top(ClaimType.Model).Value, scores.Top(ClaimType.Firmware).Value,
            deviceClass, whiteLabel, tells, platforms, [.. claims], notes.Count < 2 ? [.. notes] : [.. notes.Distinct()]);
    }

    /// <summary>
    /// What the rule with this id means, in the knowledge's words; "" when it says nothing more. Never the rule's
    /// pattern: a regular expression tells a person nothing.
    /// </summary>
    private string MeaningOf(string rule)
    {
        if (_rules.TryGetValue(rule, out var fingerprint))
        {
            return fingerprint.Description.Length > 0 ? fingerprint.Description : $"a fingerprint of the device's {fingerprint.Kind} answer";
        }
        if (_modelRules.TryGetValue(rule, out var model))
        {
            return model.Meaning;
        }
        if (rule.StartsWith("oui:", StringComparison.Ordinal))
        {
            return knowledge.OuiBlock(rule[4..]) is { } block ? $"MAC address in the block {block.Prefix} registered to {block.Organisation}" : "";
        }
        return rule == "override" ? "a person's decision" : "";
    }

    /// <summary>A score as the notes write it, "0.00"; kept, because scores come from a few rule weights and formatting a double is slow.</summary>
    private string Hundredths(double score)
    {
        // "0.00" reads only these symbols of the current culture: when they are the invariant ones, so is the text.
        var format = NumberFormatInfo.CurrentInfo;
        if (format.NumberDecimalSeparator != "." || format.NegativeSign != "-" || format.NaNSymbol != "NaN"
            || format.PositiveInfinitySymbol != "Infinity" || format.NegativeInfinitySymbol != "-Infinity")
        {
            return score.ToString("0.00", format);
        }
        var bits = BitConverter.DoubleToInt64Bits(score);
        if (_hundredths.TryGetValue(bits, out var text))
        {
            return text;
        }
        text = score.ToString("0.00", CultureInfo.InvariantCulture);
        if (Volatile.Read(ref _hundredthsCount) < CacheCapacity && _hundredths.TryAdd(bits, text))
        {
            Interlocked.Increment(ref _hundredthsCount);
        }
        return text;
    }

    /// <summary>
    /// A person's decision replaces the platform; the evidence stays, with the decision on top. Naming another maker
    /// clears the white-label suspicion and with it the tells (they gave away the platform the person overruled).
    /// </summary>
    public static Verdict Override(Verdict verdict, Maker maker, string reason) =>
        verdict with
        {
            Platform = maker,
            PlatformConfidence = 1,
            WhiteLabelSuspected = verdict.WhiteLabelSuspected && verdict.Platform == maker,
            Tells = verdict.WhiteLabelSuspected && verdict.Platform == maker ? verdict.Tells : [],
            Evidence = [new Claim(ClaimType.Platform, maker.Id, 1, "override", -1, "person"), .. verdict.Evidence],
            Notes = [$"platform set by a person: {reason}", .. verdict.Notes],
        };

    /// <summary>The confidence in words.</summary>
    public static string ConfidenceWord(double confidence) => confidence switch
    {
        >= 0.9 => "confirmed",
        >= 0.7 => "probable",
        >= Threshold => "possible",
        _ => "unknown",
    };

    private bool BrandBelongsTo(string brand, Maker platform) =>
        knowledge.FindMaker(brand)?.SameGroup(platform) == true
        || knowledge.PlatformLinksFor(brand).Any(l => l.Maker is { } m && m.SameGroup(platform)
            && l.Relationship is BrandRelationship.Own or BrandRelationship.Group);
}
