using Sightline.Cli;

return await SightlineCli.RunAsync(args, CliContext.FromProcess());
