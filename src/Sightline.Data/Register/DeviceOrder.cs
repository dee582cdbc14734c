using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Sightline.Register;

namespace Sightline.Data.Register;

/// <summary>
/// The order of a device list: one column, ascending or descending, ties broken by ID; devices without a value come
/// after all the others ascending, and first descending (the exact reverse). Pages are read by keyset, after or
/// before a device: the cursor's own value is read back by its ID, so a link carries only the ID, and no row is
/// skipped or repeated from one page to the next.
/// </summary>
public sealed record DeviceOrder(string Column, bool Descending)
{
    /// <summary>The columns a list sorts by, as they appear in the sort parameter (<c>model</c>, <c>-model</c>).</summary>
    public static IReadOnlyList<string> Columns { get; } = ["id", "asset", "kind", "brand", "model", "ip", "system", "site", "status", "maker"];

    /// <summary>The default: by ID, oldest first.</summary>
    public static DeviceOrder ById { get; } = new("id", false);

    /// <summary>This order as the sort parameter says it.</summary>
    public string Text => (Descending ? "-" : "") + Column;

    /// <summary>Reads a sort parameter (a column, with a leading '-' for descending); null or empty means by ID.</summary>
    public static (DeviceOrder? Order, string? Error) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (ById, null);
        }
        var trimmed = text.Trim();
        var descending = trimmed.StartsWith('-');
        var column = (descending ? trimmed[1..] : trimmed).ToLowerInvariant();
        return Columns.Contains(column)
            ? (new DeviceOrder(column, descending), null)
            : (null, $"unknown sort '{text}'; use one of {string.Join(", ", Columns)}, with a leading '-' for descending");
    }

    /// <summary>
    /// Up to <paramref name="take"/> devices of <paramref name="devices"/> in this order: from the start, after the
    /// device <paramref name="after"/>, or, with <paramref name="before"/>, the ones just before it (still in this order).
    /// Null when the cursor names no device.
    /// </summary>
    public Task<List<Device>?> PageAsync(RegisterDb db, IQueryable<Device> devices, int? after, int? before, int take, CancellationToken cancel) =>
        Column switch
        {
            "id" => PageAsync<int>(db, devices, null, after, before, take, cancel),
            "asset" => PageAsync(db, devices, d => d.AssetId, after, before, take, cancel),
            "brand" => PageAsync(db, devices, d => d.BrandAsSold, after, before, take, cancel),
            "model" => PageAsync(db, devices, d => d.Model, after, before, take, cancel),
            "ip" => PageAsync(db, devices, d => d.IpAddress, after, before, take, cancel),
            "kind" => PageAsync(db, devices, Rank<DeviceKind>(d => d.Kind), after, before, take, cancel),
            "status" => PageAsync(db, devices, Rank<DeviceStatus>(d => d.Status), after, before, take, cancel),
            "system" => PageAsync(db, devices, d => db.Systems.Where(s => s.Id == d.SystemId).Select(s => s.Name).FirstOrDefault(), after, before, take, cancel),
            "site" => PageAsync(db, devices, d => db.Sites.Where(s => s.Id == d.SiteId).Select(s => s.Name).FirstOrDefault(), after, before, take, cancel),
            // By the platform maker's id (a lower-case name), the stored verdict's.
            "maker" => PageAsync(db, devices, d => db.Identities.Where(i => i.DeviceId == d.Id).Select(i => i.Platform).FirstOrDefault(), after, before, take, cancel),
            _ => throw new InvalidOperationException($"no sort for '{Column}'"),
        };

    /// <summary>
    /// The same for a filter's devices. In ID order, a search's branches are read a page each and merged (see
    /// <see cref="SearchMatch"/>); in any other order, and without a search, the devices are read as one query.
    /// </summary>
    public async Task<List<Device>?> PageAsync(RegisterDb db, FilteredDevices found, int? after, int? before, int take, CancellationToken cancel)
    {
        if (Column != "id" || found.Branches.Count < 2)
        {
            return await PageAsync(db, found.Devices, after, before, take, cancel);
        }
        var cursorId = before ?? after;
        if (cursorId is { } id && !await db.Devices.AnyAsync(d => d.Id == id, cancel))
        {
            return null;
        }
        // Each branch's first rows beyond the cursor, read together in one statement; the first of their union are the
        // page (its last, before one).
        var descending = Descending ^ (before is not null);
        var pages = found.Branches
            .Select(branch =>
            {
                var beyond = cursorId is { } c ? branch.Where(descending ? d => d.Id < c : d => d.Id > c) : branch;
                return (descending ? beyond.OrderByDescending(d => d.Id) : beyond.OrderBy(d => d.Id)).Take(take);
            })
            .Aggregate(Queryable.Concat);
        var rows = (await pages.ToListAsync(cancel)).DistinctBy(d => d.Id);
        var ordered = Descending ? rows.OrderByDescending(d => d.Id) : rows.OrderBy(d => d.Id);
        return before is null ? ordered.Take(take).ToList() : ordered.TakeLast(take).ToList();
    }

    // The page in this order: the rows with a value, then those without (the other way round descending), continuing
    // from the cursor's part. Reading before a cursor is reading after it in the reverse order, then turning the rows round.
    private async Task<List<Device>?> PageAsync<TKey>(RegisterDb db, IQueryable<Device> devices, Expression<Func<Device, TKey>>? key,
        int? after, int? before, int take, CancellationToken cancel)
    {
        var reverse = before is not null;
        var descending = Descending ^ reverse;
        var cursorId = before ?? after;
        Cursor<TKey>? cursor = null;
        if (cursorId is { } id)
        {
            if (key is null)
            {
                if (!await db.Devices.AnyAsync(d => d.Id == id, cancel))
                {
                    return null;
                }
                cursor = new Cursor<TKey>(default!, id);
            }
            else
            {
                var values = await db.Devices.Where(d => d.Id == id).Select(key).ToListAsync(cancel);
                if (values.Count == 0)
                {
                    return null;
                }
                cursor = new Cursor<TKey>(values[0], id);
            }
        }
        // The parts in reading order: those with a value and those without (a key of a value type always has one).
        var nullable = key is not null && (!typeof(TKey).IsValueType || Nullable.GetUnderlyingType(typeof(TKey)) is not null);
        bool[] parts = !nullable ? [true] : descending ? [false, true] : [true, false];
        var cursorPart = cursor is null ? 0 : Array.IndexOf(parts, !nullable || cursor.Value is not null);
        var page = new List<Device>();
        for (var i = cursorPart; i < parts.Length && page.Count < take; i++)
        {
            var valued = parts[i];
            var query = nullable ? devices.Where(Is(key!, valued)) : devices;
            var partKey = valued ? key : null;
            if (cursor is not null && i == cursorPart)
            {
                query = query.Where(Beyond(partKey, cursor, descending));
            }
            page.AddRange(await Order(query, partKey, descending).Take(take - page.Count).ToListAsync(cancel));
        }
        if (reverse)
        {
            page.Reverse();
        }
        return page;
    }

    private static IQueryable<Device> Order<TKey>(IQueryable<Device> query, Expression<Func<Device, TKey>>? key, bool descending)
    {
        if (key is null)
        {
            return descending ? query.OrderByDescending(d => d.Id) : query.OrderBy(d => d.Id);
        }
        return descending ? query.OrderByDescending(key).ThenByDescending(d => d.Id) : query.OrderBy(key).ThenBy(d => d.Id);
    }

    // KEY is (not) null.
    private static Expression<Func<Device, bool>> Is<TKey>(Expression<Func<Device, TKey>> key, bool valued)
    {
        var isNull = Expression.Equal(key.Body, Expression.Constant(null, typeof(TKey)));
        return Expression.Lambda<Func<Device, bool>>(valued ? Expression.Not(isNull) : isNull, key.Parameters);
    }

    // The rows after the cursor within its part: (key, id) beyond (value, id), written as "key at or beyond the value,
    // and beyond it or with a later id" so that an index on the key serves it as a range. Without a key, by id alone.
    private static Expression<Func<Device, bool>> Beyond<TKey>(Expression<Func<Device, TKey>>? key, Cursor<TKey> cursor, bool descending)
    {
        var device = key?.Parameters[0] ?? Expression.Parameter(typeof(Device), "d");
        var id = Expression.Property(device, nameof(Device.Id));
        var cursorId = Expression.Property(Expression.Constant(cursor), nameof(Cursor<TKey>.Id));
        Expression laterId = descending ? Expression.LessThan(id, cursorId) : Expression.GreaterThan(id, cursorId);
        if (key is null)
        {
            return Expression.Lambda<Func<Device, bool>>(laterId, device);
        }
        var value = Expression.Property(Expression.Constant(cursor), nameof(Cursor<TKey>.Value));
        var body = key.Body;
        Expression Compare(ExpressionType type) => typeof(TKey) == typeof(string)
            ? Expression.MakeBinary(type, Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, body, value), Expression.Constant(0))
            : Expression.MakeBinary(type, body, value);
        var atOrBeyond = Compare(descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual);
        var beyond = Compare(descending ? ExpressionType.LessThan : ExpressionType.GreaterThan);
        return Expression.Lambda<Func<Device, bool>>(Expression.AndAlso(atOrBeyond, Expression.OrElse(beyond, laterId)), device);
    }

    // A word column (kind, status) sorts by its word, as a user reads it; the rank of each word, as one CASE.
    private static Expression<Func<Device, int>> Rank<TEnum>(Expression<Func<Device, TEnum>> column) where TEnum : struct, Enum
    {
        var words = Enum.GetValues<TEnum>().OrderBy(v => Words.Of(v), StringComparer.Ordinal).ToList();
        Expression rank = Expression.Constant(words.Count);
        for (var i = words.Count - 1; i >= 0; i--)
        {
            rank = Expression.Condition(Expression.Equal(column.Body, Expression.Constant(words[i])), Expression.Constant(i), rank);
        }
        return Expression.Lambda<Func<Device, int>>(rank, column.Parameters);
    }

    // Held as an object so that EF sends the cursor's value and ID as parameters.
    private sealed record Cursor<TKey>(TKey Value, int Id);
}
