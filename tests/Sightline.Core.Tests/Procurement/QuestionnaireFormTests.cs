using System.Text;
using Sightline.Csv;
using Sightline.Procurement;

namespace Sightline.Core.Tests.Procurement;

/// <summary>The return form: cells a spreadsheet would run are guarded on the way out and read back as written.</summary>
public sealed class QuestionnaireFormTests
{
    // A set whose topic and question text start with formula triggers, as a hostile or careless edit of the JSON could.
    private const string Json = """
        { "id": "s", "version": "2", "title": "T", "notice": "N", "checked": "2026-12-07",
          "topics": [ { "id": "t", "title": "+cmd|' /C calc'!A0", "sources": [ { "url": "https://example.org", "date": "2026-12-07" } ],
            "questions": [ { "id": "q.1", "text": "=HYPERLINK(\"https://evil.example\",\"click\")" }, { "id": "q.2", "text": "-2+3" } ] } ] }
        """;

    private static QuestionnaireLetter Letter() => QuestionnaireLetter.Of("Org", null, null, null, new Supplier { Id = 1, LegalName = "S", Country = "GB" },
        new Questionnaire { Id = 4, SupplierId = 1, SetId = "s", Version = "2", Questions = "q.1;q.2;gone.1" }, DueDiligenceQuestions.Parse(Json, "test"));

    [Fact]
    public async Task Form_GuardsFormulaCells_AndAFilledCopyReadsBackToTheSupplierWords()
    {
        var bytes = QuestionnaireForm.Bytes(Letter());
        using var text = CsvText.Open(new MemoryStream(bytes), CsvEncoding.Utf8);
        var rows = new CsvReader(text).ReadAll().Select(r => r.Fields.Select(f => f.Value).ToArray()).ToList();

        Assert.Equal("'+cmd|' /C calc'!A0", rows[1][2]);
        Assert.Equal("'=HYPERLINK(\"https://evil.example\",\"click\")", rows[1][3]);
        Assert.Equal("'-2+3", rows[2][3]);
        // A question the set no longer holds is still asked, under its own topic.
        Assert.Equal(["4", "gone.1", QuestionnaireLetter.OtherTopic], rows[3][..3]);

        var filled = Encoding.UTF8.GetString(bytes).TrimEnd('\n') + "\n";
        filled = filled.Replace("'-2+3,,,", "'-2+3,'-1 is our answer,,", StringComparison.Ordinal);
        var (read, problems) = await QuestionnaireForm.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(filled)), "f.csv", 4, ["q.1", "q.2", "gone.1"], default);

        Assert.Empty(problems);
        Assert.Equal([(3L, new SupplierReply("q.2", false, "-1 is our answer", null))], read);
    }
}
