using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Sightline.Procurement;

namespace Sightline.Web.Reports;

/// <summary>
/// The letter sent with a due-diligence questionnaire, and the questions, as one self-contained HTML page (style inline, no
/// scripts, nothing fetched), every value HTML-encoded. Printed, the letter is the first page and the questions follow.
/// </summary>
public static class QuestionnaireLetterHtml
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        @page { size: A4; margin: 20mm; }
        body { font-family: "DejaVu Sans", Arial, sans-serif; color: #1b1b1b; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
        h1 { font-size: 1.3rem; } h2 { font-size: 1.2rem; border-bottom: 2px solid #1d4f91; } h3 { font-size: 1.05rem; margin-bottom: .25rem; }
        .from { text-align: right; } dt { font-weight: bold; } dd { margin: 0 0 .6rem 0; }
        .note { font-size: .9rem; color: #444; }
        @media print { body { max-width: none; margin: 0; padding: 0; font-size: 10pt; line-height: 1.35; } .questions { break-before: page; } h3 { break-after: avoid; } dt, dd { break-inside: avoid; } }
        """;

    /// <summary>The page for <paramref name="letter"/>.</summary>
    public static string Html(QuestionnaireLetter letter)
    {
        var q = letter.Questionnaire;
        var s = letter.Supplier;
        var id = q.Id.ToString(CultureInfo.InvariantCulture);
        var deadline = Day(q.Deadline);
        var title = $"Due-diligence questionnaire {id} to {s.LegalName}";
        var html = new StringBuilder(16 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<main>\n<section class=\"letter\">\n");
        html.Append("<p class=\"from\">").Append(Lines(letter.FromLegalName ?? letter.From, letter.ReturnTo)).Append("</p>\n")
            .Append("<p class=\"date\">").Append(E(Day(q.Sent))).Append("</p>\n")
            .Append("<p class=\"to\">").Append(Lines(s.LegalName, s.TradingName is { } t ? $"trading as {t}" : null,
                s.CompanyNumber is { } n ? $"Company number {n}" : null, $"Country of registration: {s.Country}")).Append("</p>\n")
            .Append("<p>Our reference: due-diligence questionnaire ").Append(E(id)).Append(" (").Append(E(q.SetId)).Append(", version ").Append(E(q.Version)).Append(")</p>\n")
            .Append("<p>Dear Sir or Madam,</p>\n<h1>Questions about the surveillance equipment you supply to us: please answer by ").Append(E(deadline)).Append("</h1>\n");
        html.Append("<p>").Append(E(letter.From)).Append(" operates surveillance cameras in public places. The Surveillance Camera Code of Practice asks us to ")
            .Append("be open about those systems and to be able to show that they, and the companies that make, sell, install and maintain them, are fit for a ")
            .Append("public body to use. We also hold ourselves to ethical procurement: we want to know whom we buy from, not only what.</p>\n")
            .Append("<p>In 2021 and 2022 the Biometrics and Surveillance Camera Commissioner put questions to equipment makers and to public bodies about who owns ")
            .Append("and controls the makers, laws that can compel a company to assist a state's intelligence work, the use of equipment in the mass surveillance ")
            .Append("of the Uyghurs in Xinjiang, and analytics that single people out by ethnicity. The questions that follow are our own, written from those ")
            .Append("topics and from the Modern Slavery Act 2015 and the UK's Secure by Default scheme. We ask every supplier on our register the same questions.</p>\n")
            .Append("<p><strong>Please reply by ").Append(E(deadline)).Append(".</strong> You may answer some questions and decline others. ")
            .Append("A refusal to answer a question, or no answer to it by that day, will be recorded in our register of suppliers as a finding about ")
            .Append(E(s.LegalName)).Append(", dated the day we receive the refusal or the day after the deadline.</p>\n")
            .Append("<p>Your answers will be recorded with any evidence you give, and shown beside each concern our register holds about the equipment you ")
            .Append("supply, so that whoever reads the concern also reads your reply.</p>\n")
            .Append("<p>How to reply: fill in the return form sent with this letter (a CSV file, ").Append(E(QuestionnaireForm.FileName(q.Id)))
            .Append(", which any spreadsheet opens). On the row of each question write your answer in the <em>answer</em> column and any evidence ")
            .Append("(a link, or the reference of a document you send with it) in the <em>evidence</em> column, or write <em>yes</em> in the <em>declined</em> ")
            .Append("column to decline that question. Please leave the other columns as they are, and save the file as CSV. ")
            .Append(letter.ReturnTo is { } to ? $"Send it to {E(to)}" : "Send it to us")
            .Append(". You may answer by letter instead, quoting each question's ID.</p>\n")
            .Append("<p class=\"sign\">").Append(Lines("Yours faithfully,", letter.Signatory, letter.Signatory is null ? null : "Senior Responsible Officer", letter.From))
            .Append("</p>\n</section>\n");
        html.Append("<section class=\"questions\">\n<h2>The questions</h2>\n<p class=\"note\">").Append(E(letter.SetTitle)).Append(", version ").Append(E(q.Version))
            .Append(". Questionnaire ").Append(E(id)).Append(" to ").Append(E(s.LegalName)).Append(", sent ").Append(E(Day(q.Sent))).Append(", deadline ").Append(E(deadline)).Append(".</p>\n");
        foreach (var (topic, questions) in letter.Topics)
        {
            html.Append("<h3>").Append(E(topic)).Append("</h3>\n<dl>\n");
            foreach (var (qid, text) in questions)
            {
                html.Append("<dt>").Append(E(qid)).Append("</dt><dd>").Append(E(text)).Append("</dd>\n");
            }
            html.Append("</dl>\n");
        }
        html.Append("</section>\n</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The file name the letter is offered under, without its extension.</summary>
    public static string FileName(int questionnaire) => $"questionnaire-{questionnaire.ToString(CultureInfo.InvariantCulture)}-letter";

    // The lines of an address block, each encoded, those not known left out.
    private static string Lines(params string?[] lines) => string.Join("<br>\n", lines.Where(l => l is not null).Select(E));

    private static string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static string E(string? text) => Encoder.Encode(text ?? "");
}
