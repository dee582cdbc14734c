namespace Sightline.Data.Publishing;

/// <summary>What a publication rule is for: a system or a device, by id, with the name users know it by.</summary>
public sealed record RuleScope(int? SystemId, int? DeviceId, string Name)
{
    /// <summary>The audit entry's entity id: "system:ID" or "device:ID".</summary>
    public string Key => SystemId is { } system ? $"system:{system}" : $"device:{DeviceId}";
}
