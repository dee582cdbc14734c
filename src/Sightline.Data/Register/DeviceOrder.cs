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
            "id" => PageAsync(db, devices, d => d.Select(d => new Keyed<int> { Device = d }), keyed: false, after, before, take, cancel),
            "asset" => PageAsync(db, devices, d => d.Select(d => new Keyed<string?> { Device = d, Key = d.AssetId }), keyed: true, after, before, take, cancel),
            "brand" => PageAsync(db, devices, d => d.Select(d => new Keyed<string?> { Device = d, Key = d.BrandAsSold }), keyed: true, after, before, take, cancel),
            "model" => PageAsync(db, devices, d => d.Select(d => new Keyed<string?> { Device = d, Key = d.Model }), keyed: true, after, before, take, cancel),
            "ip" => PageAsync(db, devices, d => d.Select(d => new Keyed<string?> { Device = d, Key = d.IpAddress }), keyed: true, after, before, take, cancel),
            "kind" => PageAsync(db, devices, d => d.Select(Rank<DeviceKind>(d => d.Kind)), keyed: true, after, before, take, cancel),
            "status" => PageAsync(db, devices, d => d.Select(Rank<DeviceStatus>(d => d.Status)), keyed: true, after, before, take, cancel),
            // Names and verdicts kept in other tables are joined, not looked up row by row: PostgreSQL then reads the
            // names in order and each one's devices off the (column, id) index, instead of every device's name first.
            "system" => PageAsync(db, devices,
                d => d.LeftJoin(db.Systems, d => d.SystemId, s => s.Id, (d, s) => new Keyed<string?> { Device = d, Key = s == null ? null : s.Name }),
                keyed: true, after, before, take, cancel),
            "site" => PageAsync(db, devices,
                d => d.LeftJoin(db.Sites, d => d.SiteId, s => s.Id, (d, s) => new Keyed<string?> { Device = d, Key = s == null ? null : s.Name }),
                keyed: true, after, before, take, cancel),
            // By the platform maker's id (a lower-case name), the stored verdict's.
            "maker" => PageAsync(db, devices,
                d => d.LeftJoin(db.Identities, d => d.Id, i => i.DeviceId, (d, i) => new Keyed<string?> { Device = d, Key = i == null ? null : i.Platform }),
                keyed: true, after, before, take, cancel),
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
    // from the cursor's part. Reading before a cursor is reading after it in the reverse order, then turning the rows
    // round. KEYING pairs each device with its sort key; without KEYED the order is by ID alone.
    private async Task<List<Device>?> PageAsync<TKey>(RegisterDb db, IQueryable<Device> devices,
        Func<IQueryable<Device>, IQueryable<Keyed<TKey>>> keying, bool keyed, int? after, int? before, int take, CancellationToken cancel)
    {
        var reverse = before is not null;
        var descending = Descending ^ reverse;
        var cursorId = before ?? after;
        Cursor<TKey>? cursor = null;
        if (cursorId is { } id)
        {
            var values = await keying(db.Devices.Where(d => d.Id == id)).Select(k => k.Key).ToListAsync(cancel);
            if (values.Count == 0)
            {
                return null;
            }
            cursor = new Cursor<TKey>(values[0], id);
        }
        // The parts in reading order: those with a value and those without (a key of a value type always has one).
        var nullable = keyed && (!typeof(TKey).IsValueType || Nullable.GetUnderlyingType(typeof(TKey)) is not null);
        bool[] parts = !nullable ? [true] : descending ? [false, true] : [true, false];
        var cursorPart = cursor is null ? 0 : Array.IndexOf(parts, !nullable || cursor.Value is not null);
        var page = new List<Device>();
        for (var i = cursorPart; i < parts.Length && page.Count < take; i++)
        {
            var valued = parts[i];
            var query = keying(devices);
            if (nullable)
            {
                query = valued ? query.Where(k => k.Key != null) : query.Where(k => k.Key == null);
            }
            var byKey = keyed && valued;
            if (cursor is not null && i == cursorPart)
            {
                query = query.Where(Beyond(byKey, cursor, descending));
            }
            page.AddRange(await Order(query, byKey, descending).Take(take - page.Count).Select(k => k.Device).ToListAsync(cancel));
        }
        if (reverse)
        {
            page.Reverse();
        }
        return page;
    }

    private static IQueryable<Keyed<TKey>> Order<TKey>(IQueryable<Keyed<TKey>> query, bool byKey, bool descending)
    {
        if (!byKey)
        {
            return descending ? query.OrderByDescending(k => k.Device.Id) : query.OrderBy(k => k.Device.Id);
        }
        return descending
            ? query.OrderByDescending(k => k.Key).ThenByDescending(k => k.Device.Id)
            : query.OrderBy(k => k.Key).ThenBy(k => k.Device.Id);
    }

    // The rows after the cursor within its part: (key, id) beyond (value, id), written as "key at or beyond the value,
    // and beyond it or with a later id" so that an index on the key serves it as a range. Without the key, by id alone.
    private static Expression<Func<Keyed<TKey>, bool>> Beyond<TKey>(bool byKey, Cursor<TKey> cursor, bool descending)
    {
        var keyed = Expression.Parameter(typeof(Keyed<TKey>), "k");
        var id = Expression.Property(Expression.Property(keyed, nameof(Keyed<TKey>.Device)), nameof(Device.Id));
        var cursorId = Expression.Property(Expression.Constant(cursor), nameof(Cursor<TKey>.Id));
        Expression laterId = descending ? Expression.LessThan(id, cursorId) : Expression.GreaterThan(id, cursorId);
        if (!byKey)
        {
            return Expression.Lambda<Func<Keyed<TKey>, bool>>(laterId, keyed);
        }
        var value = Expression.Property(Expression.Constant(cursor), nameof(Cursor<TKey>.Value));
        var key = Expression.Property(keyed, nameof(Keyed<TKey>.Key));
        Expression Compare(ExpressionType type) => typeof(TKey) == typeof(string)
            ? Expression.MakeBinary(type, Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, key, value), Expression.Constant(0))
            : Expression.MakeBinary(type, key, value);
        var atOrBeyond = Compare(descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual);
        var beyond = Compare(descending ? ExpressionType.LessThan : ExpressionType.GreaterThan);
        return Expression.Lambda<Func<Keyed<TKey>, bool>>(Expression.AndAlso(atOrBeyond, Expression.OrElse(beyond, laterId)), keyed);
    }

    // A word column (kind, status) sorts by its word, as a user reads it; the rank of each word, as one CASE.
    private static Expression<Func<Device, Keyed<int>>> Rank<TEnum>(Expression<Func<Device, TEnum>> column) where TEnum : struct, Enum
    {
        var words = Enum.GetValues<TEnum>().OrderBy(v => Words.Of(v), StringComparer.Ordinal).ToList();
        Expression rank = Expression.Constant(words.Count);
        for (var i = words.Count - 1; i >= 0; i--)
        {
            rank = Expression.Condition(Expression.Equal(column.Body, Expression.Constant(words[i])), Expression.Constant(i), rank);
        }
        var keyed = Expression.MemberInit(Expression.New(typeof(Keyed<int>)),
            Expression.Bind(typeof(Keyed<int>).GetProperty(nameof(Keyed<int>.Device))!, column.Parameters[0]),
            Expression.Bind(typeof(Keyed<int>).GetProperty(nameof(Keyed<int>.Key))!, rank));
        return Expression.Lambda<Func<Device, Keyed<int>>>(keyed, column.Parameters);
    }

    // A device with the value it sorts by. A class with setters, as EF composes queries over member initialisers.
    private sealed class Keyed<TKey>
    {
        public required Device Device { get; init; }
        public TKey Key { get; init; } = default!;
    }

    // Held as an object so that EF sends the cursor's value and ID as parameters.
    private sealed record Cursor<TKey>(TKey Value, int Id);
}
