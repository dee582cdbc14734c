using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Compliance;
using Sightline.Data.Audit;

namespace Sightline.Data.Compliance;

/// <summary>
/// A system's DPIAs (`sightline dpia`, the DPIA page, /api/v1/systems/{id}/dpia). Editing works on a draft — made from
/// the last signed-off DPIA when there is none, so a review starts from what was agreed — and signing it off makes it
/// the current DPIA, sets its next review a year on and clears the review triggers. Signed-off DPIAs are never changed.
/// </summary>
public static class DpiaRecords
{
    /// <summary>Regime words as typed, and as stored.</summary>
    private static readonly (string Word, string Stored)[] Regimes = [("uk-gdpr", "UK GDPR"), ("dpa-2018-part-3", "DPA 2018 Part 3")];

    /// <summary>The template's fields in its order (governance.md §2.4); locations come from the register.</summary>
    public static IReadOnlyList<RecordField<Dpia>> Fields { get; } =
    [
        RecordFields.Text<Dpia>("why-needed", "Why a DPIA is needed", d => d.WhyNeeded, (d, v) => d.WhyNeeded = v,
            "public monitoring, biometrics, data matching, tracking, innovative technology…", isLong: true),
        new("regime", "Regime", d => Regimes.FirstOrDefault(r => r.Stored == d.Regime).Word ?? d.Regime, (d, text) =>
        {
            if (text is null)
            {
                d.Regime = null;
                return null;
            }
            var found = Regimes.FirstOrDefault(r => string.Equals(r.Word, text, StringComparison.OrdinalIgnoreCase) || r.Stored == text);
            if (found.Word is null)
            {
                return $"'{text}' is not uk-gdpr or dpa-2018-part-3";
            }
            d.Regime = found.Stored;
            return null;
        }) { Choices = [.. Regimes.Select(r => r.Word)] },
        RecordFields.Text<Dpia>("purposes", "Purposes and evidence", d => d.Purposes, (d, v) => d.Purposes = v, isLong: true),
        RecordFields.Text<Dpia>("lawful-basis", "Lawful basis", d => d.LawfulBasis, (d, v) => d.LawfulBasis = v, isLong: true),
        RecordFields.Text<Dpia>("necessity", "Necessity and proportionality", d => d.Necessity, (d, v) => d.Necessity = v, isLong: true),
        RecordFields.Text<Dpia>("consultation", "Consultation", d => d.Consultation, (d, v) => d.Consultation = v, isLong: true),
        new("risks", "Risks", d => RisksText(d.Risks), (d, text) =>
        {
            var (risks, problem) = ParseRisks(text);
            if (problem is not null)
            {
                return problem;
            }
            d.Risks = RisksJson(risks);
            return null;
        }, "one a line: the risk; likelihood (remote, possible, probable); severity (minimal, significant, severe)") { Multiline = true },
        RecordFields.Text<Dpia>("measures", "Measures", d => d.Measures, (d, v) => d.Measures = v, isLong: true),
        new("residual-risk", "Residual risk", d => d.ResidualRisk, (d, text) =>
        {
            if (text is not (null or "low" or "medium" or "high"))
            {
                return $"'{text}' is not low, medium or high";
            }
            d.ResidualRisk = text;
            return null;
        }) { Choices = ["low", "medium", "high"] },
        RecordFields.Text<Dpia>("dpo-advice", "DPO advice", d => d.DpoAdvice, (d, v) => d.DpoAdvice = v, isLong: true),
        RecordFields.YesNo<Dpia>("ico-prior-consultation", "ICO prior consultation", d => d.IcoPriorConsultation, (d, v) => d.IcoPriorConsultation = v,
            "required when a high residual risk remains"),
    ];

    /// <summary>A system's DPIAs: the current (newest signed-off) one, the draft under way, or both; null when there is none.</summary>
    public sealed record State(Dpia? Current, Dpia? Draft);

