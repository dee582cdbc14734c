using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Audit;
using Sightline.Data.Compliance;
using Sightline.Publishing;
using Sightline.Register;

namespace Sightline.Data.Publishing;

/// <summary>
/// Deciding what may be published (`sightline publish`, the system page's form): per system and per device, the location's
/// precision and the fields withheld, each restriction with its exemption and review day; and the public site's settings.
/// Every change is one audited <see cref="RegisterWrite"/>; a refusal is a <see cref="RegisterException"/> in one line.
/// </summary>
public static class PublicationRules
{
    /// <summary>The fields a device's rule may withhold (a system's rule may withhold these too, for all its devices).</summary>
    public static readonly IReadOnlyList<PublicField> DeviceFields =
        [PublicField.Maker, PublicField.Brand, PublicField.Capabilities, PublicField.Direction, PublicField.Device];

    /// <summary>The word that drops a device's own location level, so its system's applies.</summary>
    public const string Inherit = "inherit";

    /// <summary>The fields a rule withholds.</summary>
    public static IReadOnlyList<PublicField> WithheldOf(PublicationRule? rule) =>
        rule is null || rule.Withheld.Length == 0 ? [] : [.. rule.Withheld.Split(';').Select(w => Words.Parse<PublicField>(w)).OfType<PublicField>()];

    /// <summary>Whether a rule holds anything back (and so needs a basis and a review day).</summary>
    public static bool Restricts(PublicationRule rule) => rule.Location is { } level && level != LocationLevel.Exact || rule.Withheld.Length > 0;

