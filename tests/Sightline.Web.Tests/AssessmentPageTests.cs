using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sightline.Assessments;

namespace Sightline.Web.Tests;

/// <summary>
/// The self-assessment pages: Compliance starts, answers, plans and signs off; every other role reads and is refused
/// every change; each change is audited with the account's name; the own-words notice is on every page.
/// </summary>
public sealed partial class AssessmentPageTests
{
    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Compliance_WritesAssessments_OtherRolesReadOnly_AndChangesAreAuditedByAccount(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var compliance = await app.SignedInAsync("compliance");

        var start = await compliance.PostFormAsync("/Assessments", "/Assessments?handler=Start", ("title", "Town centre <2026>"), ("systems", "Town Centre CCTV"));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/Assessments/1", start.Headers.Location!.OriginalString);
        var answered = await compliance.PostFormAsync("/Assessments/1", "/Assessments/1?handler=Answers&principle=1",
            ("answer-1.1", "yes"), ("text-1.1", "Crime <b>prevention</b>"), ("answer-1.2", "partly"));
        Assert.Equal("/Assessments/1#principle-1", answered.Headers.Location!.OriginalString);
        await compliance.PostFormAsync("/Assessments/1", "/Assessments/1?handler=Action&principle=3",
            ("text", "Signs at the bus station"), ("owner", "Estates"), ("due", "2020-01-31"));
        var early = await compliance.PostFormAsync("/Assessments/1", "/Assessments/1?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, early.StatusCode);
        var page = WebUtility.HtmlDecode(await compliance.PageAsync("/Assessments/1"));
        Assert.Contains("assessment 1 is a draft: it must be signed off (complete) before it is published", page, StringComparison.Ordinal);
        Assert.Contains("Sightline's own words", page, StringComparison.Ordinal);
        Assert.Contains("1 action overdue.", page, StringComparison.Ordinal);
        Assert.Contains("Signs at the bus station", page, StringComparison.Ordinal);
        var raw = await compliance.PageAsync("/Assessments/1");
        Assert.Contains("Crime &lt;b&gt;prevention&lt;/b&gt;", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>prevention", raw, StringComparison.Ordinal);
        Assert.Contains("Sightline's own words", WebUtility.HtmlDecode(await compliance.PageAsync("/Assessments")), StringComparison.Ordinal);

        foreach (var name in new[] { "assessor", "viewer", "manager", "admin" })
        {
            using var reader = await app.SignedInAsync(name);
            var shown = WebUtility.HtmlDecode(await reader.PageAsync("/Assessments/1"));
            Assert.Contains("Crime <b>prevention</b>", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("Save principle 1 answers", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("Start a self-assessment", WebUtility.HtmlDecode(await reader.PageAsync("/Assessments")), StringComparison.Ordinal);
            var token = WebClient.TokenIn(await reader.PageAsync("/Assessments/1"));
            foreach (var (action, fields) in new (string, (string, string)[])[]
            {
                ("/Assessments/1?handler=Answers&principle=1", [("answer-1.1", "no")]),
                ("/Assessments/1?handler=SignOff", [("person", "Mallory")]),
                ("/Assessments/1?handler=Action&principle=2", [("text", "x"), ("owner", "y"), ("due", "2027-01-01")]),
                ("/Assessments?handler=Start", [("systems", "Town Centre CCTV")]),
            })
            {
                var refused = await reader.PostAsync(action, [.. fields, ("__RequestVerificationToken", token)]);
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                Assert.Contains("/Account/Denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
            }
        }

        await using var db = await register.OpenAsync();
        Assert.Equal(1, await db.SelfAssessments.CountAsync());
        Assert.Equal(AssessmentState.Draft, (await db.SelfAssessments.SingleAsync()).State);
        Assert.Equal(ClosedAnswer.Yes, (await db.AssessmentAnswers.SingleAsync(a => a.QuestionId == "1.1")).Answer);
        Assert.Equal(1, await db.AssessmentActions.CountAsync());
        var entries = await db.AuditEntries.Where(a => a.EntityType == "assessment").OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(["start", "answer", "answer", "add-action"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("compliance", e.Actor));
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Compliance_AcceptsOneFindingAndRejectsAnother_OthersSeeThemAndAreRefused(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var compliance = await app.SignedInAsync("compliance");
        await compliance.PostFormAsync("/Assessments", "/Assessments?handler=Start", ("systems", "Town Centre CCTV"));

        var offered = OfferPattern().Matches(await compliance.PageAsync("/Assessments/1"))
            .Select(m => (Key: m.Groups[1].Value, Text: WebUtility.HtmlDecode(m.Groups[2].Value))).Distinct().ToList();
        Assert.True(offered.Count >= 2, $"{offered.Count} findings offered");
        var (first, second) = (offered[0], offered[1]);
        string Principle(string key) => key.Split('.')[0];

        using var viewer = await app.SignedInAsync("viewer");
        var shown = WebUtility.HtmlDecode(await viewer.PageAsync("/Assessments/1"));
        Assert.Contains($"{first.Key} {first.Text}", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("Accept<span", shown, StringComparison.Ordinal);
        var token = WebClient.TokenIn(await viewer.PageAsync("/Assessments/1"));
        var refused = await viewer.PostAsync($"/Assessments/1?handler=Finding&principle={Principle(first.Key)}",
            ("key", first.Key), ("text", first.Text), ("decision", "accept"), ("reason", ""), ("__RequestVerificationToken", token));
        Assert.Contains("/Account/Denied", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var noReason = await compliance.PostFormAsync("/Assessments/1", $"/Assessments/1?handler=Finding&principle={Principle(second.Key)}",
            ("key", second.Key), ("text", second.Text), ("decision", "reject"), ("reason", " "));
        Assert.Equal($"/Assessments/1#principle-{Principle(second.Key)}", noReason.Headers.Location!.OriginalString);
        Assert.Contains("give the reason for rejecting the finding", WebUtility.HtmlDecode(await compliance.PageAsync("/Assessments/1")), StringComparison.Ordinal);
        await compliance.PostFormAsync("/Assessments/1", $"/Assessments/1?handler=Finding&principle={Principle(first.Key)}",
            ("key", first.Key), ("text", "another finding than the one shown"), ("decision", "accept"), ("reason", ""));
        Assert.Contains($"finding {first.Key} was not decided", WebUtility.HtmlDecode(await compliance.PageAsync("/Assessments/1")), StringComparison.Ordinal);

        await compliance.PostFormAsync("/Assessments/1", $"/Assessments/1?handler=Finding&principle={Principle(first.Key)}",
            ("key", first.Key), ("text", first.Text), ("decision", "accept"), ("reason", ""));
        Assert.Contains($"Finding {first.Key} accepted", WebUtility.HtmlDecode(await compliance.PageAsync("/Assessments/1")), StringComparison.Ordinal);
        await compliance.PostFormAsync("/Assessments/1", $"/Assessments/1?handler=Finding&principle={Principle(second.Key)}",
            ("key", second.Key), ("text", second.Text), ("decision", "reject"), ("reason", "Signs are in the <survey> file"));

        var after = await compliance.PageAsync("/Assessments/1");
        Assert.DoesNotContain($"id=\"finding-{first.Key}\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"id=\"finding-{second.Key}\"", after, StringComparison.Ordinal);
        Assert.Contains("Signs are in the &lt;survey&gt; file", after, StringComparison.Ordinal);
        var decided = WebUtility.HtmlDecode(await viewer.PageAsync("/Assessments/1"));
        Assert.Matches($@"Finding \(accepted by compliance on \d{{4}}-\d\d-\d\d\): {Regex.Escape(first.Text)}", decided);
        Assert.Matches($@"Finding \(rejected by compliance on \d{{4}}-\d\d-\d\d\): {Regex.Escape(second.Text)} .*Reason: Signs are in the <survey> file", decided);
        await using var db = await register.OpenAsync();
        var entries = await db.AuditEntries.Where(a => a.Action == "decide-finding").OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal(["compliance", "compliance"], entries.Select(e => e.Actor));
        var audited = entries.Select(e => System.Text.Json.JsonDocument.Parse(e.After!).RootElement)
            .Select(j => (j.GetProperty("finding").GetString(), j.GetProperty("decision").GetString(), j.TryGetProperty("reason", out var r) ? r.GetString() : null));
        Assert.Equal([(first.Text, "accepted", null), (second.Text, "rejected", "Signs are in the <survey> file")], audited);
    }

    [GeneratedRegex("name=\"key\" value=\"([^\"]+)\"><input type=\"hidden\" name=\"text\" value=\"([^\"]+)\"")]
    private static partial Regex OfferPattern();
}
