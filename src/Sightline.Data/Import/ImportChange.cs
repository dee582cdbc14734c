namespace Sightline.Data.Import;

/// <summary>One device an import creates or changes, with the changed values as JSON.</summary>
public sealed record ImportChange(long Line, string Action, int DeviceId, string? AssetId, string? Before, string After);
