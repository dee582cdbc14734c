using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Audit;
using Sightline.Data.Compliance;
using Sightline.Knowledge;
using Sightline.Procurement;
using Sightline.Register;

namespace Sightline.Data.Procurement;

/// <summary>
/// Procurement cases (`sightline procurement case`, the Procurement pages, /api/v1/procurement/cases): opening one, each
/// stage's record and sign-off in order, bidders and the specification. Every change is one audited <see cref="RegisterWrite"/>.
/// </summary>
public static class ProcurementCases
{
    /// <summary>A case with everything on it, as read for showing.</summary>
    public sealed record Detail(ProcurementCase Case, IReadOnlyList<CaseStageRecord> Stages, IReadOnlyList<Supplier> Bidders,
        IReadOnlyList<SpecificationItem> Specification, IReadOnlyList<AcceptanceCheck> Acceptances)
    {
        /// <summary>The first stage not yet signed off, or null when all are.</summary>
        public CaseStage? Current => Enum.GetValues<CaseStage>().Cast<CaseStage?>().FirstOrDefault(s => Stages.All(r => r.Stage != s || r.SignedOffAt is null));
    }

    /// <summary>The words for each stage, as the commissioner's toolkit names them.</summary>
    public static string Title(CaseStage stage) => stage switch
    {
        CaseStage.Problem => "Problem and risk matrix",
        CaseStage.Requirement => "Operational requirement",
        CaseStage.Dpia => "Data protection impact assessment",
        CaseStage.Specification => "Specification with standards",
        CaseStage.Proposals => "Proposals",
        CaseStage.Evaluation => "Evaluation",
        CaseStage.Award => "Award",
        CaseStage.Acceptance => "Commissioning and acceptance",
        _ => stage.ToString(),
    };

    /// <summary>The number as written on the command line and in the audit log.</summary>
    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Opens a case. The new case's number, or the problem.</summary>
    public static async Task<(int? Id, string? Problem)> AddAsync(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, string actor, string title,
        string? excludedMakers, CancellationToken cancel)
    {
        title = title.Trim();
        if (title.Length == 0 || title.Length > 200)
        {
            return (null, "title: give what is being bought, in at most 200 characters");
        }
        if (MakerList(knowledge, excludedMakers, out var makers) is { } problem)
        {
            return (null, problem);
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var opened = new ProcurementCase { Title = title, ExcludedMakers = makers, Opened = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) };
        db.ProcurementCases.Add(opened);
        await db.SaveChangesAsync(cancel);
        write.Record(ProcurementAudit.Create, ProcurementAudit.Case, Key(opened.Id), null, AuditJson.Of(("title", title), ("excluded-makers", makers)));
        await write.CommitAsync(cancel);
        return (opened.Id, null);
    }

    /// <summary>Every case, newest first.</summary>
    public static Task<List<ProcurementCase>> ListAsync(RegisterDb db, CancellationToken cancel) =>
        db.ProcurementCases.AsNoTracking().OrderByDescending(c => c.Id).ToListAsync(cancel);

