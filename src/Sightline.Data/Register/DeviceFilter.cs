using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sightline.Knowledge;
using Sightline.Register;
using Sightline.Risk;

namespace Sightline.Data.Register;

/// <summary>
/// Which devices a list shows, as users name them (system and site by name, brand as sold, platform maker by id or
/// name, kind, status, flagged dimension, white label). Shared by `devices list` and the web register so both
/// filter alike. The maker and the flags use the stored verdict, not the label. <see cref="Search"/> is the search box's rule.
/// </summary>
public sealed record DeviceFilter
{
    public string? System { get; init; }

    public string? Site { get; init; }

    public string? Brand { get; init; }

    /// <summary>A maker id or name: devices made by it or a company it owns; "unknown": devices whose platform maker is not known.</summary>
    public string? Maker { get; init; }

    public string? Kind { get; init; }

    public string? Status { get; init; }

    /// <summary>"" for a risk in any dimension, or human-rights, security or cyber; null for no filter.</summary>
    public string? Flagged { get; init; }

    public bool WhiteLabel { get; init; }

    /// <summary>
    /// Text to find (see <see cref="DeviceSearch"/>): the asset id, serial, IP or MAC exactly, or part of the model or site name.
    /// </summary>
    public string? Search { get; init; }

    /// <summary>
    /// The devices this filter keeps (see <see cref="FilteredDevices"/>), or a message saying which value is not known. The knowledge is asked for
    /// only when a maker is named. The same devices come twice: <c>Devices</c>, best for a page in ID order, tests
    /// devices one by one for the maker; <c>Counted</c>, best for counting them, joins the maker's identities instead,
    /// so a count starts from the identities' platform index and reaches its limit after as many index entries.
    /// </summary>
    public async Task<(FilteredDevices? Found, string? Error)> ApplyAsync(RegisterDb db, Func<KnowledgeBase> knowledge,
        CancellationToken cancel)
    {
        var query = db.Devices.AsNoTracking();
        if (Empty(Kind) is { } kindText)
        {
            if (Words.Parse<DeviceKind>(kindText) is not { } k)
            {
                return (null, $"unknown kind '{kindText}'; use one of {Words.List<DeviceKind>()}");
            }
            query = query.Where(d => d.Kind == k);
        }
        if (Empty(Status) is { } statusText)
        {
            if (Words.Parse<DeviceStatus>(statusText) is not { } s)
            {
                return (null, $"unknown status '{statusText}'; use one of {Words.List<DeviceStatus>()}");
            }
            query = query.Where(d => d.Status == s);
        }
        if (Empty(Brand) is { } brandText)
        {
            var lower = brandText.ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower() on both providers; string.Equals with a comparison it cannot.
            query = query.Where(d => d.BrandAsSold!.ToLower() == lower);
#pragma warning restore CA1862
        }
        if (Empty(System) is { } systemName)
        {
            var id = await db.Systems.Where(s => s.Name == systemName).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancel);
            if (id is null)
            {
                return (null, $"there is no system named '{systemName}'");
            }
            query = query.Where(d => d.SystemId == id);
        }
        if (Empty(Site) is { } siteName)
        {
            var id = await db.Sites.Where(s => s.Name == siteName).Select(s => (int?)s.Id).SingleOrDefaultAsync(cancel);
            if (id is null)
            {
                return (null, $"there is no site named '{siteName}'");
            }
            query = query.Where(d => d.SiteId == id);
        }
        var search = Empty(Search) is { } text ? await DeviceSearch.MatchAsync(db, text, cancel) : null;
        var identities = db.Identities.AsNoTracking();
        IQueryable<Device>? counted = null;
        if (Empty(Maker) is { } unknown && string.Equals(unknown.Trim(), MakerTally.Unknown, StringComparison.OrdinalIgnoreCase))
        {
            // Devices no evidence identified (no stored identity, or one without a platform): counted on charts, so listable.
            query = query.Where(d => !identities.Any(i => i.DeviceId == d.Id && i.Platform != null));
        }
        else if (Empty(Maker) is { } makerName)
        {
            var known = knowledge();
            if (known.FindMaker(makerName) is not { } found)
            {
                return (null, $"'{makerName}' is not a maker Sightline knows; see `sightline kb list makers` (or use '{MakerTally.Unknown}')");
            }
            var ids = known.Makers.Values.Where(m => m.Chain().Contains(found)).Select(m => m.Id).ToList();
            // Maker ids come from the knowledge, never from the request, so inlining them as constants is safe; it spares
            // SQLite a json_each() over a parameter for every row it tests.
            var platforms = identities.Where(i => EF.Constant(ids).Contains(i.Platform!));
            // To count, with no filter on the devices' own columns, the identities alone answer (one per device, and
            // devices are never deleted): an index-only scan, no device is read.
            var byVerdictOnly = string.IsNullOrWhiteSpace(System + Site + Brand + Kind + Status + Search);
            counted = byVerdictOnly ? platforms.Select(i => new Device { Id = i.DeviceId }) : query.Join(platforms, d => d.Id, i => i.DeviceId, (d, _) => d);
            query = query.Where(d => platforms.Any(i => i.DeviceId == d.Id));
        }
        if (Flagged is not null)
        {
            var mask = RiskDimension.HumanRights | RiskDimension.SecurityTrust | RiskDimension.CyberHygiene;
            if (Flagged.Length > 0 && (mask = RiskAssessor.Parse(Flagged) ?? RiskDimension.None) == RiskDimension.None)
            {
                return (null, $"unknown dimension '{Flagged}'; use human-rights, security or cyber");
            }
            Expression<Func<Device, bool>> flagged = d => identities.Any(i => i.DeviceId == d.Id && (i.Flags & mask) != RiskDimension.None);
            (query, counted) = (query.Where(flagged), counted?.Where(flagged));
        }
        if (WhiteLabel)
        {
            Expression<Func<Device, bool>> whiteLabel = d => identities.Any(i => i.DeviceId == d.Id && i.WhiteLabel);
            (query, counted) = (query.Where(whiteLabel), counted?.Where(whiteLabel));
        }
        if (search is null)
        {
            return (new FilteredDevices(query, counted ?? query, []), null);
        }
        // The search comes last so that each branch carries every other condition.
        var branches = search.Branches.Select(b => query.Where(b)).ToList();
        query = query.Where(search.Any);
        return (new FilteredDevices(query, counted?.Where(search.Any) ?? query, branches), null);
    }

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
