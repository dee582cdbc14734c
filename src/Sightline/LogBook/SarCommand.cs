using System.CommandLine;
using System.Text;
using System.Text.Json;
using Sightline.Cli;
using Sightline.Compliance;
using Sightline.Data.Compliance;
using Sightline.Data.LogBook;
using Sightline.Register;

namespace Sightline.LogBook;

/// <summary>
/// `sightline sar list|show|add|set`: subject access requests for footage, due one month from receipt (extendable by
/// two), each holding the footage it names until it closes. Every change is audited; the requester's details never reach
/// the audit log.
/// </summary>
public static class SarCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("sar", "Subject access requests for footage: receipt, identity, search, hold, due date, extension, supply, closure");
        command.Subcommands.Add(List(cli));
        command.Subcommands.Add(Show(cli));
        command.Subcommands.Add(LogBookCli.Add(cli, "Record a request received; a hold is placed on the footage it names (every system's when it names none)",
            "Subject access request", SubjectAccessRequests.Fields, (db, actor, parse, values, cancel) =>
                SubjectAccessRequests.AddAsync(db, LogBookCli.Clock(cli, parse), cli.Context.Time, actor, values, cancel),
            async (db, parse, id, cancel) =>
            {
                var request = await SubjectAccessRequests.FindAsync(db, id, cancel);
                var clock = LogBookCli.Clock(cli, parse);
                return $"Due {LogBookCli.Day(clock.Due(request!))}; footage held by hold {LogBookCli.Key(request!.HoldId!.Value)}.";
            }));
        command.Subcommands.Add(LogBookCli.Set(cli, "Record a step (--identity-verified, --searched, --extension-months with reason and day told, --supplied, --closed…) or correct a field",
            "Subject access request", SubjectAccessRequests.Fields, (db, actor, parse, id, values, cancel) =>
                SubjectAccessRequests.SetAsync(db, LogBookCli.Clock(cli, parse), cli.Context.Time, actor, id, values, cancel)));
        return command;
    }

    private static Command List(CommandRunner cli)
    {
        var due = new Option<bool>("--due") { Description = $"Only requests overdue or due within {Sightline.LogBook.SarClock.SoonDays} days" };
        var all = new Option<bool>("--all") { Description = "Closed requests too" };
        var json = new Option<bool>("--json") { Description = "Print a JSON array: one object per request (id, received, due, status, hold, flag…)" };
        var command = new Command("list", "Print the open requests, soonest due first, flagging the overdue and the soon due") { due, all, json };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            if (LogBookCli.ClockOrFail(cli, parse) is not { } clock)
            {
                return SightlineCli.Failed;
            }
            var views = await SubjectAccessRequests.ListAsync(db, clock, LogBookRecords.Today(cli.Context.Time), parse.GetValue(all), cancel);
            if (parse.GetValue(due))
            {
                views = views.FindAll(v => v.Flag is not null);
            }
            var held = await HeldAsync(db, views, cancel);
            if (parse.GetValue(json))
            {
                await cli.Context.Data.WriteLineAsync(Json(views, held));
                return 0;
            }
            SystemsCommand.Table(cli.Context.Out, ["ID", "Received", "Due", "Status", "Hold", "Flag"], views.ConvertAll(v => new[]
            {
                LogBookCli.Key(v.Request.Id), LogBookCli.Day(v.Request.Received), LogBookCli.Day(v.Due), Words.Of(v.Request.Stage),
                v.Request.HoldId is { } h ? $"{LogBookCli.Key(h)}{(held.Contains(h) ? "" : " (released)")}" : "", v.Flag ?? "",
            }));
            return 0;
        }, cancel));
        return command;
    }

    private static Command Show(CommandRunner cli)
    {
        var id = new Argument<int>("ID") { Description = "The request's ID" };
        var command = new Command("show", "Print a request's fields, its due day and its hold") { id };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            if (LogBookCli.ClockOrFail(cli, parse) is not { } clock)
            {
                return SightlineCli.Failed;
            }
            if (await SubjectAccessRequests.FindAsync(db, parse.GetValue(id), cancel) is not { } request)
            {
                return cli.Fail($"there is no subject access request with ID {LogBookCli.Key(parse.GetValue(id))}");
            }
            var output = cli.Context.Out;
            output.WriteLine($"Subject access request {LogBookCli.Key(request.Id)}: {Words.Of(request.Stage)}, due {LogBookCli.Day(clock.Due(request))}" +
                (clock.Flag(request, LogBookRecords.Today(cli.Context.Time)) is { } flag ? $" ({flag})" : ""));
            RecordText.Print(output, request, SubjectAccessRequests.Fields);
            output.WriteLine($"Systems by name: {await LogBookRecords.SystemNamesAsync(db, request.Systems, cancel)}");
            if (request.HoldId is { } holdId && await db.LegalHolds.FindAsync([holdId], cancel) is { } hold)
            {
                output.WriteLine($"Hold {LogBookCli.Key(hold.Id)}: " + (hold.Released is { } released
                    ? $"released {LogBookCli.Day(released)} ({hold.ReleaseReason})" : $"in force, review by {LogBookCli.Day(hold.ReviewBy)}"));
            }
            return 0;
        }, cancel));
        return command;
    }

    private static async Task<HashSet<int>> HeldAsync(Data.RegisterDb db, List<SubjectAccessRequests.View> views, CancellationToken cancel)
    {
        var ids = views.Where(v => v.Request.HoldId is not null).Select(v => v.Request.HoldId!.Value).ToList();
        return [.. await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.LegalHolds.Where(h => ids.Contains(h.Id) && h.Released == null).Select(h => h.Id), cancel)];
    }

    private static string Json(List<SubjectAccessRequests.View> views, HashSet<int> held)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var v in views)
            {
                var r = v.Request;
                json.WriteStartObject();
                json.WriteNumber("id", r.Id);
                json.WriteString("received", LogBookCli.Day(r.Received));
                json.WriteString("due", LogBookCli.Day(v.Due));
                json.WriteString("status", Words.Of(r.Stage));
                if (r.HoldId is { } hold)
                {
                    json.WriteNumber("hold", hold);
                }
                else
                {
                    json.WriteNull("hold");
                }
                json.WriteBoolean("held", r.HoldId is { } h && held.Contains(h));
                json.WriteString("flag", v.Flag);
                json.WriteNumber("extensionMonths", r.ExtensionMonths);
                json.WriteString("channel", r.Channel);
                json.WriteString("systems", r.Systems);
                json.WriteString("identityVerified", r.IdentityVerified is { } iv ? LogBookCli.Day(iv) : null);
                json.WriteString("searched", r.Searched is { } s ? LogBookCli.Day(s) : null);
                json.WriteString("supplied", r.Supplied is { } su ? LogBookCli.Day(su) : null);
                json.WriteString("redaction", r.Redaction is { } red ? Words.Of(red) : null);
                json.WriteString("outcome", r.Outcome is { } o ? Words.Of(o) : null);
                json.WriteString("closed", r.Closed is { } c ? LogBookCli.Day(c) : null);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
