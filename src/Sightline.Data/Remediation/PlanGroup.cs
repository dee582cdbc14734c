namespace Sightline.Data.Remediation;

/// <summary>What a plan line is added for: one device (ID or asset id), or a site, system or model, which expands to its flagged devices.</summary>
public sealed record PlanGroup(string Kind, string Name)
{
    public const string Device = "device";
    public const string Site = "site";
    public const string System = "system";
    public const string Model = "model";

    /// <summary>The kinds, as users type them.</summary>
    public static readonly IReadOnlyList<string> Kinds = [Device, Site, System, Model];

    public override string ToString() => $"{Kind}: {Name}";
}
