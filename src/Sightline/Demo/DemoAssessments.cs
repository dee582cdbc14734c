using System.Globalization;

namespace Sightline.Demo;

/// <summary>
/// Northmoor's self-assessments for the demo: Town Centre CCTV's, every question answered in the council's words,
/// signed off by a named officer and published (assessment 1); and Car Park ANPR's, a draft half done, whose action plan
/// has two actions past their due date and most of whose findings from the register are still waiting to be accepted
/// or rejected (assessment 2). The numbers hold because the demo always makes a new register.
/// </summary>
public static class DemoAssessments
{
    /// <summary>The published assessment's number, and the draft's.</summary>
    public const int Published = 1, Draft = 2;

    /// <summary>Town Centre CCTV's answers to the shipped question set (knowledge/self-assessment/questions.json).</summary>
    private static readonly (string Question, string Answer, string Text)[] TownCentre =
    [
        ("1.1", "yes", "Prevention and detection of crime, and public safety; both recorded in the register and the DPIA."),
        ("1.2", "yes", "Police recorded crime for the town-centre wards over three years, and street marshal incident logs."),
        ("1.3", "yes", "Control room operators log each use; the monthly audit sample checks uses against the purposes."),
        ("1.4", "yes", "The purposes are looked at again each year with the community safety partnership."),
        ("2.1", "yes", "DPIA signed off by the Head of Community Safety; the register raises a review when cameras change."),
        ("2.2", "yes", "Homes above the shops on Market Square are masked; the DPIA records the collateral intrusion risk."),
        ("2.3", "yes", "Annual review by the SRO, reported to the Community Safety Committee."),
        ("2.4", "yes", "Adding, moving or removing cameras opens a DPIA review in the register."),
        ("3.1", "yes", "A3 signs at each entry to Market Square name the council, the purpose and the contact point."),
        ("3.2", "yes", "cctv@northmoor.example and the Town Hall address, on the signs and the council's website."),
        ("3.3", "yes", "Complaints go through the corporate complaints procedure and are answered within 20 working days."),
        ("3.4", "yes", "This self-assessment and the annual CCTV report are published on the council's website."),
        ("4.1", "yes", "The Head of Community Safety is the senior responsible officer."),
        ("4.2", "yes", "Northmoor Borough Council is controller; Northmoor Police are joint controllers for evidential copies."),
        ("4.3", "yes", "Information sharing agreement with Northmoor Police (2024), reviewed yearly."),
        ("4.4", "yes", "Roles are set out in the CCTV code of practice and each operator's job description."),
        ("5.1", "yes", "The CCTV code of practice and operating procedures were approved before the control room opened."),
        ("5.2", "partly", "Operators are trained on induction; two refresher sessions slipped this year."),
        ("5.3", "yes", "Procedures are reviewed each spring; changes go out in the control room briefing."),
        ("6.1", "yes", "31 days for both purposes: long enough for incidents to be reported and footage requested."),
        ("6.2", "yes", "The recorders overwrite footage automatically after 31 days."),
        ("6.3", "yes", "Footage kept for an investigation or a subject access request is logged and reviewed monthly."),
        ("7.1", "yes", "Only trained operators and the control room supervisor may view or copy recordings."),
        ("7.2", "yes", "Every disclosure is entered in the disclosure log: to whom, when, why and how."),
        ("7.3", "yes", "The sharing agreement covers regular disclosures to Northmoor Police."),
        ("8.1", "yes", "The Code's standards framework; BS EN 62676 for the equipment; SIA licensing for operators."),
        ("8.2", "partly", "NSI desktop certification held; the full third-party certification is planned."),
        ("8.3", "yes", "Every operator holds an SIA public space surveillance licence."),
        ("9.1", "partly", "The register lists every device and who really made it; firmware is still being confirmed by scans."),
        ("9.2", "partly", "Access control and a separate CCTV network are in place; firmware updates are behind on some cameras."),
        ("9.3", "yes", "The control room is access-controlled; exported media are encrypted and logged."),
        ("9.4", "partly", "Devices on the government's advice are identified in the register; a replacement plan is being costed."),
        ("10.1", "yes", "Internal audit reviews the system every two years; results go to the Audit Committee."),
        ("10.2", "yes", "The register keeps a hash-chained audit log of every change."),
        ("10.3", "yes", "An annual CCTV report is published each summer."),
        ("11.1", "yes", "Image quality was checked against each purpose when the cameras were installed and after each move."),
        ("11.2", "yes", "Exports are made in the police's required format with a hash, within an hour of a request."),
        ("11.3", "partly", "Incidents assisted are counted; a fuller evaluation is planned with the police."),
        ("12.1", "not-applicable", "Town Centre CCTV does not match images against any reference database."),
        ("12.2", "not-applicable", "No reference database."),
        ("12.3", "not-applicable", "No reference database."),
    ];

