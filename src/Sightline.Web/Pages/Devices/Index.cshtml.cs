using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Register;
using Sightline.Identification;
using Sightline.Knowledge;
using Sightline.Register;
using Sightline.Risk;

namespace Sightline.Web.Pages.Devices;

/// <summary>
/// The device list: filtered like `devices list`, ordered by ID and paged by keyset (ID after the last shown), so
/// that every page costs an index seek however large the register is.
/// </summary>
public sealed class IndexModel(RegisterDb db, KnowledgeBase knowledge) : PageModel
{
    public const int PageSize = 50;

    /// <summary>Counting stops here: an exact count of a million filtered rows is not worth its time.</summary>
    public const int CountLimit = 10_000;

    public sealed record Row(int Id, string? AssetId, string Kind, string? Brand, string? Model, string? Ip, string? System,
        string? Site, string Status, string Platform, string Flags);

    [BindProperty(SupportsGet = true)] public string? System { get; set; }
    [BindProperty(SupportsGet = true)] public string? Site { get; set; }
    [BindProperty(SupportsGet = true)] public string? Brand { get; set; }
    [BindProperty(SupportsGet = true)] public string? Maker { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Flagged { get; set; }
    [BindProperty(SupportsGet = true)] public bool WhiteLabel { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true)] public int? After { get; set; }

    public IReadOnlyList<string> SystemNames { get; private set; } = [];

    public IReadOnlyList<string> SiteNames { get; private set; } = [];

    public IReadOnlyList<Maker> Makers { get; private set; } = [];

    public string? Problem { get; private set; }

    public int Total { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int? NextAfter { get; private set; }

    public async Task OnGetAsync(CancellationToken cancel)
    {
        SystemNames = await db.Systems.OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(cancel);
        SiteNames = await db.Sites.OrderBy(s => s.Name).Select(s => s.Name).ToListAsync(cancel);
        Makers = knowledge.Makers.Values.Where(m => m.Surveillance).OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var filter = new DeviceFilter
        {
            System = System, Site = Site, Brand = Brand, Maker = Maker, Kind = Kind, Status = Status, WhiteLabel = WhiteLabel,
            Flagged = string.IsNullOrEmpty(Flagged) ? null : Flagged == "any" ? "" : Flagged,
        };
        var (query, error) = await filter.ApplyAsync(db, () => knowledge, cancel);
        if (query is null)
        {
            Problem = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var (counted, _) = await filter.ApplyAsync(db, () => knowledge, cancel, forCounting: true);
        Total = await counted!.Take(CountLimit + 1).CountAsync(cancel);
        var descending = Sort == "-id";
        if (After is { } after)
        {
            query = descending ? query.Where(d => d.Id < after) : query.Where(d => d.Id > after);
        }
        query = descending ? query.OrderByDescending(d => d.Id) : query.OrderBy(d => d.Id);
        var page = await query.Take(PageSize + 1).ToListAsync(cancel);
        if (page.Count > PageSize)
        {
            page.RemoveAt(PageSize);
            NextAfter = page[^1].Id;
        }
        Rows = await RowsAsync(page, cancel);
    }

    /// <summary>This list's address with another page cursor.</summary>
    public string PageLink(int? after)
    {
        var query = new QueryBuilder();
        foreach (var (key, value) in Request.Query)
        {
            if (!string.Equals(key, "after", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var v in value)
                {
                    query.Add(key, v ?? "");
                }
            }
        }
        if (after is { } a)
        {
            query.Add("after", a.ToString(CultureInfo.InvariantCulture));
        }
        return "/Devices" + query.ToQueryString();
    }

    private async Task<IReadOnlyList<Row>> RowsAsync(List<Device> page, CancellationToken cancel)
    {
        var ids = page.ConvertAll(d => d.Id);
        var identities = await db.Identities.AsNoTracking().Where(i => ids.Contains(i.DeviceId)).ToDictionaryAsync(i => i.DeviceId, cancel);
        var systemIds = page.Select(d => d.SystemId).OfType<int>().Distinct().ToList();
        var siteIds = page.Select(d => d.SiteId).OfType<int>().Distinct().ToList();
        var systems = await db.Systems.Where(s => systemIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
        var sites = await db.Sites.Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
        return page.ConvertAll(d =>
        {
            identities.TryGetValue(d.Id, out var identity);
            return new Row(d.Id, d.AssetId, Words.Of(d.Kind), d.BrandAsSold, d.Model, d.IpAddress,
                d.SystemId is { } sy ? systems[sy] : null, d.SiteId is { } si ? sites[si] : null, Words.Of(d.Status),
                PlatformText(identity), FlagsText(identity));
        });
    }

    private string PlatformText(DeviceIdentity? identity)
    {
        if (identity is null)
        {
            return "not identified";
        }
        if (identity.Platform is not { } platform)
        {
            return identity.DeviceClass is { } c && !DeviceClasses.Surveillance.Contains(c) ? $"({c})" : "unknown";
        }
        var name = knowledge.Makers.TryGetValue(platform, out var maker) ? maker.Name : platform;
        var word = identity.Overridden ? "set by a person" : Identifier.ConfidenceWord(identity.Confidence);
        return $"{name} ({word}){(identity.WhiteLabel ? ", white label?" : "")}";
    }

    private static string FlagsText(DeviceIdentity? identity) => identity is null ? "" : string.Join(", ", new[]
    {
        identity.Flags.HasFlag(RiskDimension.HumanRights) ? "human rights" : null,
        identity.Flags.HasFlag(RiskDimension.SecurityTrust) ? "security" : null,
        identity.Flags.HasFlag(RiskDimension.CyberHygiene) ? "cyber" : null,
    }.OfType<string>());
}
