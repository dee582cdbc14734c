using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Sightline.Register;

namespace Sightline.Data.Register;

/// <summary>
/// The search box's rule, for the web and `devices list --search`. A device matches when its asset id or serial is the
/// text (as typed, or in capitals), its IP or MAC is the text's address (normalised as the register stores them, so a
/// MAC matches with colons, dashes, dots or none), or its model or site name contains the text, ignoring case.
/// Every alternative is an index lookup, so a search costs the same on a million devices as on a hundred: the models
/// and sites that contain the text are found first among the distinct names (a few hundred), then looked up by index.
/// </summary>
internal static class DeviceSearch
{
    // Past this many model and site names, they are looked up together rather than one branch each.
    private const int MostNamedBranches = 8;

    public static async Task<SearchMatch> MatchAsync(RegisterDb db, string text, CancellationToken cancel)
    {
        text = text.Trim();
        var upper = text.ToUpperInvariant();
        var matches = new List<Expression<Func<Device, bool>>>
        {
            d => d.AssetId == text || d.AssetId == upper,
            d => d.Serial == text || d.Serial == upper,
        };
        if (NetworkAddress.NormaliseIp(text) is { } ip)
        {
            matches.Add(d => d.IpAddress == ip);
        }
        if (NetworkAddress.NormaliseMac(text) is { } mac)
        {
            matches.Add(d => d.MacAddress == mac);
        }
        var sites = (await db.Sites.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(cancel))
            .Where(s => s.Name.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(s => (int?)s.Id).ToList();
        var models = (await DistinctModelsAsync(db, cancel)).Where(m => m.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
        // One branch per name, while there are few: each is then one range of an index in ID order (see SearchMatch).
        if (sites.Count + models.Count <= MostNamedBranches)
        {
            matches.AddRange(sites.Select(id => (Expression<Func<Device, bool>>)(d => d.SiteId == id)));
            matches.AddRange(models.Select(model => (Expression<Func<Device, bool>>)(d => d.Model == model)));
        }
        else
        {
            if (sites.Count > 0)
            {
                matches.Add(d => sites.Contains(d.SiteId));
            }
            if (models.Count > 0)
            {
                matches.Add(d => models.Contains(d.Model!));
            }
        }
        var any = matches.Aggregate((a, b) => Expression.Lambda<Func<Device, bool>>(
            Expression.OrElse(a.Body, ReplacingExpressionVisitor.Replace(b.Parameters[0], a.Parameters[0], b.Body)), a.Parameters));
        return new SearchMatch(any, matches);
    }

    // Walks the model index from one distinct value to the next (a "loose index scan"): one index seek per model
    // rather than a read of every device. Both providers run this SQL as written.
    private static async Task<List<string>> DistinctModelsAsync(RegisterDb db, CancellationToken cancel)
    {
        var entity = db.Model.FindEntityType(typeof(Device))!;
        var table = entity.GetTableName();
        var model = entity.FindProperty(nameof(Device.Model))!.GetColumnName();
        // Names from our own model, never from input.
#pragma warning disable EF1002
        return await db.Database.SqlQueryRaw<string>(
            $"""
            WITH RECURSIVE m(v) AS (
                SELECT min("{model}") FROM "{table}"
                UNION ALL
                SELECT (SELECT min("{model}") FROM "{table}" WHERE "{model}" > m.v) FROM m WHERE m.v IS NOT NULL)
            SELECT v AS "Value" FROM m WHERE v IS NOT NULL
            """).ToListAsync(cancel);
#pragma warning restore EF1002
    }
}
