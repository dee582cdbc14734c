using Microsoft.EntityFrameworkCore;
using Sightline.Register;

namespace Sightline.Data.Compliance;

/// <summary>
/// The organisation's profile (`sightline org`, the Organisation page, /api/v1/organisation): who it is, whether the
/// Code binds it (PoFA s.33), its SRO, DPO, ICO registration and published contact point. Each change is audited.
/// </summary>
public static class OrganisationProfile
{
    /// <summary>The fields users set, in the order they are shown.</summary>
    public static IReadOnlyList<RecordField<Organisation>> Fields { get; } =
    [
        new("name", "Name", o => o.Name, (o, text) => { if (text is null) { return "must be given"; } o.Name = text; return null; }),
        RecordFields.Text<Organisation>("legal-name", "Legal name", o => o.LegalName, (o, v) => o.LegalName = v),
        RecordFields.Text<Organisation>("sector", "Sector", o => o.Sector, (o, v) => o.Sector = v, "local authority, police, health, education, transport, private…"),
        RecordFields.Word<Organisation, PofaStatus>("pofa-status", "PoFA s.33 status", o => o.PofaStatus, (o, v) => o.PofaStatus = v, PofaStatus.Neither),
        RecordFields.Text<Organisation>("sro", "Senior Responsible Officer", o => o.SeniorResponsibleOfficer, (o, v) => o.SeniorResponsibleOfficer = v),
        RecordFields.Text<Organisation>("dpo", "Data Protection Officer", o => o.DataProtectionOfficer, (o, v) => o.DataProtectionOfficer = v),
        RecordFields.Text<Organisation>("ico-registration", "ICO registration", o => o.IcoRegistration, (o, v) => o.IcoRegistration = v),
        RecordFields.Text<Organisation>("contact-point", "Contact point for information and complaints", o => o.ContactPoint, (o, v) => o.ContactPoint = v,
            "an address, e-mail or web page the public can use"),
    ];

    /// <summary>The organisation (the one `sightline init` made), or null before init.</summary>
    public static Task<Organisation?> GetAsync(RegisterDb db, CancellationToken cancel) =>
        db.Organisations.AsNoTracking().OrderBy(o => o.Id).FirstOrDefaultAsync(cancel);

    /// <summary>Sets the given fields; the problems (none when saved), and whether anything changed.</summary>
    public static async Task<RecordFields.Applied> SetAsync(RegisterDb db, TimeProvider time, string actor,
        IReadOnlyDictionary<string, string?> values, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var organisation = await db.Organisations.OrderBy(o => o.Id).FirstOrDefaultAsync(cancel)
            ?? throw new RegisterException("the register has no organisation; run: sightline init");
        var applied = RecordFields.Apply(organisation, Fields, values);
        if (applied.Problems.Count > 0 || !applied.Changed)
        {
            return applied;
        }
        write.Record(ComplianceAudit.Update, ComplianceAudit.Organisation, organisation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            applied.Before, applied.After);
        await write.CommitAsync(cancel);
        return applied;
    }
}
