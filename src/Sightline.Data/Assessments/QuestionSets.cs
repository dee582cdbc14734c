using Microsoft.EntityFrameworkCore;
using Sightline.Assessments;
using Sightline.Data.Audit;

namespace Sightline.Data.Assessments;

/// <summary>
/// The question sets in the register: the newest loaded is the current one; until one is loaded, the set shipped in
/// the knowledge folder is stored when the first assessment starts.
/// </summary>
public static class QuestionSets
{
    /// <summary>Who "loaded" the shipped set when it is stored on first use.</summary>
    public const string Shipped = "sightline (shipped set)";

    /// <summary>The shipped set's JSON, read from <paramref name="knowledgeFolder"/>.</summary>
    public static string ShippedJson(string knowledgeFolder)
    {
        var path = Path.Combine(knowledgeFolder, QuestionSet.ShippedFile);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RegisterException($"cannot read the shipped question set {path}: {e.Message}", e);
        }
    }

    /// <summary>The current stored set, or null when none has been stored yet.</summary>
    public static Task<StoredQuestionSet?> CurrentAsync(RegisterDb db, CancellationToken cancel) =>
        db.QuestionSets.AsNoTracking().OrderByDescending(s => s.Id).FirstOrDefaultAsync(cancel);

    /// <summary>Parses a stored set (it was checked when loaded).</summary>
    public static QuestionSet Parse(StoredQuestionSet stored) => QuestionSet.Parse(stored.Json, $"question set {stored.SetId} {stored.Version}");

    /// <summary>
    /// Checks and stores a question set file's text, which becomes the current set; refused when that id and version is
    /// already stored. Problems are a <see cref="QuestionSetException"/> naming each place.
    /// </summary>
    public static async Task<StoredQuestionSet> LoadAsync(RegisterDb db, TimeProvider time, string actor, string json, string where,
        CancellationToken cancel)
    {
        var set = QuestionSet.Parse(json, where);
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        var stored = await StoreAsync(write, set, json, time.GetUtcNow(), actor, cancel);
        await write.CommitAsync(cancel);
        return stored;
    }

    /// <summary>The current set, storing the shipped one first when none is stored; inside <paramref name="write"/>.</summary>
    internal static async Task<StoredQuestionSet> CurrentOrShippedAsync(RegisterWrite write, string knowledgeFolder, DateTimeOffset now,
        CancellationToken cancel)
    {
        if (await CurrentAsync(write.Db, cancel) is { } current)
        {
            return current;
        }
        var json = ShippedJson(knowledgeFolder);
        return await StoreAsync(write, QuestionSet.Parse(json, Path.Combine(knowledgeFolder, QuestionSet.ShippedFile)), json, now, Shipped, cancel);
    }

    private static async Task<StoredQuestionSet> StoreAsync(RegisterWrite write, QuestionSet set, string json, DateTimeOffset now, string actor,
        CancellationToken cancel)
    {
        if (await write.Db.QuestionSets.AnyAsync(s => s.SetId == set.Id && s.Version == set.Version, cancel))
        {
            throw new RegisterException(
                $"question set {set.Id} version {set.Version} is already loaded; give a changed set a new version");
        }
        var stored = new StoredQuestionSet
        {
            SetId = set.Id,
            Version = set.Version,
            CodeVersion = set.CodeVersion,
            Json = json,
            Loaded = now,
            LoadedBy = actor,
        };
        write.Db.QuestionSets.Add(stored);
        write.Record(AssessmentAudit.Load, AssessmentAudit.QuestionSet, $"{set.Id} {set.Version}", null, AuditJson.Of(
            ("code version", set.CodeVersion), ("questions", set.All.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("own words", set.OwnWords ? "yes" : "no")));
        await write.Db.SaveChangesAsync(cancel);
        return stored;
    }
}
