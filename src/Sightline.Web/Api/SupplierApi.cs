using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Accounts;
using Sightline.Data.Procurement;
using Sightline.Knowledge;
using Sightline.Procurement;
using Sightline.Web.Accounts;
using Sightline.Web.Reports;

namespace Sightline.Web.Api;

/// <summary>
/// Suppliers and their due diligence under /api/v1: everyone with a role reads; writes take an API token of the
/// Procurement role (which cannot change the device register).
/// </summary>
public static class SupplierApi
{
    public sealed record FindingView(string Kind, DateOnly Day, string Text, string Source, int? Questionnaire);

    public sealed record ReplyView(string? Question, bool Declined, string? Text, string? Evidence, DateOnly Received);

    public sealed record QuestionnaireView(int Id, string Set, string Version, DateOnly Sent, DateOnly Deadline, IReadOnlyList<string> Questions,
        IReadOnlyList<ReplyView> Replies);

    public sealed record DeviceView(int Id, string? AssetId, string? Model, string How);

    public sealed record SupplierView(int Id, IReadOnlyDictionary<string, string?> Fields, string Questionnaire, IReadOnlyList<FindingView> Findings);

    public sealed record SupplierDetail(int Id, IReadOnlyDictionary<string, string?> Fields, string Questionnaire, IReadOnlyList<FindingView> Findings,
        IReadOnlyList<QuestionnaireView> Questionnaires, int DeviceCount, IReadOnlyList<DeviceView> Devices);

    public sealed record LinkRequest(string Device, string? Link);

    public sealed record SendRequest(string? Sent, string? Deadline);

    public sealed record ReplyRequest(string? Question, bool Declined, string? Text, string? Evidence, string? Received);

    public sealed record ImportView(int Answers, int Refusals);

    /// <summary>How many devices a supplier's detail lists.</summary>
    public const int DevicesListed = 100;

    public static void MapSupplierApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").WithTags("Suppliers");
        var write = new AuthorizationPolicyBuilder(ApiTokenHandler.SchemeName).RequireRole(Roles.Procurement).Build();
        api.MapGet("/suppliers", ListAsync).RequireAuthorization(Policies.Read)
            .WithSummary("Every supplier with its fields, questionnaire status (none, awaiting, answered, declined, overdue) and due-diligence findings.");
        api.MapGet("/suppliers/{id:int}", GetAsync).RequireAuthorization(Policies.Read)
            .WithSummary("One supplier: fields, findings, questionnaires with every reply, and the devices it supplied (the first 100).");
        api.MapPost("/suppliers", AddAsync).RequireAuthorization(write)
            .WithSummary("Records a supplier (Procurement) from an object of field name to value; 201 with it, 400 with the problems.");
        api.MapPatch("/suppliers/{id:int}", SetAsync).RequireAuthorization(write)
            .WithSummary("Changes fields of a supplier (Procurement); null or blank clears an optional field.");
        api.MapPost("/suppliers/{id:int}/devices", LinkAsync).RequireAuthorization(write)
            .WithSummary("Links a device (ID or asset id) as delivered or maintained by the supplier (Procurement).");
        api.MapPost("/suppliers/{id:int}/questionnaires", SendAsync).RequireAuthorization(write)
            .WithSummary("Records the shipped due-diligence questionnaire as sent (Procurement): sent and deadline, YYYY-MM-DD, both optional.");
        api.MapPost("/questionnaires/{id:int}/replies", ReplyAsync).RequireAuthorization(write)
            .WithSummary("Records an answer (question, text, evidence) or a refusal (declined: true; question null for all of it) (Procurement).");
        api.MapGet("/questionnaires/{id:int}/letter", LetterAsync).RequireAuthorization(Policies.Read)
            .WithSummary("The letter sent with a questionnaire and its questions: format=html (default) or pdf.");
        api.MapGet("/questionnaires/{id:int}/form", FormAsync).RequireAuthorization(Policies.Read)
            .WithSummary("The return form of a questionnaire: CSV (UTF-8 with BOM), one row per question, for the supplier to fill in.");
        api.MapPost("/questionnaires/{id:int}/form", ImportAsync).RequireAuthorization(write)
            .WithSummary("Imports a filled return form sent as the request body (CSV), received on ?received=YYYY-MM-DD (default today): all rows or none (Procurement).");
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static Dictionary<string, string?> Fields(Supplier s) => SupplierRecords.Fields(null).ToDictionary(f => f.Name, f => f.Get(s));

