using System.Globalization;

namespace Sightline.Demo;

/// <summary>
/// Northmoor's log book for the demo (issue 18): each system's retention policy with its justification, a police request
/// disclosed under the sharing agreement, a subject access request due within a week and one overdue, and a hold for an
/// incident. The recorders' own retention is read after the scan, while the farm runs (<see cref="RetentionStep"/>).
/// </summary>
public static class DemoLogBook
{
    /// <summary>The commands, run after the assessments; the days count back from <paramref name="today"/>.</summary>
    public static IEnumerable<string[]> Steps(DateOnly today) =>
    [
        ["systems", "set", "Town Centre CCTV", "--retention-days", "31", "--retention-justification",
            "Incidents are reported to the police up to four weeks after they happen (partnership figures)",
            "--retention-deletion", "automatic", "--retention-reviewer", "CCTV Manager"],
        ["systems", "set", "Car Park ANPR", "--retention-justification", "Penalty charge appeals run up to 56 days, and adjudication follows",
            "--retention-deletion", "automatic", "--retention-reviewer", "Parking Services Manager"],
        ["systems", "set", "Civic Buildings", "--retention-deletion", "manual", "--retention-reviewer", "Facilities Manager"],
        ["logbook", "disclosure", "add", "--received", Day(today.AddDays(-12)), "--recipient", "DC 4127 Example", "--organisation", "Northmoor Police",
            "--purpose", "Investigation of an assault on Market Square", "--reference", "NP/2611/0412", "--systems", "Town Centre CCTV",
            "--footage-from", $"{Day(today.AddDays(-14))} 22:30", "--footage-to", $"{Day(today.AddDays(-14))} 23:15",
            "--sharing-agreement", "Northmoor Police information sharing agreement 2024", "--hold"],
        ["logbook", "disclosure", "set", "1", "--assessed", Day(today.AddDays(-11)), "--assessment", "Necessary for the investigation; 45 minutes of two cameras",
            "--decision", "approved", "--legal-basis", "DPA 2018 Sch. 2 para 2 (crime and taxation)", "--authorised-by", "CCTV Manager",
            "--decided", Day(today.AddDays(-11))],
        ["logbook", "disclosure", "set", "1", "--disclosed", Day(today.AddDays(-10)), "--method", "Encrypted download link, expired after 7 days",
            "--what-disclosed", "Cameras NBC-0003 and NBC-0004, 22:30–23:15"],
        ["sar", "add", "--received", Day(today.AddDays(-25)), "--channel", "email", "--requester", "A. Resident", "--systems", "Town Centre CCTV",
            "--footage-from", $"{Day(today.AddDays(-27))} 17:00", "--footage-to", $"{Day(today.AddDays(-27))} 17:30"],
        ["sar", "set", "1", "--identity-verified", Day(today.AddDays(-24)), "--searched", Day(today.AddDays(-20))],
        ["sar", "add", "--received", Day(today.AddDays(-40)), "--channel", "letter", "--requester", "B. Visitor", "--systems", "Car Park ANPR"],
        ["logbook", "hold", "add", "--reason", "incident", "--reference", "Trip in the Civic Centre car park, insurer notified", "--systems", "Civic Buildings",
            "--review-by", Day(today.AddDays(20))],
        ["logbook", "access", "add", "--at", $"{Day(today.AddDays(-11))} 10:40", "--person", "Control room operator 2", "--action", "exported",
            "--system", "Town Centre CCTV", "--purpose", "Police request NP/2611/0412", "--reference", "NP/2611/0412"],
    ];

    /// <summary>
    /// Reads the scanned system's recorders' own retention with the council's logins, only those on the farm's range (the
    /// estate's other addresses are imaginary and must never be contacted); the farm must be running.
    /// </summary>
    public static string[] RetentionStep(string logins, string system, string range) =>
        ["logbook", "retention", "read", "--credentials", logins, "--system", system, "--within", range];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
