using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Sightline.Web.Pages.Import;

/// <summary>
/// Checked files waiting to be committed, in one private folder, each named by its account and a random id. A file goes
/// when it is committed, when its check found problems, or once it has waited an hour (swept at every upload and when
/// the server starts), so dry runs never committed do not pile up.
/// </summary>
public sealed class Uploads(WebSettings settings, TimeProvider time) : IHostedService
{
    /// <summary>How long a checked file waits for its commit.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>Saves an uploaded file for <paramref name="account"/> and returns the id that names it; sweeps first.</summary>
    public async Task<string> SaveAsync(string account, IFormFile file, CancellationToken cancel)
    {
        Sweep();
        var upload = Guid.NewGuid().ToString("N");
        var path = PathOf(account, upload);
        await using (var saved = File.Create(path))
        {
            await file.CopyToAsync(saved, cancel);
        }
        // Stamped with the server's clock, which the sweep reads too.
        File.SetLastWriteTimeUtc(path, time.GetUtcNow().UtcDateTime);
        return upload;
    }

    /// <summary>The file <paramref name="account"/> uploaded as <paramref name="upload"/>, or null if it is not waiting.</summary>
    public string? Find(string account, string? upload) =>
        Guid.TryParseExact(upload, "N", out _) && PathOf(account, upload!) is var path && File.Exists(path) ? path : null;

    /// <summary>Deletes an upload (committed, or refused by its check).</summary>
    public static void Delete(string path) => File.Delete(path);

    /// <summary>Deletes every upload that has waited longer than <see cref="Lifetime"/>.</summary>
    public void Sweep()
    {
        if (!Directory.Exists(settings.UploadFolder))
        {
            return;
        }
        var before = (time.GetUtcNow() - Lifetime).UtcDateTime;
        foreach (var path in Directory.EnumerateFiles(settings.UploadFolder, "*.csv"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(path) < before)
                {
                    File.Delete(path);
                }
            }
            catch (IOException)
            {
                // Being committed at this moment, or gone already; the next sweep looks again.
            }
        }
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken)
    {
        Sweep();
        return Task.CompletedTask;
    }

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string PathOf(string account, string upload)
    {
        var folder = settings.UploadFolder;
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return Path.Combine(folder, $"{account}-{upload}.csv");
    }
}