    /// <summary>The current and draft DPIA of a system.</summary>
    public static async Task<State> StateAsync(RegisterDb db, int systemId, CancellationToken cancel)
    {
        var current = await db.Dpias.AsNoTracking().Where(d => d.SystemId == systemId && d.SignedOff != null)
            .OrderByDescending(d => d.SignedOff).ThenByDescending(d => d.Id).FirstOrDefaultAsync(cancel);
        var draft = await db.Dpias.AsNoTracking().Where(d => d.SystemId == systemId && d.SignedOff == null)
            .OrderByDescending(d => d.Id).FirstOrDefaultAsync(cancel);
        return new State(current, draft);
    }

    /// <summary>Sets fields of the system's draft DPIA, making the draft first when there is none; returns the problems (none when saved).</summary>
    public static async Task<IReadOnlyList<(string Field, string Message)>> EditAsync(RegisterDb db, TimeProvider time, string actor, int systemId,
        IReadOnlyDictionary<string, string?> values, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await db.Systems.AsNoTracking().SingleOrDefaultAsync(s => s.Id == systemId, cancel) is not { } system)
        {
            return [("system", $"there is no system with ID {SystemRecords.Key(systemId)}")];
        }
        var draft = await db.Dpias.Where(d => d.SystemId == systemId && d.SignedOff == null).OrderByDescending(d => d.Id).FirstOrDefaultAsync(cancel);
        var isNew = draft is null;
        if (draft is null)
        {
            var signed = await db.Dpias.AsNoTracking().Where(d => d.SystemId == systemId && d.SignedOff != null)
                .OrderByDescending(d => d.SignedOff).ThenByDescending(d => d.Id).FirstOrDefaultAsync(cancel);
            draft = signed is null
                ? new Dpia { SystemId = systemId, Purposes = system.Purposes, LawfulBasis = system.LawfulBasis }
                : new Dpia
                {
                    SystemId = systemId, WhyNeeded = signed.WhyNeeded, Regime = signed.Regime, Purposes = signed.Purposes, LawfulBasis = signed.LawfulBasis,
                    Necessity = signed.Necessity, Consultation = signed.Consultation, Risks = signed.Risks, Measures = signed.Measures,
                    ResidualRisk = signed.ResidualRisk, DpoAdvice = signed.DpoAdvice, IcoPriorConsultation = signed.IcoPriorConsultation,
                };
        }
        var applied = RecordFields.Apply(draft, Fields, values);
        if (applied.Problems.Count > 0)
        {
            return applied.Problems;
        }
        if (isNew)
        {
            db.Dpias.Add(draft);
            await db.SaveChangesAsync(cancel);
            write.Record(ComplianceAudit.Create, ComplianceAudit.Dpia, SystemRecords.Key(draft.Id), null,
                AuditJson.Of([("system", SystemRecords.Key(systemId)), .. Fields.Select(f => (f.Name, f.Get(draft))).Where(p => p.Item2 is not null)]));
        }
        else if (applied.Changed)
        {
            write.Record(ComplianceAudit.Update, ComplianceAudit.Dpia, SystemRecords.Key(draft.Id), applied.Before, applied.After);
        }
        else
        {
            return [];
        }
        await write.CommitAsync(cancel);
        return [];
    }

    /// <summary>
    /// Signs off the system's draft DPIA in the name of <paramref name="signedBy"/>: it becomes current, its next review is
    /// <paramref name="reviewDue"/> (a year on by default), and the system's open review triggers are cleared. Null when
    /// done, else why not.
    /// </summary>
    public static async Task<string?> SignOffAsync(RegisterDb db, TimeProvider time, string actor, int systemId, string signedBy,
        DateOnly? reviewDue, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(signedBy))
        {
            return "name the person signing it off";
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await db.Dpias.Where(d => d.SystemId == systemId && d.SignedOff == null).OrderByDescending(d => d.Id).FirstOrDefaultAsync(cancel) is not { } draft)
        {
            return $"system {SystemRecords.Key(systemId)} has no draft DPIA to sign off; edit one first";
        }
        if (draft.ResidualRisk == "high" && !draft.IcoPriorConsultation)
        {
            return "the residual risk is high: the ICO must be consulted before processing (set ico-prior-consultation to yes)";
        }
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (reviewDue is { } due && due <= today)
        {
            return $"the review date {due:yyyy-MM-dd} is not after today";
        }
        // What happened up to now is what this review considered: read it before clearing.
        await DpiaReviews.RaiseWithinAsync(write, today, cancel);
        draft.SignedOffBy = signedBy.Trim();
        draft.SignedOff = now;
        draft.ReviewDue = reviewDue ?? today.AddYears(1);
        var cleared = await db.DpiaTriggers.Where(t => t.SystemId == systemId && t.Cleared == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Cleared, now), cancel);
        write.Record(ComplianceAudit.SignOff, ComplianceAudit.Dpia, SystemRecords.Key(draft.Id), null, AuditJson.Of(
            ("system", SystemRecords.Key(systemId)), ("signed-off-by", draft.SignedOffBy),
            ("review-due", draft.ReviewDue.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("triggers-cleared", cleared.ToString(CultureInfo.InvariantCulture))));
        await write.CommitAsync(cancel);
        return null;
    }

    /// <summary>"current", "current, revision in draft", "draft" or "none".</summary>
    public static string StateWord(State state) => (state.Current, state.Draft) switch
    {
        (null, null) => "none",
        (null, _) => "draft",
        (_, null) => "current",
        _ => "current, revision in draft",
    };

    /// <summary>The sites of a system's devices in service, with device counts: the template's locations appendix.</summary>
    public static async Task<List<string>> LocationsAsync(RegisterDb db, int systemId, CancellationToken cancel)
    {
        var counts = await db.Devices.AsNoTracking().Where(d => d.SystemId == systemId && d.Status != Sightline.Register.DeviceStatus.Decommissioned)
            .GroupBy(d => d.SiteId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancel);
        var sites = await db.Sites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, cancel);
        return [.. counts.Select(c => (Name: c.Key is { } id ? sites.GetValueOrDefault(id, "?") : "(no site)", c.Count))
            .OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => $"{c.Name}: {Sightline.Register.Words.Count(c.Count, "devices")}")];
    }

    /// <summary>The risks stored as JSON.</summary>
    public static IReadOnlyList<DpiaRisk> Risks(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(r => new DpiaRisk(
            r.GetProperty("risk").GetString()!, r.GetProperty("likelihood").GetString()!, r.GetProperty("severity").GetString()!))];
    }

    private static string? RisksText(string json)
    {
        var risks = Risks(json);
        return risks.Count == 0 ? null : string.Join('\n', risks.Select(r => $"{r.Risk}; {r.Likelihood}; {r.Severity}"));
    }

    private static (List<DpiaRisk> Risks, string? Problem) ParseRisks(string? text)
    {
        var risks = new List<DpiaRisk>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split(';', StringSplitOptions.TrimEntries);
            if (parts.Length != 3 || parts[0].Length == 0)
            {
                return ([], $"line {i + 1}: write the risk; likelihood; severity (e.g. \"footage shared without an agreement; possible; significant\")");
            }
            var (likelihood, severity) = (parts[1].ToLowerInvariant(), parts[2].ToLowerInvariant());
            if (!DpiaRisk.Likelihoods.Contains(likelihood))
            {
                return ([], $"line {i + 1}: likelihood '{parts[1]}' is not one of {string.Join(", ", DpiaRisk.Likelihoods)}");
            }
            if (!DpiaRisk.Severities.Contains(severity))
            {
                return ([], $"line {i + 1}: severity '{parts[2]}' is not one of {string.Join(", ", DpiaRisk.Severities)}");
            }
            risks.Add(new DpiaRisk(parts[0], likelihood, severity));
        }
        return (risks, null);
    }

    private static string RisksJson(List<DpiaRisk> risks)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartArray();
            foreach (var risk in risks)
            {
                json.WriteStartObject();
                json.WriteString("risk", risk.Risk);
                json.WriteString("likelihood", risk.Likelihood);
                json.WriteString("severity", risk.Severity);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
