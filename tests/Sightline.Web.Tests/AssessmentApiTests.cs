using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Sightline.Web.Tests;

/// <summary>
/// Self-assessments through /api/v1/assessments over HTTP: the whole life of one, findings accepted and rejected, a file
/// moved between registers, and the refusals — roles (403), bad input (400 naming the field), unknown ids (404) and the
/// wrong state (409).
/// </summary>
public sealed class AssessmentApiTests
{
    private static readonly string[] TownCentre = ["Town Centre CCTV"];

    private static readonly string[] Nowhere = ["Nowhere"];

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Api_StartAnswerSignOffPublish_ThenRefusesChangesWithConflict(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var compliance = await GovernanceTests.TokenClientAsync(app, "compliance");

        var started = await compliance.PostAsJsonAsync("/api/v1/assessments", new { systems = TownCentre, title = "Town centre 2026" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal("/api/v1/assessments/1", started.Headers.Location!.OriginalString);
        var questions = await QuestionIdsAsync(compliance, 1);
        var early = await compliance.PostAsJsonAsync("/api/v1/assessments/1/sign-off", new { by = "Jo Smith, SRO" });
        foreach (var question in questions)
        {
            var answered = await compliance.PutAsJsonAsync($"/api/v1/assessments/1/answers/{question}",
                new { answer = question == "1.1" ? "partly" : "yes", text = question == "1.1" ? "Crime prevention <b>only</b>" : null });
            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        }
        var action = await compliance.PostAsJsonAsync("/api/v1/assessments/1/actions",
            new { principle = 3, text = "Signs at the bus station", owner = "Estates", due = "2020-01-31" });
        var actionId = (await Json(action)).GetProperty("id").GetInt32();
        var signed = await compliance.PostAsJsonAsync("/api/v1/assessments/1/sign-off", new { by = "Jo Smith, SRO" });
        var published = await compliance.PostAsync(new Uri("/api/v1/assessments/1/publish", UriKind.Relative), null);
        var late = await compliance.PutAsJsonAsync("/api/v1/assessments/1/answers/1.1", new { answer = "no" });
        var again = await compliance.PostAsync(new Uri("/api/v1/assessments/1/publish", UriKind.Relative), null);
        var done = await compliance.PatchAsJsonAsync($"/api/v1/assessments/1/actions/{actionId}", new { status = "done" });

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("cannot be signed off", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK), (action.StatusCode, signed.StatusCode, published.StatusCode));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var lateProblem = await Json(late);
        Assert.Equal("assessment 1 is published (signed off by Jo Smith, SRO); only a draft can be changed — start a new assessment instead",
            lateProblem.GetProperty("detail").GetString());
        Assert.Equal("state", lateProblem.GetProperty("problems")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already published", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode); // the plan is carried out after sign-off

        var detail = await Json(await compliance.GetAsync(new Uri("/api/v1/assessments/1", UriKind.Relative)));
        Assert.Equal(("published", "Jo Smith, SRO", "compliance"), (detail.GetProperty("state").GetString(),
            detail.GetProperty("signedOffBy").GetString(), detail.GetProperty("signOffRecordedBy").GetString()));
        Assert.False(detail.GetProperty("stale").GetBoolean());
        Assert.Equal(questions.Count, detail.GetProperty("answered").GetInt32());
        var first = detail.GetProperty("principles")[0].GetProperty("questions")[0];
        Assert.Equal(("1.1", "partly", "Crime prevention <b>only</b>"),
            (first.GetProperty("id").GetString(), first.GetProperty("answer").GetString(), first.GetProperty("text").GetString()));
        var planned = detail.GetProperty("principles")[2].GetProperty("actions")[0];
        Assert.Equal(("Signs at the bus station", "done", false), (planned.GetProperty("action").GetString(), planned.GetProperty("status").GetString(),
            planned.GetProperty("overdue").GetBoolean()));

        var list = await Json(await compliance.GetAsync(new Uri("/api/v1/assessments?state=published&system=Town%20Centre%20CCTV", UriKind.Relative)));
        Assert.Equal(1, list.GetArrayLength());
        Assert.Equal(0, (await Json(await compliance.GetAsync(new Uri("/api/v1/assessments?state=draft", UriKind.Relative)))).GetArrayLength());
        await using var db = await register.OpenAsync();
        var actions = await db.AuditEntries.Where(a => a.EntityType == "assessment").OrderBy(a => a.Sequence).Select(a => a.Action + " " + a.Actor).ToListAsync();
        Assert.Equal(["start compliance", .. questions.Select(_ => "answer compliance"), "add-action compliance", "sign-off compliance",
            "publish compliance", "action-status compliance"], actions);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Api_AcceptsAndRejectsOfferedFindings_WithReasons(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var compliance = await GovernanceTests.TokenClientAsync(app, "compliance");
        await compliance.PostAsJsonAsync("/api/v1/assessments", new { systems = TownCentre });

        var offered = await Json(await compliance.GetAsync(new Uri("/api/v1/assessments/1/findings", UriKind.Relative)));
        Assert.True(offered.GetArrayLength() >= 2, offered.ToString());
        var (accept, reject) = (offered[0], offered[1]);
        Assert.All(offered.EnumerateArray(), o => Assert.Equal(JsonValueKind.Null, o.GetProperty("decision").ValueKind));
        var keyA = accept.GetProperty("key").GetString()!;
        var keyR = reject.GetProperty("key").GetString()!;

        var noReason = await compliance.PostAsJsonAsync($"/api/v1/assessments/1/findings/{keyR}/reject", new { reason = " " });
        var unknown = await compliance.PostAsJsonAsync("/api/v1/assessments/1/findings/99.9/accept", new { });
        var accepted = await compliance.PostAsJsonAsync($"/api/v1/assessments/1/findings/{keyA}/accept", new { });
        var rejected = await compliance.PostAsJsonAsync($"/api/v1/assessments/1/findings/{keyR}/reject", new { reason = "Covered by the survey of 2026" });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("reason", (await Json(noReason)).GetProperty("problems")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("key", (await Json(unknown)).GetProperty("problems")[0].GetProperty("field").GetString());
        Assert.Equal(("accepted", "rejected"), ((await Json(accepted)).GetProperty("decision").GetString(), (await Json(rejected)).GetProperty("decision").GetString()));
        var after = await Json(await compliance.GetAsync(new Uri("/api/v1/assessments/1/findings", UriKind.Relative)));
        Assert.Equal(["accepted", "rejected"], after.EnumerateArray().Where(o => o.GetProperty("key").GetString() is var k && (k == keyA || k == keyR))
            .Select(o => o.GetProperty("decision").GetString()));
        var detail = await Json(await compliance.GetAsync(new Uri("/api/v1/assessments/1", UriKind.Relative)));
        var decisions = detail.GetProperty("principles").EnumerateArray().SelectMany(p => p.GetProperty("findings").EnumerateArray()).ToList();
        Assert.Equal([("accepted", null, accept.GetProperty("text").GetString()), ("rejected", "Covered by the survey of 2026", reject.GetProperty("text").GetString())],
            decisions.Select(d => (d.GetProperty("decision").GetString(), d.GetProperty("reason").GetString(), d.GetProperty("finding").GetString())));
        Assert.All(decisions, d => Assert.Equal("compliance", d.GetProperty("decidedBy").GetString()));
        await using var db = await register.OpenAsync();
        var entries = await db.AuditEntries.Where(a => a.Action == "decide-finding").OrderBy(a => a.Sequence).Select(a => a.After!).ToListAsync();
        Assert.Equal(2, entries.Count);
        Assert.Contains("\"accepted\"", entries[0], StringComparison.Ordinal);
        Assert.Contains("Covered by the survey of 2026", entries[1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Api_ExportFromOneRegister_ImportsIntoAnother(string provider)
    {
        await using var from = await Estate.NewAsync(provider);
        await using var to = await Estate.NewAsync(provider);
        await using var fromApp = new WebApp(from);
        await using var toApp = new WebApp(to);
        using var source = await GovernanceTests.TokenClientAsync(fromApp, "compliance");
        using var target = await GovernanceTests.TokenClientAsync(toApp, "compliance");
        await source.PostAsJsonAsync("/api/v1/assessments", new { systems = TownCentre, title = "Prepared offline" });
        await source.PutAsJsonAsync("/api/v1/assessments/1/answers/1.1", new { answer = "yes", text = "Crime prevention" });
        await source.PutAsJsonAsync("/api/v1/assessments/1/answers/2.1", new { answer = "not-applicable" });
        await source.PostAsJsonAsync("/api/v1/assessments/1/actions", new { principle = 4, text = "Publish the contact point", owner = "Comms", due = "2027-03-01" });

        var exported = await source.GetAsync(new Uri("/api/v1/assessments/1/export", UriKind.Relative));
        var file = await exported.Content.ReadAsStringAsync();
        var imported = await target.PostAsync(new Uri("/api/v1/assessments/import", UriKind.Relative),
            new StringContent(file, Encoding.UTF8, "application/json"));

        Assert.Equal("application/json", exported.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"format\": \"sightline-self-assessment\"", file, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var outcome = await Json(imported);
        Assert.Equal((1, 2, 1, true), (outcome.GetProperty("assessmentId").GetInt32(), outcome.GetProperty("answers").GetInt32(),
            outcome.GetProperty("actions").GetInt32(), outcome.GetProperty("started").GetBoolean()));
        var detail = await Json(await target.GetAsync(new Uri("/api/v1/assessments/1", UriKind.Relative)));
        Assert.Equal(("Prepared offline", "draft"), (detail.GetProperty("title").GetString(), detail.GetProperty("state").GetString()));
        var principles = detail.GetProperty("principles");
        Assert.Equal(("yes", "Crime prevention"), (principles[0].GetProperty("questions")[0].GetProperty("answer").GetString(),
            principles[0].GetProperty("questions")[0].GetProperty("text").GetString()));
        Assert.Equal("not-applicable", principles[1].GetProperty("questions")[0].GetProperty("answer").GetString());
        Assert.Equal("Publish the contact point", principles[3].GetProperty("actions")[0].GetProperty("action").GetString());
        // The target register's own file is the same: nothing was lost on the way.
        Assert.Equal(file, await (await target.GetAsync(new Uri("/api/v1/assessments/1/export", UriKind.Relative))).Content.ReadAsStringAsync());

        var broken = await target.PostAsync(new Uri("/api/v1/assessments/import?into=1", UriKind.Relative),
            new StringContent(file.Replace("\"not-applicable\"", "\"maybe\"", StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        var problem = (await Json(broken)).GetProperty("problems")[0];
        Assert.Equal("answers[1].answer", problem.GetProperty("field").GetString());
        Assert.Equal("body: answers[1].answer: 'maybe' is not one of yes, partly, no, not-applicable", problem.GetProperty("message").GetString());
        var nowhere = await target.PostAsync(new Uri("/api/v1/assessments/import?into=7", UriKind.Relative), new StringContent(file, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, nowhere.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Registers.Providers), MemberType = typeof(Registers))]
    public async Task Api_OnlyComplianceWrites_BadInputNamesTheField_AndTheOpenApiListsThePaths(string provider)
    {
        await using var register = await Estate.NewAsync(provider);
        await using var app = new WebApp(register);
        using var compliance = await GovernanceTests.TokenClientAsync(app, "compliance");
        await compliance.PostAsJsonAsync("/api/v1/assessments", new { systems = TownCentre });
        var file = await (await compliance.GetAsync(new Uri("/api/v1/assessments/1/export", UriKind.Relative))).Content.ReadAsStringAsync();

        foreach (var name in new[] { "admin", "manager", "assessor", "viewer" })
        {
            using var other = await GovernanceTests.TokenClientAsync(app, name);
            var refused = new[]
            {
                await other.PostAsJsonAsync("/api/v1/assessments", new { systems = TownCentre }),
                await other.PutAsJsonAsync("/api/v1/assessments/1/answers/1.1", new { answer = "no" }),
                await other.PostAsJsonAsync("/api/v1/assessments/1/actions", new { principle = 1, text = "x", owner = "y", due = "2027-01-01" }),
                await other.PostAsJsonAsync("/api/v1/assessments/1/sign-off", new { by = "Mallory" }),
                await other.PostAsync(new Uri("/api/v1/assessments/1/publish", UriKind.Relative), null),
                await other.PostAsJsonAsync("/api/v1/assessments/1/findings/1.1/reject", new { reason = "no" }),
                await other.PostAsync(new Uri("/api/v1/assessments/import", UriKind.Relative), new StringContent(file, Encoding.UTF8, "application/json")),
            };
            Assert.All(refused, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(new Uri("/api/v1/assessments/1", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(new Uri("/api/v1/assessments/1/findings", UriKind.Relative))).StatusCode);
        }
        // A browser session reads, but cannot write without a token (its writes go through the page and its antiforgery check).
        using var browser = await app.SignedInAsync("compliance");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/v1/assessments")).StatusCode);

        var cases = new (HttpResponseMessage Response, HttpStatusCode Status, string Field)[]
        {
            (await compliance.PostAsJsonAsync("/api/v1/assessments", new { systems = Array.Empty<string>() }), HttpStatusCode.BadRequest, "systems"),
            (await compliance.PostAsJsonAsync("/api/v1/assessments", new { systems = Nowhere }), HttpStatusCode.BadRequest, "systems"),
            (await compliance.PutAsJsonAsync("/api/v1/assessments/1/answers/1.1", new { answer = "perhaps" }), HttpStatusCode.BadRequest, "answer"),
            (await compliance.PutAsJsonAsync("/api/v1/assessments/1/answers/1.1", new { }), HttpStatusCode.BadRequest, "answer"),
            (await compliance.PutAsJsonAsync("/api/v1/assessments/1/answers/99.1", new { answer = "yes" }), HttpStatusCode.BadRequest, "question"),
            (await compliance.PutAsJsonAsync("/api/v1/assessments/9/answers/1.1", new { answer = "yes" }), HttpStatusCode.NotFound, "id"),
            (await compliance.PostAsJsonAsync("/api/v1/assessments/1/actions", new { principle = 13, text = "x", owner = "y", due = "2027-01-01" }), HttpStatusCode.BadRequest, "principle"),
            (await compliance.PostAsJsonAsync("/api/v1/assessments/1/actions", new { principle = 1, text = "x", owner = "y", due = "31/01/2027" }), HttpStatusCode.BadRequest, "due"),
            (await compliance.PatchAsJsonAsync("/api/v1/assessments/1/actions/1", new { status = "finished" }), HttpStatusCode.BadRequest, "status"),
            (await compliance.PatchAsJsonAsync("/api/v1/assessments/1/actions/5", new { status = "done" }), HttpStatusCode.NotFound, "action"),
            (await compliance.PostAsJsonAsync("/api/v1/assessments/1/sign-off", new { by = "" }), HttpStatusCode.BadRequest, "by"),
            (await compliance.GetAsync(new Uri("/api/v1/assessments/9", UriKind.Relative)), HttpStatusCode.NotFound, "id"),
            (await compliance.GetAsync(new Uri("/api/v1/assessments?state=finished", UriKind.Relative)), HttpStatusCode.BadRequest, "state"),
            (await compliance.PostAsync(new Uri("/api/v1/assessments/import", UriKind.Relative), new StringContent("{\"format\": ", Encoding.UTF8, "application/json")),
                HttpStatusCode.BadRequest, "body"),
        };
        foreach (var (response, status, field) in cases)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(field, (await Json(response)).GetProperty("problems")[0].GetProperty("field").GetString());
        }
        Assert.Equal("principle: give a principle of the Code, 1 to 12", (await Json(cases[6].Response)).GetProperty("detail").GetString());

        var openapi = await compliance.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        foreach (var path in new[] { "/api/v1/assessments", "/api/v1/assessments/{id}", "/api/v1/assessments/{id}/answers/{question}",
            "/api/v1/assessments/{id}/actions", "/api/v1/assessments/{id}/actions/{action}", "/api/v1/assessments/{id}/sign-off",
            "/api/v1/assessments/{id}/publish", "/api/v1/assessments/{id}/findings", "/api/v1/assessments/{id}/findings/{key}/accept",
            "/api/v1/assessments/{id}/findings/{key}/reject", "/api/v1/assessments/{id}/export", "/api/v1/assessments/import" })
        {
            Assert.Contains($"\"{path}\"", openapi, StringComparison.Ordinal);
        }
        await using var db = await register.OpenAsync();
        Assert.Equal(1, await db.SelfAssessments.CountAsync());
        Assert.Equal(0, await db.AssessmentAnswers.CountAsync());
    }

    private static async Task<List<string>> QuestionIdsAsync(HttpClient client, int id)
    {
        var detail = await Json(await client.GetAsync(new Uri($"/api/v1/assessments/{id}", UriKind.Relative)));
        return [.. detail.GetProperty("principles").EnumerateArray().SelectMany(p => p.GetProperty("questions").EnumerateArray())
            .Select(q => q.GetProperty("id").GetString()!)];
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