    /// <summary>Car Park ANPR's answers so far: a draft.</summary>
    private static readonly (string Question, string Answer, string Text)[] CarParks =
    [
        ("1.1", "yes", "Car park management and parking enforcement."),
        ("1.2", "partly", "Permit abuse is recorded by the parking team; the evidence for enforcement is still being gathered."),
        ("3.1", "no", "Signs at Leisure Centre Car Park do not mention number plate recognition."),
        ("4.1", "yes", "The Parking Services Manager, reporting to the Head of Community Safety."),
        ("6.1", "partly", "90 days is set; the reason for its length is not yet written down."),
        ("12.1", "yes", "Plates are matched against a hot list of permit holders and persistent evaders."),
        ("12.2", "partly", "The hot list was last reviewed five months ago; its review is due next month."),
    ];

    /// <summary>The commands, run after the devices are imported so the register's findings cover them.</summary>
    public static IEnumerable<string[]> Steps(DateOnly today)
    {
        var published = Published.ToString(CultureInfo.InvariantCulture);
        var draft = Draft.ToString(CultureInfo.InvariantCulture);
        yield return ["assess", "start", "--system", "Town Centre CCTV", "--title", $"Town Centre CCTV self-assessment {today.Year}"];
        foreach (var (question, answer, text) in TownCentre)
        {
            yield return ["assess", "answer", published, question, "--answer", answer, "--text", text];
        }
        yield return ["assess", "evidence", published, "--principle", "3", "--link", "https://northmoor.example/cctv",
            "--title", "The council's CCTV page: purposes, contact point and annual report"];
        yield return ["assess", "action", "add", published, "--principle", "5", "--text", "Run the two missed operator refresher sessions",
            "--owner", "Control Room Supervisor", "--due", Day(today.AddMonths(2))];
        yield return ["assess", "action", "add", published, "--principle", "9", "--text", "Cost the replacement of devices named in government advice",
            "--owner", "Head of Community Safety", "--due", Day(today.AddMonths(4))];
        // Keys 1.1 and 2.1 are the first findings of principles 1 and 2 (purposes; DPIA), which the demo's scan does not change.
        yield return ["assess", "accept", published, "1.1", "--reason", "The register holds both purposes, as the DPIA does"];
        yield return ["assess", "sign-off", published, "--by", "Dana Whitfield, Head of Community Safety (SRO)"];
        yield return ["assess", "publish", published];

        yield return ["assess", "start", "--system", "Car Park ANPR", "--title", $"Car Park ANPR self-assessment {today.Year}"];
        foreach (var (question, answer, text) in CarParks)
        {
            yield return ["assess", "answer", draft, question, "--answer", answer, "--text", text];
        }
        yield return ["assess", "action", "add", draft, "--principle", "3", "--text", "Put up ANPR signs at each entrance of Leisure Centre Car Park",
            "--owner", "Parking Services Manager", "--due", Day(today.AddDays(-40))];
        yield return ["assess", "action", "add", draft, "--principle", "2", "--text", "Write and sign off a DPIA for Car Park ANPR",
            "--owner", "Information Governance Manager", "--due", Day(today.AddDays(-12))];
        yield return ["assess", "action", "add", draft, "--principle", "6", "--text", "Write down why 90 days' retention is needed",
            "--owner", "Parking Services Manager", "--due", Day(today.AddDays(45))];
        // The rest of the register's findings are left for the assessor to accept or reject.
        yield return ["assess", "accept", draft, "2.1", "--reason", "No DPIA yet; an action is in the plan"];
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
