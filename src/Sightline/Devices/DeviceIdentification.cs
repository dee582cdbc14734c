using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Data;
using Sightline.Data.Identification;
using Sightline.Identifying;
using Sightline.Register;
using Sightline.Risk;

namespace Sightline.Devices;

/// <summary>The identification and risk sections of `sightline devices show`.</summary>
public static class DeviceIdentification
{
    public static async Task WriteAsync(CommandRunner cli, ParseResult parse, RegisterDb db, Device device, CancellationToken cancel)
    {
        var output = cli.Context.Out;
        var knowledge = cli.Knowledge(parse);
        var identifier = await RegisterIdentifier.CreateAsync(db, knowledge, cancel);
        var decision = await db.Overrides.AsNoTracking().SingleOrDefaultAsync(o => o.DeviceId == device.Id, cancel);
        var observations = await RegisterIdentifier.StoredAsync(db, device.Id, cancel);
        var verdict = identifier.Verdict(device, decision, observations);
        output.WriteLine();
        output.WriteLine("Identification");
        VerdictOutput.WriteText(output, verdict);
        foreach (var note in observations.Where(o => o.Kind == Identification.ObservationKinds.ScanNote))
        {
            output.WriteLine($"  scan note       {VerdictOutput.Safe(note.Value)}");
        }
        if (decision is not null)
        {
            output.WriteLine($"  decided by {decision.Actor} on {decision.Time.UtcDateTime:yyyy-MM-dd}: {VerdictOutput.Safe(decision.Reason)}");
        }
        var stored = await db.Identities.AsNoTracking().SingleOrDefaultAsync(i => i.DeviceId == device.Id, cancel);
        if (stored is null || stored.Knowledge != knowledge.Version)
        {
            output.WriteLine($"  note: the register holds {(stored is null ? "no identity" : $"an identity from knowledge {stored.Knowledge}")} for this device; " +
                $"lists and filters use it until `sightline identify --register` runs with knowledge {knowledge.Version}");
        }
        var findings = RiskAssessor.Assess(knowledge, verdict.Platform, verdict.Model, verdict.Firmware, identifier.UseOf(device.SystemId));
        output.WriteLine();
        output.WriteLine("Risks (each dimension stands alone; they are never added up)");
        if (verdict.Platform is null)
        {
            output.WriteLine("  The platform maker is not known, so no maker risks can be attached. Scan the device or record a decision with `sightline devices override`.");
            return;
        }
        foreach (var dimension in RiskAssessor.Dimensions)
        {
            var inDimension = findings.Where(f => f.Dimension == dimension).ToList();
            var applying = inDimension.Count(f => f.Applies == true);
            output.WriteLine($"  {RiskAssessor.Words(dimension)}: {(applying == 0 ? "nothing applies" : $"{applying} apply")}{(inDimension.Count > applying ? $", {inDimension.Count - applying} considered" : "")}");
            foreach (var finding in inDimension)
            {
                var mark = finding.Applies switch { true => "APPLIES", false => "does not apply", null => "cannot tell" };
                output.WriteLine($"    [{mark}] {finding.Title}");
                output.WriteLine($"      why: {finding.Why}");
                if (finding.Detail.Length > 0)
                {
                    output.WriteLine($"      {finding.Detail}");
                }
                output.WriteLine($"      source: {finding.Provenance.Source} (checked {finding.Provenance.Checked})");
            }
        }
    }
}
