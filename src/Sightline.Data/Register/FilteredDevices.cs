using Microsoft.EntityFrameworkCore;
using Sightline.Register;

namespace Sightline.Data.Register;

/// <summary>
/// The devices a <see cref="DeviceFilter"/> keeps, three ways: <see cref="Devices"/> for a page, <see cref="Counted"/>
/// for counting them (see <see cref="DeviceFilter.ApplyAsync"/>), and, for a search, <see cref="Branches"/>: the same
/// devices as one query per way of matching, which <see cref="DeviceOrder.PageAsync"/> merges (empty without a search).
/// </summary>
public sealed record FilteredDevices(IQueryable<Device> Devices, IQueryable<Device> Counted, IReadOnlyList<IQueryable<Device>> Branches)
{
    /// <summary>
    /// How many devices there are, or <paramref name="most"/> if there are at least that many. A search counts the
    /// first IDs of each branch, each read off one index, instead of testing devices one by one against every branch.
    /// </summary>
    public async Task<int> CountAsync(int? most, CancellationToken cancel)
    {
        if (most is not { } limit)
        {
            return await Counted.CountAsync(cancel);
        }
        if (Branches.Count < 2)
        {
            return await Counted.Take(limit).CountAsync(cancel);
        }
        // Each branch gives at most the limit, off its own index; their union (a device two branches match counts once)
        // has the limit or fewer, and fewer only if every branch was read whole. One statement for all of them.
        return await Branches.Select(branch => branch.Select(d => d.Id).Take(limit)).Aggregate(Queryable.Union).Take(limit).CountAsync(cancel);
    }
}
