namespace Sightline.Scanning;

/// <summary>A user name and password the operator gave for read-only identity calls. Never printed, logged or stored.</summary>
public sealed record Credential(string User, string Password)
{
    /// <summary>Says whose credential this is without saying what it is.</summary>
    public override string ToString() => $"credential for {User}";
}