    private static List<FindingView> Findings(DueDiligence.Record r) => r.Findings.Select(f => new FindingView(f.Kind, f.Day, f.Text, f.Source, f.QuestionnaireId)).ToList();

    private static async Task<List<SupplierView>> ListAsync(RegisterDb db, TimeProvider time, CancellationToken cancel)
    {
        var views = new List<SupplierView>();
        foreach (var supplier in await SupplierRecords.ListAsync(db, cancel))
        {
            var record = await DueDiligence.RecordAsync(db, supplier, Today(time), cancel);
            views.Add(new SupplierView(supplier.Id, Fields(supplier), DueDiligence.StatusOf(record), Findings(record)));
        }
        return views;
    }

    private static async Task<SupplierDetail?> DetailAsync(RegisterDb db, int id, TimeProvider time, CancellationToken cancel)
    {
        if (await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancel) is not { } supplier)
        {
            return null;
        }
        var record = await DueDiligence.RecordAsync(db, supplier, Today(time), cancel);
        var devices = await SupplierDevices.ListAsync(db, supplier, DevicesListed, cancel);
        return new SupplierDetail(id, Fields(supplier), DueDiligence.StatusOf(record), Findings(record),
            record.Questionnaires.Select(q => new QuestionnaireView(q.Questionnaire.Id, q.Questionnaire.SetId, q.Questionnaire.Version, q.Questionnaire.Sent,
                q.Questionnaire.Deadline, DueDiligenceFindings.Ids(q.Questionnaire.Questions),
                q.Replies.Select(r => new ReplyView(r.QuestionId, r.Declined, r.Text, r.Evidence, r.Received)).ToList())).ToList(),
            await SupplierDevices.Of(db, supplier).CountAsync(cancel), devices.ConvertAll(d => new DeviceView(d.DeviceId, d.AssetId, d.Model, d.How)));
    }

    private static async Task<Results<Ok<SupplierDetail>, NotFound>> GetAsync(int id, RegisterDb db, TimeProvider time, CancellationToken cancel) =>
        await DetailAsync(db, id, time, cancel) is { } detail ? TypedResults.Ok(detail) : TypedResults.NotFound();

    private static async Task<Results<Created<SupplierDetail>, ProblemHttpResult>> AddAsync(Dictionary<string, string?> values, RegisterDb db,
        KnowledgeBase knowledge, TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        var outcome = await SupplierRecords.AddAsync(db, knowledge, time, http.User.Identity!.Name!, values, cancel);
        if (!outcome.Succeeded)
        {
            return FieldProblems.Of(outcome.Problems);
        }
        var id = outcome.SupplierId!.Value;
        return TypedResults.Created($"/api/v1/suppliers/{SupplierRecords.Key(id)}", await DetailAsync(db, id, time, cancel));
    }

    private static async Task<Results<Ok<SupplierDetail>, NotFound, ProblemHttpResult>> SetAsync(int id, Dictionary<string, string?> values, RegisterDb db,
        KnowledgeBase knowledge, TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        if (!await db.Suppliers.AnyAsync(s => s.Id == id, cancel))
        {
            return TypedResults.NotFound();
        }
        var outcome = await SupplierRecords.SetAsync(db, knowledge, time, http.User.Identity!.Name!, id, values, cancel);
        return outcome.Succeeded ? TypedResults.Ok((await DetailAsync(db, id, time, cancel))!) : FieldProblems.Of(outcome.Problems);
    }

    private static async Task<Results<Ok<SupplierDetail>, ProblemHttpResult>> LinkAsync(int id, LinkRequest request, RegisterDb db, TimeProvider time,
        HttpContext http, CancellationToken cancel) =>
        await SupplierDevices.LinkAsync(db, time, http.User.Identity!.Name!, id, request.Device ?? "", request.Link ?? "delivered", cancel) is { } problem
            ? FieldProblems.Of([("device", problem)])
            : TypedResults.Ok((await DetailAsync(db, id, time, cancel))!);

    private static async Task<Results<Created<SupplierDetail>, ProblemHttpResult>> SendAsync(int id, SendRequest request, RegisterDb db,
        KnowledgeBase knowledge, TimeProvider time, HttpContext http, CancellationToken cancel)
    {
        DueDiligenceQuestions questions;
        try
        {
            questions = DueDiligenceQuestions.Shipped(knowledge.Folder);
        }
        catch (FormatException e)
        {
            return FieldProblems.Of([("questions", e.Message)]);
        }
        var (_, problem) = await DueDiligence.SendAsync(db, time, http.User.Identity!.Name!, id, questions, request.Sent, request.Deadline, cancel);
        return problem is not null
            ? FieldProblems.Of([("questionnaire", problem)])
            : TypedResults.Created($"/api/v1/suppliers/{SupplierRecords.Key(id)}", (await DetailAsync(db, id, time, cancel))!);
    }

    private static async Task<Results<Ok, ProblemHttpResult>> ReplyAsync(int id, ReplyRequest request, RegisterDb db, TimeProvider time, HttpContext http,
        CancellationToken cancel) =>
        await DueDiligence.ReplyAsync(db, time, http.User.Identity!.Name!, id, request.Question, request.Declined, request.Text, request.Evidence,
            request.Received, cancel) is { } problem
            ? FieldProblems.Of([("reply", problem)])
            : TypedResults.Ok();

    private static async Task<QuestionnaireLetter?> PapersAsync(RegisterDb db, KnowledgeBase knowledge, int id, CancellationToken cancel) =>
        await QuestionnaireReturns.LetterAsync(db, DueDiligenceQuestions.Shipped(knowledge.Folder), id, cancel);

    private static async Task<IResult> LetterAsync(int id, string? format, RegisterDb db, KnowledgeBase knowledge, CancellationToken cancel)
    {
        if (await PapersAsync(db, knowledge, id, cancel) is not { } letter)
        {
            return TypedResults.NotFound();
        }
        var html = QuestionnaireLetterHtml.Html(letter);
        if (format is not (null or "html" or "pdf"))
        {
            return FieldProblems.Of([("format", $"format: '{format}' is not html or pdf")]);
        }
        try
        {
            var file = await ReportFile.MakeAsync(html, QuestionnaireLetterHtml.FileName(id), format == "pdf", cancel);
            return TypedResults.File(file.Content, file.ContentType, file.Name);
        }
        catch (PdfException e)
        {
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> FormAsync(int id, RegisterDb db, KnowledgeBase knowledge, CancellationToken cancel) =>
        await PapersAsync(db, knowledge, id, cancel) is { } letter
            ? TypedResults.File(QuestionnaireForm.Bytes(letter), "text/csv; charset=utf-8", QuestionnaireForm.FileName(id))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<ImportView>, ProblemHttpResult>> ImportAsync(int id, string? received, RegisterDb db, TimeProvider time,
        HttpContext http, CancellationToken cancel)
    {
        var imported = await QuestionnaireReturns.ImportAsync(db, time, http.User.Identity!.Name!, id, http.Request.Body, "form", received, cancel);
        return imported.Problems.Count > 0
            ? FieldProblems.Of(imported.Problems.Select(p => ("form", p)))
            : TypedResults.Ok(new ImportView(imported.Answers, imported.Refusals));
    }
}
