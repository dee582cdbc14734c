using System.CommandLine;
using System.Globalization;
using Sightline.Cli;
using Sightline.Data.Compliance;
using Sightline.Register;

namespace Sightline.Compliance;

/// <summary>`sightline certifications list|add|remove`: third-party certification against the Code, with expiry alerts.</summary>
public static class CertificationsCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("certifications", "Third-party certifications (NSI, SSAIB, IQ Verify) and their expiry alerts");
        command.Subcommands.Add(List(cli));
        command.Subcommands.Add(Add(cli));
        command.Subcommands.Add(Remove(cli));
        return command;
    }

    private static Command List(CommandRunner cli)
    {
        var command = new Command("list", $"Print the certifications, soonest expiry first, with alerts {CertificationRecords.FirstAlert} and {CertificationRecords.SecondAlert} days before expiry");
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            var today = DateOnly.FromDateTime(cli.Context.Time.GetUtcNow().UtcDateTime);
            var rows = (await CertificationRecords.ListAsync(db, today, cancel)).ConvertAll(v => new[]
            {
                v.Certification.Id.ToString(CultureInfo.InvariantCulture), Words.Of(v.Certification.Body), Words.Of(v.Certification.Step),
                v.Certification.Reference ?? "", string.Join("; ", v.Systems), v.Certification.Issued.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                v.Certification.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.Alert ?? "",
            });
            SystemsCommand.Table(cli.Context.Out, ["ID", "Body", "Step", "Reference", "Systems", "Issued", "Expires", "Alert"], rows);
            return 0;
        }, cancel));
        return command;
    }

    private static Command Add(CommandRunner cli)
    {
        var body = new Option<string>("--body") { Description = $"The certification body: {Words.List<Sightline.Compliance.CertificationBody>()}", Required = true };
        var step = new Option<string>("--step") { Description = "desktop (valid 1 year) or full (valid 5 years)", Required = true };
        var issued = new Option<string>("--issued") { Description = "The day it was issued, YYYY-MM-DD", Required = true };
        var expires = new Option<string?>("--expires") { Description = "The last day it is valid, when the certificate says other than the step's term" };
        var reference = new Option<string?>("--reference") { Description = "The certificate number (and the body's name for 'other')" };
        var systems = new Option<string[]>("--system") { Description = "A system it covers (ID or name), repeatable", Required = true };
        var command = new Command("add", "Record a certification; audited") { body, step, issued, expires, reference, systems };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var (id, problems) = await CertificationRecords.AddAsync(db, cli.Context.Time, actor, parse.GetValue(body)!, parse.GetValue(step)!,
                parse.GetValue(issued)!, parse.GetValue(expires), parse.GetValue(reference), parse.GetValue(systems) ?? [], cancel);
            if (problems.Count > 0)
            {
                return cli.Fail(string.Join("; ", problems));
            }
            cli.Context.Out.WriteLine($"Certification {id!.Value.ToString(CultureInfo.InvariantCulture)} recorded.");
            return 0;
        }, cancel));
        return command;
    }

    private static Command Remove(CommandRunner cli)
    {
        var id = new Argument<int>("ID") { Description = "The certification's ID" };
        var command = new Command("remove", "Remove a certification recorded in error; audited") { id };
        command.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            if (await CertificationRecords.RemoveAsync(db, cli.Context.Time, actor, parse.GetValue(id), cancel) is { } problem)
            {
                return cli.Fail(problem);
            }
            cli.Context.Out.WriteLine($"Certification {parse.GetValue(id).ToString(CultureInfo.InvariantCulture)} removed.");
            return 0;
        }, cancel));
        return command;
    }
}
