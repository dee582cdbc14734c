namespace Sightline.Data.Foi;

/// <summary>
/// The answer to "how many cameras made by X — including those sold under other brands — where, installed when, to be
/// replaced when, and your DPIAs", at the released level of detail. <see cref="Total"/> is `devices list --maker X`'s count.
/// </summary>
public sealed record FoiAnswer(
    string Organisation,
    DateOnly Today,
    string Maker,
    string MakerId,
    FoiDetail Detail,
    FoiExemption? Exemption,
    long Total,
    IReadOnlyList<(string Status, long Count)> ByStatus,
    IReadOnlyList<(string SoldAs, bool WhiteLabel, long Count)> ByBrand,
    IReadOnlyList<(int? Year, long Count)> Installed,
    IReadOnlyList<(string Disposition, DateOnly? Target, long Count)> Replacement,
    IReadOnlyList<(string Site, long Count)> Sites,
    IReadOnlyList<FoiDevice> Devices,
    IReadOnlyList<FoiDpia> Dpias);

/// <summary>One device in an answer released at device level.</summary>
public sealed record FoiDevice(string Device, string? SoldAs, string? Model, string? Site, string Status, DateOnly? Installed, string? Disposition, DateOnly? Target);

/// <summary>The DPIA of a system holding some of the devices: signed off when and by whom, review due.</summary>
public sealed record FoiDpia(string System, string? SignedOffBy, DateOnly? SignedOff, DateOnly? ReviewDue);
