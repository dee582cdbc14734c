using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Sightline.Assessments;
using Sightline.Data.Assessments;
using Sightline.Register;

namespace Sightline.Web.Reports;

/// <summary>
/// A published self-assessment laid out as a council would put it on its website: one self-contained HTML page (its
/// style inline, no scripts, no images, nothing fetched), every value HTML-encoded. The PDF is printed from this page.
/// </summary>
public static class SelfAssessmentReport
{
    // Keeps letters readable in the file (é, —) while encoding everything HTML gives meaning to.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1b1b1b; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.6rem; margin-bottom: .25rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #1d4f91; }
        .notice { border-left: 4px solid #b58105; background: #fff8e5; padding: .5rem .75rem; }
        .stale { border-left: 4px solid #b3261e; background: #fdecea; padding: .5rem .75rem; }
        table { border-collapse: collapse; width: 100%; margin: .5rem 0; } th, td { border: 1px solid #bbb; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        th { background: #eef2f7; } .overdue { font-weight: bold; color: #b3261e; } dl.facts dt { font-weight: bold; float: left; clear: left; width: 12rem; }
        dl.facts dd { margin-left: 12.5rem; } section { break-inside: auto; } .answer { font-weight: bold; } footer { margin-top: 2rem; font-size: .85rem; color: #555; }
        """;

    /// <summary>The page for a published assessment of <paramref name="organisation"/>, as of <paramref name="view"/>'s day.</summary>
    public static string Html(AssessmentView view, string organisation)
    {
        var a = view.Assessment;
        var html = new StringBuilder(32 * 1024);
        var title = $"{organisation}: self-assessment against the {view.Set.Code}";
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<main>\n")
            .Append("<h1>").Append(E(title)).Append("</h1>\n")
            .Append("<p>").Append(E(a.Title)).Append("</p>\n");
        html.Append("<dl class=\"facts\">\n");
        Fact(html, "Systems covered", string.Join(", ", view.Systems));
        Fact(html, "Status", a.State == AssessmentState.Published ? "Published" : Words.Of(a.State));
        Fact(html, "Signed off by", a.SignedOffBy ?? "not signed off");
        Fact(html, "Signed off on", Day(a.SignedOff));
        Fact(html, "Published on", Day(a.Published));
        Fact(html, "Next review due", a.SignedOff is { } signed ? Day(signed.AddMonths(AssessmentCurrency.MonthsCurrent)) : "");
        Fact(html, "Questions", $"{view.Set.Title}, version {view.Set.Version} (Code version {view.Set.CodeVersion})");
        html.Append("</dl>\n");
        html.Append("<p class=\"notice\">").Append(E(view.Set.Notice)).Append("</p>\n");
        foreach (var reason in view.StaleReasons)
        {
            html.Append("<p class=\"stale\">This self-assessment is out of date: ").Append(E(reason)).Append(".</p>\n");
        }
        Summary(html, view);
        foreach (var principle in view.Set.Principles)
        {
            PrincipleSection(html, view, principle);
        }
        html.Append("</main>\n<footer>\n<p>Questions from: ");
        html.AppendJoin(" ", view.Set.Source.Select(url => E(url)));
        html.Append(" (checked ").Append(E(view.Set.Checked)).Append(").</p>\n<p>Produced with Sightline on ")
            .Append(E(view.Today.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))).Append(".</p>\n</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Summary(StringBuilder html, AssessmentView view)
    {
        html.Append("<h2>Summary</h2>\n<table>\n<thead><tr><th scope=\"col\">Principle</th><th scope=\"col\">Yes</th><th scope=\"col\">Partly</th>")
            .Append("<th scope=\"col\">No</th><th scope=\"col\">Not applicable</th><th scope=\"col\">Actions</th></tr></thead>\n<tbody>\n");
        foreach (var principle in view.Set.Principles)
        {
            var answers = principle.Questions.Select(q => view.Answer(q.Id)?.Answer).ToList();
            var actions = view.ActionsFor(principle.Number).ToList();
            html.Append("<tr><th scope=\"row\">").Append(principle.Number).Append(". ").Append(E(principle.Title)).Append("</th>");
            foreach (var kind in Enum.GetValues<ClosedAnswer>())
            {
                html.Append("<td>").Append(answers.Count(x => x == kind)).Append("</td>");
            }
            html.Append("<td>").Append(actions.Count);
            var overdue = actions.Count(x => x.IsOverdue(view.Today));
            if (overdue > 0)
            {
                html.Append(" <span class=\"overdue\">(").Append(overdue).Append(" overdue)</span>");
            }
            html.Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }

    private static void PrincipleSection(StringBuilder html, AssessmentView view, Principle principle)
    {
        html.Append("<section id=\"principle-").Append(principle.Number).Append("\">\n<h2>Principle ").Append(principle.Number).Append(": ")
            .Append(E(principle.Title)).Append("</h2>\n<p>").Append(E(principle.Summary)).Append("</p>\n");
        html.Append("<table>\n<thead><tr><th scope=\"col\">Question</th><th scope=\"col\">Answer</th><th scope=\"col\">Explanation</th></tr></thead>\n<tbody>\n");
        foreach (var question in principle.Questions)
        {
            var answer = view.Answer(question.Id);
            html.Append("<tr><td>").Append(E(question.Id)).Append(' ').Append(E(question.Text)).Append("</td><td class=\"answer\">")
                .Append(E(AnswerText(answer?.Answer))).Append("</td><td>").Append(E(answer?.Text ?? "")).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
        // Rejected findings are the assessor's working, not the organisation's evidence: they stay in the register.
        var evidence = view.EvidenceFor(principle.Number).Where(e => e.Kind != EvidenceKind.Finding || e.Accepted == true).ToList();
        if (evidence.Count > 0)
        {
            html.Append("<h3>Evidence</h3>\n<ul>\n");
            foreach (var item in evidence)
            {
                html.Append("<li>").Append(item.Kind switch
                {
                    EvidenceKind.Link => $"{E(item.Title)}: {E(item.Url)}",
                    EvidenceKind.File => $"{E(item.Title)} (document {E(item.FileName)}, SHA-256 {E(item.Sha256)})",
                    _ => $"From the register: {E(item.Title)}{(item.Reason is null ? "" : $" ({E(item.Reason)})")}",
                }).Append("</li>\n");
            }
            html.Append("</ul>\n");
        }
        var actions = view.ActionsFor(principle.Number).ToList();
        if (actions.Count > 0)
        {
            html.Append("<h3>Action plan</h3>\n<table>\n<thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th>")
                .Append("<th scope=\"col\">Status</th></tr></thead>\n<tbody>\n");
            foreach (var action in actions)
            {
                html.Append("<tr><td>").Append(E(action.Text)).Append("</td><td>").Append(E(action.Owner)).Append("</td><td>")
                    .Append(E(action.Due.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))).Append("</td><td>")
                    .Append(E(StatusText(action.Status)));
                if (action.IsOverdue(view.Today))
                {
                    html.Append(" <span class=\"overdue\">overdue</span>");
                }
                html.Append("</td></tr>\n");
            }
            html.Append("</tbody>\n</table>\n");
        }
        html.Append("</section>\n");
    }

    /// <summary>How a closed answer reads on the page.</summary>
    public static string AnswerText(ClosedAnswer? answer) => answer switch
    {
        ClosedAnswer.Yes => "Yes",
        ClosedAnswer.Partly => "Partly",
        ClosedAnswer.No => "No",
        ClosedAnswer.NotApplicable => "Not applicable",
        _ => "Not answered",
    };

    /// <summary>How an action's status reads on the page.</summary>
    public static string StatusText(ActionStatus status) => status switch
    {
        ActionStatus.Open => "Not started",
        ActionStatus.InProgress => "In progress",
        _ => "Done",
    };

    private static void Fact(StringBuilder html, string name, string value) =>
        html.Append("<dt>").Append(E(name)).Append("</dt><dd>").Append(E(value)).Append("</dd>\n");

    private static string Day(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "";

    private static string E(string? text) => Encoder.Encode(text ?? "");
}
