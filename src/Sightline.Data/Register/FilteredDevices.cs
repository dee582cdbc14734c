namespace Sightline.Data.Register;

/// <summary>
/// The devices a <see cref="DeviceFilter"/> keeps, three ways: <see cref="Devices"/> for a page, <see cref="Counted"/>
/// for counting them (see <see cref="DeviceFilter.ApplyAsync"/>), and, for a search, <see cref="Branches"/>: the same
/// devices as one query per way of matching, which <see cref="DeviceOrder.PageAsync"/> merges (empty without a search).
/// </summary>
public sealed record FilteredDevices(IQueryable<Sightline.Register.Device> Devices, IQueryable<Sightline.Register.Device> Counted,
    IReadOnlyList<IQueryable<Sightline.Register.Device>> Branches);
