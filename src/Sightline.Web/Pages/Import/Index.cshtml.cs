using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Csv;
using Sightline.Data;
using Sightline.Data.Import;
using Sightline.Knowledge;

namespace Sightline.Web.Pages.Import;

/// <summary>
/// Upload → dry run → commit. The checked file waits (<see cref="Uploads"/>) under a random name tied to the account,
/// so the commit imports exactly the bytes that were checked (and nobody else's).
/// </summary>
[RequestSizeLimit(512L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 512L * 1024 * 1024)]
public sealed class IndexModel(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, UserManager<Sightline.Data.Accounts.Account> users,
    Uploads uploads) : PageModel
{
    private static readonly string[] Kinds = ["devices", "sites", "systems"];

    public string What { get; private set; } = "devices";

    /// <summary>How the file is read: "utf-8", or "latin1" for a spreadsheet saved as Latin-1 (Windows-1252).</summary>
    public string Encoding { get; private set; } = "utf-8";

    public string? FileName { get; private set; }

    public string? Upload { get; private set; }

    public ImportResult? Result { get; private set; }

    public string? Problem { get; private set; }


    public async Task<IActionResult> OnPostCheckAsync(string? what, string? encoding, IFormFile? file, CancellationToken cancel)
    {
        What = Kinds.Contains(what) ? what! : "devices";
        Encoding = EncodingOf(encoding);
        if (file is null || file.Length == 0)
        {
            Problem = "Choose a CSV file to check.";
            return Page();
        }
        FileName = Path.GetFileName(file.FileName);
        Upload = await uploads.SaveAsync(Account, file, cancel);
        var path = uploads.Find(Account, Upload)!;
        Result = await RunAsync(path, dryRun: true, cancel);
        if (Result.ProblemCount > 0)
        {
            Uploads.Delete(path);
            Upload = null;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostCommitAsync(string? upload, string? what, string? encoding, string? fileName, CancellationToken cancel)
    {
        What = Kinds.Contains(what) ? what! : "devices";
        Encoding = EncodingOf(encoding);
        FileName = Path.GetFileName(fileName ?? "upload.csv");
        if (uploads.Find(Account, upload) is not { } path)
        {
            Problem = "That upload is no longer waiting; check the file again.";
            return Page();
        }
        try
        {
            Result = await RunAsync(path, dryRun: false, cancel);
        }
        finally
        {
            Uploads.Delete(path);
        }
        return Page();
    }

    private string Account => users.GetUserId(User)!;

    private async Task<ImportResult> RunAsync(string path, bool dryRun, CancellationToken cancel)
    {
        var actor = User.Identity!.Name!;
        await using var input = System.IO.File.OpenRead(path);
        var encoding = CsvText.Parse(Encoding) ?? CsvEncoding.Utf8;
        return What == "devices"
            ? await new DeviceImport(db, time, actor, knowledge) { FileEncoding = encoding }.RunAsync(input, FileName ?? "upload.csv", dryRun, cancel)
            : await new PlaceImport(db, time, actor) { FileEncoding = encoding }.RunAsync(input, What == "sites", dryRun, cancel);
    }

    private static string EncodingOf(string? encoding) => CsvText.Parse(encoding) == CsvEncoding.Latin1 ? "latin1" : "utf-8";
}
