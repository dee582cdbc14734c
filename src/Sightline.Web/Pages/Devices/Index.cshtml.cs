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

    /// <summary>
    /// Counting stops here unless the user asks for the exact number (<see cref="CountAll"/>): counting past it
    /// would cost every page of a large register more than finding its rows.
    /// </summary>
    public const int CountLimit = 1_000;

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
    [BindProperty(SupportsGet = true)] public bool CountAll { get; set; }

    public IReadOnlyList<string> SystemNames { get; private set; } = [];

    public IReadOnlyList<string> SiteNames { get; private set; } = [];

    public IReadOnlyList<Maker> Makers { get; private set; } = [];

    public string? Problem { get; private set; }

    public int Total { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int? NextAfter { get; private set; }

    public async Task OnGetAsync(CancellationToken cancel)
    {
        // Every system and site, for the filter's lists and the rows' names (the page's query then needs no join for them).
        var systems = await db.Systems.OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancel);
        var sites = await db.Sites.OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancel);
        SystemNames = systems.ConvertAll(s => s.Name);
        SiteNames = sites.ConvertAll(s => s.Name);
        Makers = knowledge.Makers.Values.Where(m => m.Surveillance).OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var filter = new DeviceFilter
        {
            System = System, Site = Site, Brand = Brand, Maker = Maker, Kind = Kind, Status = Status, WhiteLabel = WhiteLabel,
            Flagged = string.IsNullOrEmpty(Flagged) ? null : Flagged == "any" ? "" : Flagged,
        };
        var (query, counted, error) = await filter.ApplyAsync(db, () => knowledge, cancel);
        if (query is null)
        {
            Problem = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Total = CountAll ? await counted!.CountAsync(cancel) : await counted!.Take(CountLimit + 1).CountAsync(cancel);
        var descending = Sort == "-id";
        if (After is { } after)
        {
            query = descending ? query.Where(d => d.Id < after) : query.Where(d => d.Id > after);
        }
        query = descending ? query.OrderByDescending(d => d.Id) : query.OrderBy(d => d.Id);
        // One query for the page: the devices' own columns with their verdicts.
        var found = query.Take(PageSize + 1).LeftJoin(db.Identities, d => d.Id, i => i.DeviceId, (d, i) => new
        {
            d.Id, d.AssetId, d.Kind, d.BrandAsSold, d.Model, d.IpAddress, d.SystemId, d.SiteId, d.Status, Identity = i,
        });
        var page = await (descending ? found.OrderByDescending(d => d.Id) : found.OrderBy(d => d.Id)).ToListAsync(cancel);
        if (page.Count > PageSize)
        {
            page.RemoveAt(PageSize);
            NextAfter = page[^1].Id;
        }
        // A system or site added since the lists were read (by an import running meanwhile) is named on the next page view.
        var systemName = systems.ToDictionary(s => s.Id, s => s.Name);
        var siteName = sites.ToDictionary(s => s.Id, s => s.Name);
        Rows = page.ConvertAll(d => new Row(d.Id, d.AssetId, Words.Of(d.Kind), d.BrandAsSold, d.Model, d.IpAddress,
            systemName.GetValueOrDefault(d.SystemId ?? 0), siteName.GetValueOrDefault(d.SiteId ?? 0),
            Words.Of(d.Status), PlatformText(d.Identity), FlagsText(d.Identity)));
    }

    /// <summary>Whether the count stopped at <see cref="CountLimit"/>.</summary>
    public bool CountStopped => !CountAll && Total > CountLimit;

    /// <summary>This list's address with another page cursor.</summary>
    public string PageLink(int? after) => Link("after", after?.ToString(CultureInfo.InvariantCulture));

    /// <summary>This list's address asking for the exact count.</summary>
    public string CountAllLink() => Link("countAll", "true");

    // This list's address with NAME set to VALUE, or left out when VALUE is null.
    private string Link(string name, string? value)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in Request.Query)
        {
            if (!string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                foreach (var v in values)
                {
                    query.Add(key, v ?? "");
                }
            }
        }
        if (value is not null)
        {
            query.Add(name, value);
        }
        return "/Devices" + query.ToQueryString();
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
