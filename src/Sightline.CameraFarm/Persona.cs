namespace Sightline.CameraFarm;

/// <summary>
/// One emulated device: who made it and what it is (the ground truth), and how it answers HTTP on port 80, RTSP
/// on 554 and, for Hikvision's SDK port, 8000.
/// </summary>
public sealed record Persona(
    string Template,
    string Platform,
    string Brand,
    string Model,
    string Firmware,
    string DeviceClass,
    string Mac,
    Behaviour Behaviour,
    int HttpStatus,
    IReadOnlyList<(string Name, string Value)> HttpHeaders,
    string HttpBody,
    string? RtspServer = null,
    byte[]? Greeting8000 = null);
