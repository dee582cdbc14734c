using System.Globalization;

namespace Sightline.Demo;

/// <summary>
/// Northmoor's Code of Practice records for the demo: its profile, the pressing need and evidence behind Town Centre
/// CCTV's purposes, an ANPR hot list, a desktop certification that expires within 90 days, and a DPIA signed off once
/// the devices are loaded, so that the demo's scan, which puts the cameras it finds in the system, raises its "devices
/// added" review trigger.
/// </summary>
public static class DemoGovernance
{
    /// <summary>The commands, run after the systems and sites are imported and before the devices.</summary>
    public static IEnumerable<string[]> Steps(DateOnly today) =>
    [
        ["org", "set", "--legal-name", "The Borough Council of Northmoor", "--sector", "local authority", "--pofa-status", "relevant-authority",
            "--sro", "Head of Community Safety", "--dpo", "Information Governance Manager", "--ico-registration", "Z0000000",
            "--contact-point", "cctv@northmoor.example (Community Safety, Town Hall, Northmoor)"],
        ["systems", "purpose", "Town Centre CCTV", "prevention and detection of crime",
            "--pressing-need", "Violence and theft in the night-time economy around Market Square",
            "--evidence", "Police recorded crime for the town-centre wards, last three years; partnership strategic assessment", "--retention-days", "31"],
        ["systems", "purpose", "Town Centre CCTV", "public safety", "--pressing-need", "Vulnerable people at closing time",
            "--evidence", "Street marshal incident logs"],
        ["systems", "set", "Town Centre CCTV", "--joint-controllers", "Northmoor Police", "--partners", "Northmoor Police (information sharing agreement 2024)",
            "--signage", "A3 signs at each entry to Market Square naming the council, the purpose and the contact point"],
        ["systems", "database", "Car Park ANPR", "Permit holders and persistent evaders", "--kind", "hot-list",
            "--last-reviewed", Day(today.AddMonths(-5)), "--review-due", Day(today.AddMonths(1))],
        ["certifications", "add", "--body", "nsi", "--step", "desktop", "--issued", Day(today.AddYears(-1).AddDays(60)),
            "--reference", "NSI-SCC-0427", "--system", "Town Centre CCTV"],
    ];

    /// <summary>The DPIA's steps, run after the devices are imported and before the scan.</summary>
    public static IEnumerable<string[]> DpiaSteps() =>
    [
        ["dpia", "edit", "Town Centre CCTV", "--why-needed", "public monitoring; systematic monitoring of a publicly accessible area",
            "--regime", "uk-gdpr", "--necessity", "Cameras only where the evidence shows need; no audio; 31 days' retention",
            "--consultation", "Residents' survey and the town-centre traders' association",
            "--risks", "Footage disclosed without a lawful basis; possible; significant|Collateral intrusion into homes above shops; probable; minimal",
            "--measures", "Privacy masking; disclosure log; sharing agreement with the police", "--residual-risk", "low",
            "--dpo-advice", "Proceed; review the masking yearly"],
        ["dpia", "sign-off", "Town Centre CCTV", "--by", "Head of Community Safety (SRO)"],
    ];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
