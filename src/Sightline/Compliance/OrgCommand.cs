using System.CommandLine;
using Sightline.Cli;
using Sightline.Data.Compliance;
using Sightline.Register;

namespace Sightline.Compliance;

/// <summary>`sightline org show|set`: the organisation's profile (PoFA status, SRO, DPO, ICO registration, contact point).</summary>
public static class OrgCommand
{
    public static Command Create(CommandRunner cli)
    {
        var command = new Command("org", "Show or change the organisation's profile");
        var show = new Command("show", "Print the organisation's profile");
        show.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, _) =>
        {
            if (await OrganisationProfile.GetAsync(db, cancel) is not { } organisation)
            {
                return cli.Fail("the register has no organisation; run: sightline init");
            }
            RecordText.Print(cli.Context.Out, organisation, OrganisationProfile.Fields);
            return 0;
        }, cancel));
        var fields = new FieldOptions<Organisation>(OrganisationProfile.Fields);
        var set = new Command("set", "Change fields of the profile (an empty value clears one); the change is audited");
        fields.AddTo(set);
        set.SetAction((parse, cancel) => cli.WithRegisterAsync(parse, async (db, actor) =>
        {
            var given = fields.Given(parse);
            if (given.Count == 0)
            {
                return cli.Fail("name a field to set, e.g. --sro \"Head of Community Safety\"; see sightline org set --help");
            }
            var applied = await OrganisationProfile.SetAsync(db, cli.Context.Time, actor, given, cancel);
            if (applied.Problems.Count > 0)
            {
                return cli.Fail(string.Join("; ", applied.Problems.Select(p => p.Message)));
            }
            cli.Context.Out.WriteLine(applied.Changed ? "The organisation's profile is changed, on the record." : "Nothing was changed.");
            return 0;
        }, cancel));
        command.Subcommands.Add(show);
        command.Subcommands.Add(set);
        return command;
    }
}
