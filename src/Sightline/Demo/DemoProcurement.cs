using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Cli;
using Sightline.Data;
using Sightline.Register;
using Sightline.Risk;

namespace Sightline.Demo;

/// <summary>
/// Northmoor's ethical procurement for the demo, run after the scan: its suppliers (Hikvision as maker, the installer who
/// fitted white-labelled Hikvision, a distributor and a bidder); a due-diligence questionnaire Hikvision declined; a
/// replacement case part way through, with its bidders' exclusion checks and an acceptance check of the demo's scan
/// against the specification; and a remediation plan for the flagged devices, some lines done and one overdue. Every
/// step is an ordinary command, so each is checked and audited as a user's would be.
/// </summary>
public static class DemoProcurement
{
    /// <summary>The maker that declined the questionnaire, and the installer of white labels.</summary>
    public const string Maker = "Hangzhou Hikvision Digital Technology Co., Ltd.", Installer = "Civic Vision Installations";

    /// <summary>The replacement case's number: the demo always makes a new register.</summary>
    public const int Case = 1;

    private const string Bidder = "Pennine Integrated Security Ltd";

    /// <summary>Runs the steps, printing each as the demo prints its others; the first failing step's exit code, else 0.</summary>
    public static async Task<int> RunAsync(CliContext context, string db, string[] shared, CancellationToken cancel)
    {
        var today = DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime);
        foreach (var step in Suppliers(today).Concat(Procurement(today)))
        {
            if (await StepAsync(context, step, shared, cancel) is var code and not 0)
            {
                return code;
            }
        }
        // What the scan found and what is flagged decide the links, the acceptance check and the plan's lines.
        var (scan, hikvision, civic, anpr) = await ReadAsync(db, cancel);
        var later = new List<string[]>();
        later.AddRange(hikvision.Select(d => new[] { "suppliers", "link-device", Maker, Number(d.Id) }));
        later.AddRange(hikvision.Where(d => d.WhiteLabel).Select(d => new[] { "suppliers", "link-device", Installer, Number(d.Id) }));
        if (scan is { } number)
        {
            later.Add(["procurement", "accept", Number(Case), "--scan", number.ToString(CultureInfo.InvariantCulture)]);
        }
        later.AddRange(Plan(today, civic.Take(3), anpr.Take(1)));
        foreach (var step in later)
        {
            if (await StepAsync(context, step, shared, cancel) is var code and not 0)
            {
                return code;
            }
        }
        return 0;
    }

    private static IEnumerable<string[]> Suppliers(DateOnly today) =>
    [
        ["suppliers", "add", "--legal-name", Maker, "--trading-name", "Hikvision", "--country", "CN", "--roles", "manufacturer", "--makers", "hikvision",
            "--parent", "China Electronics Technology HIK Group Co., Ltd. (CETHIK)", "--brands", "HiLook"],
        ["suppliers", "add", "--legal-name", Installer, "--country", "GB", "--roles", "installer;maintainer", "--company-number", "04517733",
            "--makers", "hikvision;dahua", "--brands", "HiLook;LTS;truVision;ANNKE", "--certifications", "NSI Silver NSI-1189"],
        ["suppliers", "add", "--legal-name", "Midshire Security Distribution Ltd", "--country", "GB", "--roles", "distributor",
            "--company-number", "06120458", "--makers", "hikvision;dahua;axis", "--turnover-over-36m", "yes",
            "--slavery-statement-url", "https://midshire.example/modern-slavery-statement-2025", "--slavery-statement-year", "2025"],
        ["suppliers", "add", "--legal-name", Bidder, "--country", "GB", "--roles", "integrator;installer", "--company-number", "08834471",
            "--makers", "axis;bosch;sony", "--certifications", "NSI Gold NSI-2210"],
        ["suppliers", "questionnaire", "send", Maker, "--sent", Day(today.AddDays(-60)), "--deadline", Day(today.AddDays(-32))],
        ["suppliers", "questionnaire", "decline", "1", "--received", Day(today.AddDays(-35)),
            "--said", "Hikvision does not answer questionnaires about its ownership, its supply chain or its work in Xinjiang; see its public statements"],
    ];

    private static IEnumerable<string[]> Procurement(DateOnly today) =>
    [
        ["procurement", "case", "add", "Replacement cameras for Town Centre CCTV", "--excluded-makers", "hikvision;dahua"],
        Stage("problem", "Cameras made by Hikvision and Dahua watch the town centre; the government's advice and the board's policy are to replace them"),
        ["procurement", "case", "sign-off", Number(Case), "problem"],
        Stage("requirement", "Forty cameras covering Market Square, High Street and the Bus Station, to the purposes in the DPIA"),
        ["procurement", "case", "sign-off", Number(Case), "requirement"],
        Stage("dpia", "Town Centre CCTV's DPIA covers the replacement; no new purpose, no audio, 31 days' retention"),
        ["procurement", "case", "sign-off", Number(Case), "dpia"],
        ["procurement", "case", "specify", Number(Case), "--maker", "axis", "--model", "P3245-LVE", "--firmware", "10.12.153", "--count", "20"],
        ["procurement", "case", "specify", Number(Case), "--maker", "bosch", "--model", "FLEXIDOME IP 5000i", "--count", "10"],
        ["procurement", "case", "specify", Number(Case), "--maker", "sony", "--model", "SNC-VB770", "--count", "10"],
        Stage("specification", "Forty cameras from makers outside the exclusion; Secure by Default; firmware current at delivery"),
        ["procurement", "case", "sign-off", Number(Case), "specification"],
        ["procurement", "case", "bidder", Number(Case), Installer],
        ["procurement", "case", "bidder", Number(Case), Bidder],
        Stage("proposals", "Two proposals received by the closing date"),
        ["procurement", "exclusion", "debarment", Number(Case), Installer, "--result", "not-listed", "--checked", Day(today.AddDays(-6)),
            "--reference", "Debarment list on GOV.UK, checked by the procurement officer"],
        ["procurement", "exclusion", "debarment", Number(Case), Bidder, "--result", "not-listed", "--checked", Day(today.AddDays(-6)),
            "--reference", "Debarment list on GOV.UK, checked by the procurement officer"],
        ["procurement", "exclusion", "assess", Number(Case), Installer, "--ground", "d.breach-of-contract",
            "--notes", "Two maintenance visits were late in 2024; both were put right within the contract's terms, so no breach serious enough to count"],
        ["procurement", "exclusion", "decide", Number(Case), Installer, "--outcome", "clear",
            "--reason", "Not on the debarment list; no mandatory ground; the late visits of 2024 were remedied and are not a discretionary ground"],
        ["procurement", "exclusion", "decide", Number(Case), Bidder, "--outcome", "clear", "--reason", "Not on the debarment list; no ground applies"],
    ];

    private static string[] Stage(string stage, string record) => ["procurement", "case", "stage", Number(Case), stage, "--record", record];

    // Civic Buildings is the sensitive site: its flagged devices come out first, and three are already out. One ANPR line is behind.
    private static IEnumerable<string[]> Plan(DateOnly today, IEnumerable<string> done, IEnumerable<string> late) =>
    [
        ["remediation", "add", "--system", "Civic Buildings", "--disposition", "remove-now", "--owner", "Facilities Manager",
            "--target", Day(today.AddDays(45)), "--cost", "650", "--status", "in-progress"],
        ["remediation", "add", "--system", "Car Park ANPR", "--disposition", "isolate", "--owner", "ICT Network Team",
            "--target", Day(today.AddDays(30)), "--cost", "180"],
        ["remediation", "add", "--system", "Town Centre CCTV", "--disposition", "replace-at-end-of-life", "--owner", "CCTV Manager",
            "--target", Day(today.AddDays(365)), "--cost", "1,250"],
        .. done.Select(d => new[] { "remediation", "set", d, "--status", "done" }),
        .. late.Select(d => new[] { "remediation", "set", d, "--target", Day(today.AddDays(-14)), "--status", "in-progress" }),
    ];

    // The scan's number; the Hikvision-platform devices the scan found (white labels marked); and flagged devices of Civic Buildings and Car Park ANPR.
    private static async Task<(long? Scan, List<(int Id, bool WhiteLabel)> Hikvision, List<string> Civic, List<string> Anpr)> ReadAsync(string path,
        CancellationToken cancel)
    {
        await using var db = await RegisterLocation.Sqlite(path).OpenAsync(create: false, cancel);
        var scan = await db.AuditEntries.Where(a => a.Action == "scan").Select(a => (long?)a.Sequence).MaxAsync(cancel);
        var scanned = scan is { } s ? await db.ScanFindings.Where(f => f.Scan == s && f.DeviceId != null).Select(f => f.DeviceId!.Value).ToListAsync(cancel) : [];
        var hikvision = await db.Identities.Where(i => scanned.Contains(i.DeviceId) && i.Platform == "hikvision").OrderBy(i => i.DeviceId)
            .Select(i => new { i.DeviceId, i.WhiteLabel }).ToListAsync(cancel);
        // As `remediation add --system` expands a system: its flagged devices still in service.
        async Task<List<string>> FlaggedIn(string system) => await db.Devices
            .Where(d => db.Systems.Any(s => s.Id == d.SystemId && s.Name == system) && d.AssetId != null && d.Status != DeviceStatus.Decommissioned)
            .Join(db.Identities.Where(i => i.Flags != RiskDimension.None), d => d.Id, i => i.DeviceId, (d, _) => d.AssetId!)
            .OrderBy(a => a).ToListAsync(cancel);
        return (scan, hikvision.ConvertAll(h => (h.DeviceId, h.WhiteLabel)), await FlaggedIn("Civic Buildings"), await FlaggedIn("Car Park ANPR"));
    }

    private static async Task<int> StepAsync(CliContext context, string[] step, string[] shared, CancellationToken cancel)
    {
        context.Out.WriteLine($"  sightline {string.Join(' ', step.Select(a => a.AsSpan().ContainsAny(ShellSpecial) ? $"\"{a}\"" : a))}");
        return await SightlineCli.RunAsync([.. step, .. shared], context with { Out = TextWriter.Null }, cancel);
    }

    // Printed quoted, as a shell would need them.
    private static readonly System.Buffers.SearchValues<char> ShellSpecial = System.Buffers.SearchValues.Create(" ;&|<>()");

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
