using System.Text;
using Microsoft.EntityFrameworkCore;
using Sightline.Identification;
using Sightline.Knowledge;
using Sightline.Register;
using Sightline.Risk;

namespace Sightline.Data.Identification;

/// <summary>
/// Identifies register entries from what the asset list says (brand, model, firmware, serial, MAC) and
/// assesses their risk in their system's use, honouring people's overrides. Registers repeat the same
/// brand, model and firmware thousands of times, so verdicts are cached by everything that can change
/// them: those fields, the MAC's registered block and the claims the serial's rules make.
/// </summary>
public sealed class RegisterIdentifier
{
    private readonly Identifier _identifier;
    private readonly Dictionary<int, SystemUse> _uses;
    private readonly Dictionary<int, string> _overrides;
    private readonly Dictionary<string, Verdict> _verdicts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, int?), RiskDimension> _flags = [];
    private readonly StringBuilder _key = new();
    private const int MaxCached = 100_000;

    private RegisterIdentifier(Identifier identifier, Dictionary<int, SystemUse> uses, Dictionary<int, string> overrides) =>
        (_identifier, _uses, _overrides) = (identifier, uses, overrides);

    /// <summary>The knowledge in use.</summary>
    public KnowledgeBase Knowledge => _identifier.Knowledge;

    /// <summary>Reads the systems' uses and the overrides from the register.</summary>
    public static async Task<RegisterIdentifier> CreateAsync(RegisterDb db, KnowledgeBase knowledge, CancellationToken cancel)
    {
        var uses = await db.Systems.AsNoTracking().ToDictionaryAsync(s => s.Id, s => new SystemUse(s.Purposes, s.SensitiveSite), cancel);
        var overrides = await db.Overrides.AsNoTracking().ToDictionaryAsync(o => o.DeviceId, o => o.Maker, cancel);
        return new RegisterIdentifier(new Identifier(knowledge), uses, overrides);
    }

    /// <summary>The full verdict for a device, with its evidence (what the register says and what scans stored), override applied.</summary>
    public Verdict Verdict(Device device, IdentityOverride? decision, IReadOnlyList<Observation> stored)
    {
        var verdict = _identifier.Identify([.. Identifier.FromRegister(device.BrandAsSold, device.Model, device.Firmware, device.Serial, device.MacAddress), .. stored]);
        return decision is not null && Knowledge.Makers.TryGetValue(decision.Maker, out var maker)
            ? Identifier.Override(verdict, maker, decision.Reason)
            : verdict;
    }

    /// <summary>The use of a device's system.</summary>
    public SystemUse UseOf(int? systemId) =>
        systemId is { } id && _uses.TryGetValue(id, out var use) ? use : SystemUse.Unknown;

    /// <summary>What is stored for a device, from its register fields and any observations scans stored for it.</summary>
    public DeviceIdentity Identify(Device device, IReadOnlyList<Observation>? stored = null)
    {
        // Scanned devices carry their own evidence, which no other device shares: nothing to cache (key "").
        var key = stored is { Count: > 0 } ? "" : Key(device);
        Verdict? verdict;
        if (key.Length == 0)
        {
            verdict = _identifier.Identify([.. Identifier.FromRegister(device.BrandAsSold, device.Model, device.Firmware, device.Serial, device.MacAddress), .. stored!]);
        }
        else if (!_verdicts.TryGetValue(key, out verdict))
        {
            if (_verdicts.Count >= MaxCached)
            {
                _verdicts.Clear();
                _flags.Clear();
            }
            verdict = _identifier.Identify(Identifier.FromRegister(device.BrandAsSold, device.Model, device.Firmware, device.Serial, device.MacAddress));
            _verdicts[key] = verdict;
        }
        var overridden = _overrides.TryGetValue(device.Id, out var decided) && Knowledge.Makers.ContainsKey(decided);
        // The same rule as the live verdict (devices show, the API), so lists, filters and exports agree with it.
        var whiteLabel = overridden ? Identifier.Override(verdict, Knowledge.Makers[decided!], "").WhiteLabelSuspected : verdict.WhiteLabelSuspected;
        var platform = overridden ? Knowledge.Makers[decided!] : verdict.Platform;
        var flagKey = ((overridden ? decided! + "\u0001" : "") + key, device.SystemId);
        if (key.Length == 0 || !_flags.TryGetValue(flagKey, out var flags))
        {
            flags = RiskAssessor.Flags(RiskAssessor.Assess(Knowledge, platform, verdict.Model, verdict.Firmware, UseOf(device.SystemId)));
            if (key.Length > 0)
            {
                _flags[flagKey] = flags;
            }
        }
        return new DeviceIdentity
        {
            DeviceId = device.Id,
            Platform = platform?.Id,
            Confidence = overridden ? 1 : verdict.PlatformConfidence,
            Brand = verdict.Brand,
            DeviceClass = verdict.DeviceClass,
            WhiteLabel = whiteLabel,
            Flags = flags,
            Overridden = overridden,
            Knowledge = Knowledge.Version,
        };
    }

    /// <summary>
    /// Whether two versions of a device get the same identity: they agree in everything <see cref="Identify"/> reads
    /// from the device (overrides and stored observations are the register's, the same for both).
    /// </summary>
    public static bool IdentifiesAlike(Device a, Device b) =>
        a.BrandAsSold == b.BrandAsSold && a.Model == b.Model && a.Firmware == b.Firmware && a.Serial == b.Serial
        && a.MacAddress == b.MacAddress && a.SystemId == b.SystemId;

    /// <summary>The observations scans stored for some devices, by device.</summary>
    public static async Task<Dictionary<int, List<Observation>>> StoredAsync(RegisterDb db, IQueryable<StoredObservation> which, CancellationToken cancel) =>
        (await which.AsNoTracking().OrderBy(o => o.Id).ToListAsync(cancel))
            .GroupBy(o => o.DeviceId)
            .ToDictionary(g => g.Key, g => g.Select(o => o.ToObservation()).ToList());

    /// <summary>The observations scans stored for one device.</summary>
    public static async Task<IReadOnlyList<Observation>> StoredAsync(RegisterDb db, int deviceId, CancellationToken cancel) =>
        (await StoredAsync(db, db.Observations.Where(o => o.DeviceId == deviceId), cancel)).GetValueOrDefault(deviceId) ?? [];

    /// <summary>Everything that can change a register entry's verdict, as one string.</summary>
    private string Key(Device device)
    {
        _key.Clear().Append(device.BrandAsSold).Append('\u0001').Append(device.Model).Append('\u0001').Append(device.Firmware).Append('\u0001');
        if (device.MacAddress is { } mac && NetworkAddress.NormaliseMac(mac) is { } canonical)
        {
            _key.Append(NetworkAddress.IsLocallyAdministered(canonical)
                ? "local"
                : Knowledge.FindOui(canonical.Replace(":", "", StringComparison.Ordinal))?.Prefix ?? "none");
        }
        _key.Append('\u0001');
        if (device.Serial is { } serial)
        {
            var claims = new List<Claim>();
            foreach (var rule in Knowledge.RulesFor(ObservationKinds.RegisterSerial))
            {
                rule.Apply(serial, 0, "", claims);
            }
            foreach (var claim in claims)
            {
                _key.Append(claim.Rule).Append('=').Append(claim.Value).Append(';');
            }
        }
        return _key.ToString();
    }
}
