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
/// The device list: filtered and searched like `devices list`, sorted by any of its columns (ties by ID) and paged by
/// keyset (the device after or before which a page starts), so that every page costs index seeks however large the
/// register is. The list's own query string also names its CSV and JSON export.
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

    /// <summary>The columns shown, with the sort each heading's link asks for (null: not sortable).</summary>
    public static IReadOnlyList<(string Heading, string? Sort)> Headings { get; } =
    [
        ("ID", "id"), ("Asset", "asset"), ("Kind", "kind"), ("Brand as sold", "brand"), ("Model", "model"), ("IP", "ip"),
        ("System", "system"), ("Site", "site"), ("Status", "status"), ("Platform maker", "maker"), ("Flags", null),
    ];

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
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
    [BindProperty(SupportsGet = true)] public int? Before { get; set; }

    /// <summary>The position of the page's first row, carried by the paging links (a keyset cursor has no offset).</summary>
    [BindProperty(SupportsGet = true)] public int? At { get; set; }

    [BindProperty(SupportsGet = true)] public bool CountAll { get; set; }

    public IReadOnlyList<string> SystemNames { get; private set; } = [];

    public IReadOnlyList<string> SiteNames { get; private set; } = [];

    public IReadOnlyList<Maker> Makers { get; private set; } = [];

    public string? Problem { get; private set; }

    public int Total { get; private set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public DeviceOrder Order { get; private set; } = DeviceOrder.ById;

    /// <summary>The position of the first row shown (1 on the first page).</summary>
    public int First { get; private set; } = 1;

    public int? NextAfter { get; private set; }

    public int? PreviousBefore { get; private set; }

    public async Task OnGetAsync(CancellationToken cancel)
    {
        // Every system and site, for the filter's lists and the rows' names (the page's query then needs no join for them).
        var systems = await db.Systems.OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancel);
        var sites = await db.Sites.OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(cancel);
        SystemNames = systems.ConvertAll(s => s.Name);
        SiteNames = sites.ConvertAll(s => s.Name);
        Makers = knowledge.Makers.Values.Where(m => m.Surveillance).OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList();
        var (order, sortError) = DeviceOrder.Parse(Sort);
        var (filter, filterError) = FilterFrom(Request.Query);
        var (found, error) = order is null ? (null, sortError)
            : filter is null ? (null, filterError)
            : await filter.ApplyAsync(db, () => knowledge, cancel);
        if (found is null)
        {
            Fail(error!);
            return;
        }
        Order = order!;
        Total = await found.CountAsync(CountAll ? null : CountLimit + 1, cancel);
        var page = await Order.PageAsync(db, found, After, Before, PageSize + 1, cancel);
        if (page is null)
        {
            Fail($"there is no device with ID {Before ?? After} to page from");
            return;
        }
        First = Math.Clamp(At ?? 1, 1, int.MaxValue / 2); // a hint from a link; bounded so the last row's position cannot overflow
        if (Before is not null)
        {
            // The rows just before the cursor: one more than a page means there are more before them.
            if (page.Count > PageSize)
            {
                page.RemoveAt(0);
                PreviousBefore = page[0].Id;
            }
            else
            {
                First = 1; // the start of the list, wherever the link thought it was
            }
            NextAfter = page.Count > 0 ? page[^1].Id : null;
        }
        else
        {
            if (page.Count > PageSize)
            {
                page.RemoveAt(PageSize);
                NextAfter = page[^1].Id;
            }
            PreviousBefore = After is not null && page.Count > 0 ? page[0].Id : null;
            First = After is null ? 1 : First;
        }
        var shown = page.ConvertAll(d => d.Id);
        var identities = await db.Identities.AsNoTracking().Where(i => shown.Contains(i.DeviceId)).ToDictionaryAsync(i => i.DeviceId, cancel);
        // A system or site added since the lists were read (by an import running meanwhile) is named on the next page view.
        var systemName = systems.ToDictionary(s => s.Id, s => s.Name);
        var siteName = sites.ToDictionary(s => s.Id, s => s.Name);
        Rows = page.ConvertAll(d => new Row(d.Id, d.AssetId, Words.Of(d.Kind), d.BrandAsSold, d.Model, d.IpAddress,
            systemName.GetValueOrDefault(d.SystemId ?? 0), siteName.GetValueOrDefault(d.SiteId ?? 0),
            Words.Of(d.Status), PlatformText(identities.GetValueOrDefault(d.Id)), FlagsText(identities.GetValueOrDefault(d.Id))));
    }

    /// <summary>
    /// The filter a list's query string names (q, system, site, brand, maker, kind, status, flagged, whiteLabel), or what
    /// is wrong with it: the list and its exports (<c>/exports/devices.csv?…</c>) read it alike.
    /// </summary>
    public static (DeviceFilter? Filter, string? Error) FilterFrom(IQueryCollection query)
    {
        string? Value(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrEmpty(v.ToString()) ? v.ToString() : null;
        var whiteLabel = false;
        if (Value("whiteLabel") is { } text && !bool.TryParse(text, out whiteLabel))
        {
            return (null, $"whiteLabel must be true or false, not '{text}'");
        }
        var flagged = Value("flagged");
        return (new DeviceFilter
        {
            Search = Value("q"), System = Value("system"), Site = Value("site"), Brand = Value("brand"), Maker = Value("maker"),
            Kind = Value("kind"), Status = Value("status"), WhiteLabel = whiteLabel,
            Flagged = flagged is null ? null : flagged == "any" ? "" : flagged,
        }, null);
    }

    private void Fail(string message)
    {
        Problem = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    /// <summary>Whether the count stopped at <see cref="CountLimit"/>.</summary>
    public bool CountStopped => !CountAll && Total > CountLimit;

    /// <summary>The position of the last row shown.</summary>
    public int Last => First + Rows.Count - 1;

    /// <summary>"Devices 51–100 of 1,234"; past the count's limit, "of more than" what is known.</summary>
    public string Position => Rows.Count == 0 ? "No devices match."
        : CountStopped ? $"Devices {First:N0}–{Last:N0} of more than {Math.Max(CountLimit, Last):N0}."
        : $"Devices {First:N0}–{Last:N0} of {Math.Max(Total, Last):N0}.";

    /// <summary>The next page's address.</summary>
    public string NextLink(int after) => Link(Paging, ("after", Number(after)), ("at", Number(Last + 1)));

    /// <summary>The previous page's address.</summary>
    public string PreviousLink(int before) => Link(Paging, ("before", Number(before)), ("at", Number(Math.Max(1, First - PageSize))));

    /// <summary>The first page's address.</summary>
    public string FirstLink() => Link(Paging);

    /// <summary>This list's address asking for the exact count.</summary>
    public string CountAllLink() => Link(["countAll"], ("countAll", "true"));

    /// <summary>The list sorted by COLUMN: ascending, or descending when it is already sorted so ascending.</summary>
    public string SortLink(string column) =>
        Link([.. Paging, "sort"], ("sort", Order.Column == column && !Order.Descending ? "-" + column : column));

    /// <summary>aria-sort for a heading: "ascending" or "descending" on the sorted column, else null (left out).</summary>
    public string? AriaSort(string? column) => column == Order.Column ? Order.Descending ? "descending" : "ascending" : null;

    /// <summary>This list (every page of it, in ID order) as a file: FORMAT is csv or json.</summary>
    public string ExportLink(string format) => Link([.. Paging, "countAll", "sort"], "/exports/devices." + format);

    private static readonly string[] Paging = ["after", "before", "at"];

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private string Link(string[] without, params (string Name, string Value)[] with) => Link(without, "/Devices", with);

    // PATH with this list's query string, less the parameters named in WITHOUT, plus those in WITH.
    private string Link(string[] without, string path, params (string Name, string Value)[] with)
    {
        var query = new QueryBuilder();
        foreach (var (key, values) in Request.Query)
        {
            if (!without.Contains(key, StringComparer.OrdinalIgnoreCase) && !with.Any(w => string.Equals(w.Name, key, StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var v in values)
                {
                    query.Add(key, v ?? "");
                }
            }
        }
        foreach (var (name, value) in with)
        {
            query.Add(name, value);
        }
        return path + query.ToQueryString();
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
