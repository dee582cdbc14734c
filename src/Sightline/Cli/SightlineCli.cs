using System.CommandLine;
using System.Data.Common;
using Sightline.Assessments;
using Sightline.AuditLog;
using Sightline.Compliance;
using Sightline.Data;
using Sightline.Demo;
using Sightline.Devices;
using Sightline.Exports;
using Sightline.Farming;
using Sightline.OpenStreetMap;
using Sightline.Identifying;
using Sightline.Importing;
using Sightline.Scanning;
using Sightline.Kb;
using Sightline.LogBook;
using Sightline.Procurement;
using Sightline.Reports;
using Sightline.Remediation;
using Sightline.Serving;
using Sightline.Setup;
using Sightline.Users;

namespace Sightline.Cli;

/// <summary>The `sightline` command: one verb per feature.</summary>
public static class SightlineCli
{
    /// <summary>Exit code when an input or the audit chain has problems.</summary>
    public const int ProblemsFound = 1;

    /// <summary>Exit code when the register cannot be used or the command line is wrong.</summary>
    public const int Failed = 2;

    /// <summary>Parses and runs one command line.</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancel = default)
    {
        var cli = new CommandRunner(new RegisterOptions(), context);
        var root = new RootCommand("Sightline: know every surveillance camera you run, who really made it, and defend it.");
        cli.Options.AddTo(root);
        root.Subcommands.Add(InitCommand.Create(cli));
        root.Subcommands.Add(ImportCommand.Create(cli));
        root.Subcommands.Add(ExportCommand.Create(cli));
        root.Subcommands.Add(DevicesCommand.Create(cli));
        root.Subcommands.Add(AuditCommand.Create(cli));
        root.Subcommands.Add(IdentifyCommand.Create(cli));
        root.Subcommands.Add(KbCommand.Create(cli));
        root.Subcommands.Add(ScanCommand.Create(cli));
        root.Subcommands.Add(FarmCommand.Create(cli));
        root.Subcommands.Add(DemoCommand.Create(cli));
        root.Subcommands.Add(ServeCommand.Create(cli));
        root.Subcommands.Add(UsersCommand.Create(cli));
        root.Subcommands.Add(AssessCommand.Create(cli));
        root.Subcommands.Add(ReportCommand.Create(cli));
        root.Subcommands.Add(OrgCommand.Create(cli));
        root.Subcommands.Add(SystemsCommand.Create(cli));
        root.Subcommands.Add(DpiaCommand.Create(cli));
        root.Subcommands.Add(CertificationsCommand.Create(cli));
        root.Subcommands.Add(ComplianceCommand.Create(cli));
        root.Subcommands.Add(SuppliersCommand.Create(cli));
        root.Subcommands.Add(RemediationCommand.Create(cli));
        root.Subcommands.Add(ProcurementCommand.Create(cli));
        root.Subcommands.Add(Publishing.PublishCommand.Create(cli));
        root.Subcommands.Add(ReconcileCommand.Create(cli));
        root.Subcommands.Add(SarCommand.Create(cli));
        root.Subcommands.Add(LogBookCommand.Create(cli));
        var parse = root.Parse(args);
        // After Ctrl-C a command has this long to keep what it has (a stopped scan writes what it found) before the process ends.
        return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Out, Error = context.Error, ProcessTerminationTimeout = TimeSpan.FromSeconds(30) }, cancel);
    }
}
