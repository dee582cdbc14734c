namespace Sightline.CameraFarm;

/// <summary>An HTTP answer: status, headers in the order and casing the device sends them, and body.</summary>
public sealed record HttpAnswer(int Status, IReadOnlyList<(string Name, string Value)> Headers, string Body);