    /// <summary>A case with its stages, bidders, specification and acceptance checks, or null.</summary>
    public static async Task<Detail?> ReadAsync(RegisterDb db, int id, CancellationToken cancel)
    {
        if (await db.ProcurementCases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancel) is not { } found)
        {
            return null;
        }
        var stages = (await db.CaseStages.AsNoTracking().Where(s => s.CaseId == id).ToListAsync(cancel)).OrderBy(s => s.Stage).ToList();
        var bidders = await db.CaseBidders.AsNoTracking().Where(b => b.CaseId == id)
            .Join(db.Suppliers.AsNoTracking(), b => b.SupplierId, s => s.Id, (_, s) => s).OrderBy(s => s.Id).ToListAsync(cancel);
        var specification = await db.SpecificationItems.AsNoTracking().Where(i => i.CaseId == id).OrderBy(i => i.Id).ToListAsync(cancel);
        var acceptances = await db.AcceptanceChecks.AsNoTracking().Where(a => a.CaseId == id).OrderBy(a => a.Id).ToListAsync(cancel);
        return new Detail(found, stages, bidders, specification, acceptances);
    }

    /// <summary>
    /// Writes a stage's record. Refused once the stage is signed off (its record is then fixed) and while an earlier stage
    /// is not. Null when done, else why not.
    /// </summary>
    public static async Task<string?> WriteStageAsync(RegisterDb db, TimeProvider time, string actor, int caseId, string stageWord, string? text,
        CancellationToken cancel)
    {
        if (Words.Parse<CaseStage>(stageWord) is not { } stage)
        {
            return $"stage: '{stageWord}' is not one of {Words.List<CaseStage>()}";
        }
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return $"record: give the {Title(stage).ToLowerInvariant()} stage's record";
        }
        if (text.Length > RecordFields.MaxLength)
        {
            return $"record: at most {RecordFields.MaxLength} characters";
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await OrderProblemAsync(db, caseId, stage, cancel) is { } problem)
        {
            return problem;
        }
        var record = await db.CaseStages.SingleOrDefaultAsync(s => s.CaseId == caseId && s.Stage == stage, cancel);
        var before = record?.Text;
        if (record is null)
        {
            record = new CaseStageRecord { CaseId = caseId, Stage = stage };
            db.CaseStages.Add(record);
        }
        record.Text = text;
        record.WrittenBy = actor;
        record.WrittenAt = time.GetUtcNow();
        write.Record(ProcurementAudit.WriteStage, ProcurementAudit.Case, Key(caseId),
            before is null ? null : AuditJson.Of(("stage", Words.Of(stage)), ("record", before)), AuditJson.Of(("stage", Words.Of(stage)), ("record", text)));
        await write.CommitAsync(cancel);
        return null;
    }

    /// <summary>
    /// Signs a stage off as <paramref name="actor"/>, now. Refused without a record, twice, or before the earlier stages;
    /// the specification needs a line, the award needs each bidder's debarment checks and exclusion decision and one bidder
    /// not excluded, acceptance needs an acceptance check. Null when done, else why not.
    /// </summary>
    public static async Task<string?> SignOffAsync(RegisterDb db, TimeProvider time, string actor, int caseId, string stageWord, CancellationToken cancel)
    {
        if (Words.Parse<CaseStage>(stageWord) is not { } stage)
        {
            return $"stage: '{stageWord}' is not one of {Words.List<CaseStage>()}";
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await OrderProblemAsync(db, caseId, stage, cancel) is { } problem)
        {
            return problem;
        }
        if (await db.CaseStages.SingleOrDefaultAsync(s => s.CaseId == caseId && s.Stage == stage, cancel) is not { } record)
        {
            return $"stage {Words.Of(stage)}: write its record before signing it off";
        }
        var gate = stage switch
        {
            CaseStage.Specification when !await db.SpecificationItems.AnyAsync(i => i.CaseId == caseId, cancel) =>
                "stage specification: add at least one line (maker, model, count) before signing it off",
            CaseStage.Award => await Exclusions.AwardProblemAsync(db, caseId, DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancel),
            CaseStage.Acceptance when !await db.AcceptanceChecks.AnyAsync(a => a.CaseId == caseId, cancel) =>
                "stage acceptance: record an acceptance check (`sightline procurement accept`) before signing it off",
            _ => null,
        };
        if (gate is not null)
        {
            return gate;
        }
        record.SignedOffBy = actor;
        record.SignedOffAt = time.GetUtcNow();
        write.Record(ProcurementAudit.SignOff, ProcurementAudit.Case, Key(caseId), null, AuditJson.Of(("stage", Words.Of(stage)), ("by", actor)));
        await write.CommitAsync(cancel);
        return null;
    }

    /// <summary>Records a supplier as a bidder on a case (until the award is signed off). Null when done, else why not.</summary>
    public static async Task<string?> AddBidderAsync(RegisterDb db, TimeProvider time, string actor, int caseId, int supplierId, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (!await db.ProcurementCases.AnyAsync(c => c.Id == caseId, cancel))
        {
            return $"there is no procurement case {Key(caseId)}";
        }
        if (!await db.Suppliers.AnyAsync(s => s.Id == supplierId, cancel))
        {
            return $"there is no supplier with ID {Key(supplierId)}";
        }
        if (await SignedOffAsync(db, caseId, CaseStage.Award, cancel))
        {
            return $"case {Key(caseId)}: the award is signed off, so no bidder can be added";
        }
        if (await db.CaseBidders.AnyAsync(b => b.CaseId == caseId && b.SupplierId == supplierId, cancel))
        {
            return $"supplier {Key(supplierId)} is already a bidder on case {Key(caseId)}";
        }
        db.CaseBidders.Add(new CaseBidder { CaseId = caseId, SupplierId = supplierId, Added = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime) });
        write.Record(ProcurementAudit.AddBidder, ProcurementAudit.Case, Key(caseId), null, AuditJson.Of(("supplier", Key(supplierId))));
        await write.CommitAsync(cancel);
        return null;
    }

    /// <summary>Adds a line to the specification (until the specification is signed off). Null when done, else why not.</summary>
    public static async Task<string?> SpecifyAsync(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, string actor, int caseId, string maker, string model,
        string? firmware, int count, CancellationToken cancel)
    {
        var makerId = maker.Trim().ToLowerInvariant();
        if (!knowledge.Makers.ContainsKey(makerId))
        {
            return $"maker: no maker with the ID '{maker}' in the knowledge (see `sightline kb makers`)";
        }
        model = model.Trim();
        if (model.Length is 0 or > 200)
        {
            return "model: give the model, in at most 200 characters";
        }
        if (count is < 1 or > 1_000_000)
        {
            return $"count: {count.ToString(CultureInfo.InvariantCulture)} is not a number of devices from 1 to 1,000,000";
        }
        firmware = string.IsNullOrWhiteSpace(firmware) ? null : firmware.Trim();
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (!await db.ProcurementCases.AnyAsync(c => c.Id == caseId, cancel))
        {
            return $"there is no procurement case {Key(caseId)}";
        }
        if (await SignedOffAsync(db, caseId, CaseStage.Specification, cancel))
        {
            return $"case {Key(caseId)}: the specification is signed off, so it cannot change";
        }
        db.SpecificationItems.Add(new SpecificationItem { CaseId = caseId, Maker = makerId, Model = model, Firmware = firmware, Count = count });
        write.Record(ProcurementAudit.AddSpecification, ProcurementAudit.Case, Key(caseId), null, AuditJson.Of(("maker", makerId), ("model", model),
            ("firmware", firmware), ("count", count.ToString(CultureInfo.InvariantCulture))));
        await write.CommitAsync(cancel);
        return null;
    }

    /// <summary>Removes a line from the specification (until the specification is signed off). Null when done, else why not.</summary>
    public static async Task<string?> RemoveSpecificationAsync(RegisterDb db, TimeProvider time, string actor, int caseId, int line, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (!await db.ProcurementCases.AnyAsync(c => c.Id == caseId, cancel))
        {
            return $"there is no procurement case {Key(caseId)}";
        }
        if (await SignedOffAsync(db, caseId, CaseStage.Specification, cancel))
        {
            return $"case {Key(caseId)}: the specification is signed off, so it cannot change";
        }
        if (await db.SpecificationItems.SingleOrDefaultAsync(i => i.CaseId == caseId && i.Id == line, cancel) is not { } item)
        {
            return $"line: there is no specification line {Key(line)} on case {Key(caseId)}";
        }
        db.SpecificationItems.Remove(item);
        write.Record(ProcurementAudit.RemoveSpecification, ProcurementAudit.Case, Key(caseId), AuditJson.Of(("line", Key(line)), ("maker", item.Maker),
            ("model", item.Model), ("firmware", item.Firmware), ("count", item.Count.ToString(CultureInfo.InvariantCulture))), null);
        await write.CommitAsync(cancel);
        return null;
    }

    /// <summary>Whether a case's stage is signed off.</summary>
    public static Task<bool> SignedOffAsync(RegisterDb db, int caseId, CaseStage stage, CancellationToken cancel) =>
        db.CaseStages.AnyAsync(s => s.CaseId == caseId && s.Stage == stage && s.SignedOffAt != null, cancel);

    private static async Task<string?> OrderProblemAsync(RegisterDb db, int caseId, CaseStage stage, CancellationToken cancel)
    {
        if (!await db.ProcurementCases.AnyAsync(c => c.Id == caseId, cancel))
        {
            return $"there is no procurement case {Key(caseId)}";
        }
        var stages = await db.CaseStages.AsNoTracking().Where(s => s.CaseId == caseId).ToListAsync(cancel);
        if (stages.FirstOrDefault(s => s.Stage == stage && s.SignedOffAt is not null) is { } done)
        {
            return $"stage {Words.Of(stage)}: signed off by {done.SignedOffBy} on {done.SignedOffAt!.Value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC; its record is fixed";
        }
        var open = Enum.GetValues<CaseStage>().Where(s => s < stage && !stages.Any(r => r.Stage == s && r.SignedOffAt is not null)).ToList();
        return open.Count > 0 ? $"stage {Words.Of(stage)}: sign off the {Words.Of(open[0])} stage first (stages go in order: {Words.List<CaseStage>()})" : null;
    }

    private static string? MakerList(KnowledgeBase knowledge, string? text, out string makers)
    {
        var ids = RecordFields.ListOf(text?.Replace(',', ';')).Select(i => i.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();
        makers = string.Join(';', ids);
        var unknown = ids.Where(i => !knowledge.Makers.ContainsKey(i)).ToList();
        return unknown.Count > 0 ? $"excluded makers: no maker with the ID {string.Join(", ", unknown.Select(u => $"'{u}'"))} in the knowledge (see `sightline kb makers`)" : null;
    }
}