    /// <summary>A system by id or name, or a device by asset id or "#ID"; a <see cref="RegisterException"/> when there is none.</summary>
    public static async Task<RuleScope> ScopeAsync(RegisterDb db, string? system, string? device, CancellationToken cancel)
    {
        if ((system is null) == (device is null))
        {
            throw new RegisterException("name one system (--system NAME|ID) or one device (--device ASSET|#ID)");
        }
        if (system is not null)
        {
            var found = await SystemRecords.FindAsync(db, system, cancel) ?? throw new RegisterException($"there is no system '{system}' in the register");
            return new RuleScope(found.Id, null, found.Name);
        }
        var id = device!.StartsWith('#') && int.TryParse(device.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
        var match = await db.Devices.AsNoTracking().Where(d => d.Id == id || d.AssetId == device).Select(d => new { d.Id, d.AssetId }).FirstOrDefaultAsync(cancel)
            ?? throw new RegisterException($"there is no device '{device}' in the register (give its asset id, or #ID)");
        return new RuleScope(null, match.Id, match.AssetId ?? $"#{match.Id}");
    }

    /// <summary>The rule of one system or device (null when it has none).</summary>
    public static Task<PublicationRule?> GetAsync(RegisterDb db, RuleScope scope, CancellationToken cancel) =>
        db.PublicationRules.AsNoTracking()
            .Where(r => scope.SystemId != null ? r.SystemId == scope.SystemId : r.DeviceId == scope.DeviceId)
            .FirstOrDefaultAsync(cancel);

    /// <summary>Every rule, systems first, each with the name of what it is for.</summary>
    public static async Task<IReadOnlyList<(RuleScope Scope, PublicationRule Rule)>> ListAsync(RegisterDb db, CancellationToken cancel)
    {
        var systems = await db.PublicationRules.AsNoTracking().Where(r => r.SystemId != null)
            .Join(db.Systems, r => r.SystemId, s => s.Id, (r, s) => new { Rule = r, s.Name }).OrderBy(x => x.Name).ToListAsync(cancel);
        var devices = await db.PublicationRules.AsNoTracking().Where(r => r.DeviceId != null)
            .Join(db.Devices, r => r.DeviceId, d => d.Id, (r, d) => new { Rule = r, d.AssetId }).OrderBy(x => x.Rule.DeviceId).ToListAsync(cancel);
        return
        [
            .. systems.Select(x => (new RuleScope(x.Rule.SystemId, null, x.Name), x.Rule)),
            .. devices.Select(x => (new RuleScope(null, x.Rule.DeviceId, x.AssetId ?? $"#{x.Rule.DeviceId}"), x.Rule)),
        ];
    }

    /// <summary>Applies <paramref name="input"/> to the rule of <paramref name="scope"/>; whether anything changed.</summary>
    public static async Task<bool> SetAsync(RegisterDb db, TimeProvider time, string actor, RuleScope scope, RuleInput input, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var rule = await db.PublicationRules
            .Where(r => scope.SystemId != null ? r.SystemId == scope.SystemId : r.DeviceId == scope.DeviceId).FirstOrDefaultAsync(cancel);
        var before = rule is null ? null : Snapshot(rule);
        rule ??= new PublicationRule { SystemId = scope.SystemId, DeviceId = scope.DeviceId };
        Apply(rule, scope, input);
        var after = Snapshot(rule);
        if (before == after || (before is null && !Restricts(rule) && rule.Basis is null && rule.Review is null && rule.Location is null))
        {
            return false;
        }
        if (rule.Id == 0)
        {
            db.PublicationRules.Add(rule);
        }
        write.Record(PublicAudit.Set, PublicAudit.Publication, scope.Key, before, after);
        await write.CommitAsync(cancel);
        return true;
    }

    /// <summary>Removes the rule of <paramref name="scope"/>, so everything of it is published again; whether there was one.</summary>
    public static async Task<bool> ClearAsync(RegisterDb db, TimeProvider time, string actor, RuleScope scope, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var rule = await db.PublicationRules
            .Where(r => scope.SystemId != null ? r.SystemId == scope.SystemId : r.DeviceId == scope.DeviceId).FirstOrDefaultAsync(cancel);
        if (rule is null)
        {
            return false;
        }
        db.PublicationRules.Remove(rule);
        write.Record(PublicAudit.Clear, PublicAudit.Publication, scope.Key, Snapshot(rule), null);
        await write.CommitAsync(cancel);
        return true;
    }

    /// <summary>The public site's settings (the defaults when none are stored).</summary>
    public static async Task<PublicSettings> SettingsAsync(RegisterDb db, CancellationToken cancel) =>
        await db.PublicSettings.AsNoTracking().FirstOrDefaultAsync(cancel) ?? new PublicSettings();

    /// <summary>Turns the public site on or off and sets the licence (null leaves each as it is); whether anything changed.</summary>
    public static async Task<bool> SetSettingsAsync(RegisterDb db, TimeProvider time, string actor, bool? enabled, string? licence, string? licenceUrl,
        CancellationToken cancel)
    {
        if (licence is not null && string.IsNullOrWhiteSpace(licence))
        {
            throw new RegisterException("the licence needs a name, e.g. \"Open Government Licence v3.0\"");
        }
        if (licenceUrl is { Length: > 0 } && !(Uri.TryCreate(licenceUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http"))
        {
            throw new RegisterException($"'{licenceUrl}' is not an http(s) address for the licence");
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var settings = await db.PublicSettings.FirstOrDefaultAsync(cancel);
        var before = settings is null ? SettingsSnapshot(new PublicSettings()) : SettingsSnapshot(settings);
        if (settings is null)
        {
            settings = new PublicSettings();
            db.PublicSettings.Add(settings);
        }
        settings.Enabled = enabled ?? settings.Enabled;
        if (licence is not null)
        {
            settings.Licence = licence.Trim();
            // A new licence by name without its address must not keep the old one's address.
            settings.LicenceUrl = licenceUrl is null && settings.Licence != PublicSettings.DefaultLicence ? null : settings.LicenceUrl;
        }
        if (licenceUrl is not null)
        {
            settings.LicenceUrl = licenceUrl.Length == 0 ? null : licenceUrl;
        }
        var after = SettingsSnapshot(settings);
        if (before == after)
        {
            return false;
        }
        write.Record(PublicAudit.Set, PublicAudit.Site, "1", before, after);
        await write.CommitAsync(cancel);
        return true;
    }

    private static void Apply(PublicationRule rule, RuleScope scope, RuleInput input)
    {
        if (input.Location is { } location)
        {
            if (location.Trim() == Inherit)
            {
                rule.Location = null;
            }
            else
            {
                rule.Location = Words.Parse<LocationLevel>(location.Trim())
                    ?? throw new RegisterException($"--location: '{location}' is not one of {Words.List<LocationLevel>()}{(scope.DeviceId is null ? "" : $" or {Inherit}")}");
            }
        }
        var withheld = WithheldOf(rule).ToHashSet();
        foreach (var (words, withhold) in new[] { (input.Withhold, true), (input.Publish, false) })
        {
            foreach (var word in words.SelectMany(w => w.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            {
                var field = Words.Parse<PublicField>(word) ?? throw new RegisterException(
                    $"'{word}' is not a field that can be withheld; the fields are {Words.List<PublicField>()}");
                if (scope.DeviceId is not null && !DeviceFields.Contains(field))
                {
                    throw new RegisterException($"'{word}' is a system's field; a device's rule may withhold {string.Join(", ", DeviceFields.Select(f => Words.Of(f)))}");
                }
                if (withhold)
                {
                    withheld.Add(field);
                }
                else
                {
                    withheld.Remove(field);
                }
            }
        }
        rule.Withheld = string.Join(';', withheld.Order().Select(f => Words.Of(f)));
        if (input.Basis is { } basis)
        {
            rule.Basis = string.IsNullOrWhiteSpace(basis) ? null
                : basis.Trim() is { Length: <= 200 } trimmed ? trimmed : throw new RegisterException("--basis: at most 200 characters");
        }
        if (input.Review is { } review)
        {
            rule.Review = string.IsNullOrWhiteSpace(review) ? null
                : RecordFields.ParseDay(review) ?? throw new RegisterException($"--review: '{review}' is not a date written YYYY-MM-DD");
        }
        if (Restricts(rule) && (rule.Basis is null || rule.Review is null))
        {
            throw new RegisterException("withholding or generalising needs the exemption relied on and a review date, e.g. --basis \"FOIA s.31(1)(a)\" --review 2027-06-01");
        }
    }

    private static string Snapshot(PublicationRule rule) => AuditJson.Of(
        ("location", rule.Location is { } level ? Words.Of(level) : null),
        ("withheld", rule.Withheld),
        ("basis", rule.Basis),
        ("review", rule.Review?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

    private static string SettingsSnapshot(PublicSettings settings) => AuditJson.Of(
        ("enabled", settings.Enabled ? "yes" : "no"), ("licence", settings.Licence), ("licence-url", settings.LicenceUrl));
}
