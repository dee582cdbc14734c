using System.CommandLine;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Audit;
using Sightline.Knowledge;

namespace Sightline.Cli;

/// <summary>What every command's action shares: the options, the context, and turning failures into messages.</summary>
public sealed class CommandRunner(RegisterOptions options, CliContext context)
{
    public RegisterOptions Options => options;

    public CliContext Context => context;

    /// <summary>Runs an action against the chosen register; register problems become one clear line and exit code 2.</summary>
    public Task<int> WithRegisterAsync(ParseResult parse, Func<RegisterDb, string, Task<int>> action, CancellationToken cancel) =>
        RunAsync(parse, create: false, action, cancel);

    /// <summary>As <see cref="WithRegisterAsync"/>, but a new SQLite register may be created.</summary>
    public Task<int> WithNewOrExistingRegisterAsync(ParseResult parse, Func<RegisterDb, string, Task<int>> action, CancellationToken cancel) =>
        RunAsync(parse, create: true, action, cancel);

    private async Task<int> RunAsync(ParseResult parse, bool create, Func<RegisterDb, string, Task<int>> action, CancellationToken cancel)
    {
        RegisterLocation? location = null;
        try
        {
            location = options.Resolve(parse, context);
            await using var db = await location.OpenAsync(create, cancel);
            // `init` (create) checkpoints itself: it may be what makes the tables this reads.
            var (before, _) = create ? (0L, "") : await AuditCheckpoints.HeadAsync(db, cancel);
            var code = await action(db, options.ActorOf(parse, context));
            if (!create)
            {
                await CheckpointAfterAsync(location, before);
            }
            return code;
        }
        catch (Exception e) when (e is RegisterException or DbException or DbUpdateException or InvalidOperationException { InnerException: DbException })
        {
            var error = location?.Explain(Unwrap(e)) ?? (RegisterException)e;
            await context.Error.WriteLineAsync($"error: {error.Message}");
            return SightlineCli.Failed;
        }
        catch (KnowledgeException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return SightlineCli.Failed;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("stopped: nothing was changed by the interrupted command");
            return 130;
        }
    }

    // A context of its own: a command may have handed its context to a service container that disposed it. Not
    // cancellable: after Ctrl-C, `serve` and `scan` end normally and what they wrote deserves its checkpoint. A register
    // that cannot be opened again only costs the checkpoint, not the command's success.
    private async Task CheckpointAfterAsync(RegisterLocation location, long before)
    {
        RegisterDb after;
        try
        {
            after = await location.OpenAsync(create: false, CancellationToken.None);
        }
        catch (Exception e) when (e is RegisterException or DbException)
        {
            await context.Error.WriteLineAsync($"warning: no audit checkpoint was written: {e.Message}");
            return;
        }
        await using (after)
        {
            await CheckpointAsync(after, before, CancellationToken.None);
        }
    }

    /// <summary>
    /// At the end of a command that added audit entries (the head moved past <paramref name="before"/>), writes a signed
    /// checkpoint if the register has a key, so the newest entries are anchored outside it; says where on standard error.
    /// </summary>
    public async Task CheckpointAsync(RegisterDb db, long before, CancellationToken cancel)
    {
        try
        {
            var (head, _) = await AuditCheckpoints.HeadAsync(db, cancel);
            if (head <= before)
            {
                return;
            }
            // The command's own last write may already have written it (after every N entries).
            await AuditCheckpoints.WriteIfDueAsync(db, context.Time, endOfCommand: true, cancel);
            if (await AuditCheckpoints.LatestAsync(db, cancel) is { } latest && latest.Sequence == head)
            {
                await context.Error.WriteLineAsync($"audit checkpoint of entry {latest.Sequence} written to {latest.File}");
            }
        }
        catch (Exception e) when (e is RegisterException or DbException or DbUpdateException)
        {
            await context.Error.WriteLineAsync($"warning: no audit checkpoint was written: {e.Message}");
        }
    }

    /// <summary>The knowledge this invocation names, loaded once; a <see cref="KnowledgeException"/> if it cannot be used.</summary>
    public KnowledgeBase Knowledge(ParseResult parse)
    {
        var folder = options.KnowledgeFolder(parse, context);
        if (_knowledge?.Folder != folder)
        {
            _knowledge = KnowledgeBase.Load(folder);
        }
        return _knowledge;
    }

    private KnowledgeBase? _knowledge;

    /// <summary>Runs an action that needs only the knowledge; knowledge problems become a clear message and exit code 2.</summary>
    public async Task<int> WithKnowledgeAsync(ParseResult parse, Func<KnowledgeBase, Task<int>> action)
    {
        try
        {
            return await action(Knowledge(parse));
        }
        catch (KnowledgeException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return SightlineCli.Failed;
        }
    }

    /// <summary>Prints a user error and returns the failure exit code.</summary>
    public int Fail(string message)
    {
        context.Error.WriteLine($"error: {message}");
        return SightlineCli.Failed;
    }

    private static Exception Unwrap(Exception e) =>
        e is DbUpdateException { InnerException: { } inner } ? inner : e;
}
