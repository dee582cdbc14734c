using Microsoft.EntityFrameworkCore;
using Sightline.Identification;
using Sightline.Knowledge;
using Sightline.Register;
using Sightline.Risk;

namespace Sightline.Data.Identification;

/// <summary>
/// Everything said about one device, worked out live: its verdict with every claim, the observations the claims
/// came from (by index: first what the register says, then what scans stored), a person's decision, the stored
/// identity that lists use, and its risks in its system's use.
/// </summary>
public sealed record DeviceEvidence(
    Device Device,
    string? SystemName,
    string? SiteName,
    Verdict Verdict,
    IReadOnlyList<Observation> Observations,
    IdentityOverride? Decision,
    DeviceIdentity? Stored,
    IReadOnlyList<RiskFinding> Risks)
{
    /// <summary>The evidence for the device with this id, or null when there is none.</summary>
    public static async Task<DeviceEvidence?> LoadAsync(RegisterDb db, KnowledgeBase knowledge, int id, CancellationToken cancel)
    {
        if (await db.Devices.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancel) is not { } device)
        {
            return null;
        }
        var systemName = device.SystemId is { } sy ? await db.Systems.Where(s => s.Id == sy).Select(s => s.Name).SingleAsync(cancel) : null;
        var siteName = device.SiteId is { } si ? await db.Sites.Where(s => s.Id == si).Select(s => s.Name).SingleAsync(cancel) : null;
        var identifier = await RegisterIdentifier.CreateAsync(db, knowledge, cancel);
        var decision = await db.Overrides.AsNoTracking().SingleOrDefaultAsync(o => o.DeviceId == id, cancel);
        var stored = await RegisterIdentifier.StoredAsync(db, id, cancel);
        var verdict = identifier.Verdict(device, decision, stored);
        // The same order RegisterIdentifier.Verdict gives the identifier, so a claim's Observation indexes this list.
        List<Observation> observations = [.. Identifier.FromRegister(device.BrandAsSold, device.Model, device.Firmware, device.Serial, device.MacAddress), .. stored];
        var identity = await db.Identities.AsNoTracking().SingleOrDefaultAsync(i => i.DeviceId == id, cancel);
        var risks = RiskAssessor.Assess(knowledge, verdict.Platform, verdict.Model, verdict.Firmware, identifier.UseOf(device.SystemId));
        return new DeviceEvidence(device, systemName, siteName, verdict, observations, decision, identity, risks);
    }
}
