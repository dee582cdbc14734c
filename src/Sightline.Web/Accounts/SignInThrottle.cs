using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Accounts;

namespace Sightline.Web.Accounts;

/// <summary>
/// Pauses sign-ins with one account name from one client address after five failures in a row, for 15 minutes.
/// Names that exist and names that do not are counted alike, so the answer never tells them apart; and since
/// the pause is per address, failures from elsewhere never keep an account's owner (an Admin included) out.
/// </summary>
public sealed class SignInThrottle(RegisterDb db, TimeProvider time)
{
    /// <summary>Failures in a row before the pause.</summary>
    public const int Limit = 5;

    /// <summary>How long the pause lasts after the latest failure.</summary>
    public static readonly TimeSpan Pause = TimeSpan.FromMinutes(15);

    /// <summary>True while sign-ins with this name from this address are paused.</summary>
    public async Task<bool> IsPausedAsync(string name, string address, CancellationToken cancel)
    {
        var key = Key(name);
        var failure = await db.SignInFailures.AsNoTracking().SingleOrDefaultAsync(f => f.Name == key && f.Address == address, cancel);
        return failure is not null && failure.Failures >= Limit && time.GetUtcNow() - failure.LastFailure < Pause;
    }

    /// <summary>Counts a failure; a run of failures older than the pause starts again from one.</summary>
    public async Task FailedAsync(string name, string address, CancellationToken cancel)
    {
        var key = Key(name);
        var now = time.GetUtcNow();
        var failure = await db.SignInFailures.SingleOrDefaultAsync(f => f.Name == key && f.Address == address, cancel);
        if (failure is null)
        {
            db.SignInFailures.Add(new SignInFailure { Name = key, Address = address, Failures = 1, LastFailure = now });
        }
        else
        {
            failure.Failures = now - failure.LastFailure < Pause ? failure.Failures + 1 : 1;
            failure.LastFailure = now;
        }
        try
        {
            await db.SaveChangesAsync(cancel);
        }
        catch (DbUpdateException)
        {
            // Two failures at once from one address for one name: one of them is counted, which is enough.
        }
    }

    /// <summary>A successful sign-in clears the failures of this name from this address.</summary>
    public Task SucceededAsync(string name, string address, CancellationToken cancel)
    {
        var key = Key(name);
        return db.SignInFailures.Where(f => f.Name == key && f.Address == address).ExecuteDeleteAsync(cancel);
    }

    /// <summary>Clears the failures of this name from every address (`sightline users unlock`).</summary>
    public static Task<int> ClearAsync(RegisterDb db, string name, CancellationToken cancel)
    {
        var key = Key(name);
        return db.SignInFailures.Where(f => f.Name == key).ExecuteDeleteAsync(cancel);
    }

    // Identity compares names upper-cased; long input is cut so a crafted name cannot overflow the column.
    private static string Key(string name)
    {
        var key = name.Trim().ToUpperInvariant();
        return key.Length <= 256 ? key : key[..256];
    }
}
