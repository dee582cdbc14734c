namespace Sightline.CameraFarm;

/// <summary>
/// One ONVIF media profile as a device lists it: its token and name, the encoder's resolution, and the RTSP and
/// JPEG snapshot URIs it hands out, with <c>{host}</c> where the device writes its own address.
/// </summary>
public sealed record OnvifProfile(string Token, string Name, int Width, int Height, string StreamUri, string SnapshotUri);
