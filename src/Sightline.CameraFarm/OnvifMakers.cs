namespace Sightline.CameraFarm;

/// <summary>
/// Each maker's ONVIF service layout, profile tokens and stream and snapshot URI forms, as their firmware answers
/// GetCapabilities, GetProfiles, GetStreamUri and GetSnapshotUri. Each carries the public source of its forms.
/// </summary>
internal static class OnvifMakers
{
    /// <summary>
    /// Hikvision and its OEMs: services at /onvif/Media, /onvif/Events, /onvif/Imaging; tokens Profile_1, Profile_2;
    /// RTSP /Streaming/Channels/&lt;channel×100+stream&gt; (Hikvision's RTSP URL rules, ISAPI developer guide,
    /// enpinfo.hikvision.com; GetStreamUri's form with transportmode and profile: home-assistant/core#36069);
    /// snapshot /onvif-http/snapshot?Profile_1 (as the firmware's ONVIF server answers it).
    /// </summary>
    public static OnvifServices Hikvision(string hostname) => new("/onvif/Media", "/onvif/Events", "/onvif/Imaging", hostname,
    [
        new("Profile_1", "mainStream", 2688, 1520, "rtsp://{host}:554/Streaming/Channels/101?transportmode=unicast&profile=Profile_1", "http://{host}/onvif-http/snapshot?Profile_1"),
        new("Profile_2", "subStream", 640, 360, "rtsp://{host}:554/Streaming/Channels/102?transportmode=unicast&profile=Profile_2", "http://{host}/onvif-http/snapshot?Profile_2"),
    ]);

    /// <summary>
    /// Dahua and its OEMs: services at /onvif/media_service, /onvif/event_service, /onvif/imaging_service (as a
    /// Dahua camera's GetCapabilities names them: p10tyr/rtsp-to-onvif#20); tokens MediaProfile00000/00001 named
    /// MediaProfile_Channel1_MainStream/SubStream1 (priore/SOAPEngine#185); RTSP /cam/realmonitor?channel=1&amp;subtype=0
    /// (dahuawiki.com Remote_Access/RTSP_via_VLC) with ONVIF's unicast=true&amp;proto=Onvif (rtsp-to-onvif#20).
    /// </summary>
    public static OnvifServices Dahua(string hostname) => new("/onvif/media_service", "/onvif/event_service", "/onvif/imaging_service", hostname,
    [
        new("MediaProfile00000", "MediaProfile_Channel1_MainStream", 2688, 1520, "rtsp://{host}:554/cam/realmonitor?channel=1&subtype=0&unicast=true&proto=Onvif",
            "http://{host}/onvifsnapshot/media_service/snapshot?channel=1&subtype=0"),
        new("MediaProfile00001", "MediaProfile_Channel1_SubStream1", 704, 576, "rtsp://{host}:554/cam/realmonitor?channel=1&subtype=1&unicast=true&proto=Onvif",
            "http://{host}/onvifsnapshot/media_service/snapshot?channel=1&subtype=1"),
    ]);

    /// <summary>
    /// Axis: every service but the device service at /onvif/services; tokens profile_1_h264 and profile_1_jpeg;
    /// RTSP through /onvif-media/media.amp (the ONVIF twin of VAPIX's /axis-media/media.amp, VAPIX RTSP API);
    /// snapshots from /onvif-cgi/jpg/image.cgi (VAPIX's /axis-cgi/jpg/image.cgi under ONVIF's path).
    /// </summary>
    public static OnvifServices Axis(string hostname) => new("/onvif/services", "/onvif/services", "/onvif/services", hostname,
    [
        new("profile_1_h264", "profile_1 h264", 1920, 1080, "rtsp://{host}/onvif-media/media.amp?profile=profile_1_h264&sessiontimeout=60&streamtype=unicast",
            "http://{host}/onvif-cgi/jpg/image.cgi?resolution=1920x1080&compression=30"),
        new("profile_1_jpeg", "profile_1 jpeg", 1920, 1080, "rtsp://{host}/onvif-media/media.amp?profile=profile_1_jpeg&sessiontimeout=60&streamtype=unicast",
            "http://{host}/onvif-cgi/jpg/image.cgi?resolution=1920x1080&compression=30"),
    ]);

    /// <summary>
    /// Hanwha Vision: RTSP /profile&lt;n&gt;/media.smp (Hanwha's SUNAPI RTSP URL, Wisenet RTSP guide); snapshots from
    /// SUNAPI's /stw-cgi/video.cgi?msubmenu=snapshot (SUNAPI video.cgi).
    /// </summary>
    public static OnvifServices Hanwha(string hostname) => new("/onvif/media_service", "/onvif/event_service", "/onvif/imaging_service", hostname,
    [
        new("MJPEG", "MJPEG", 1280, 720, "rtsp://{host}:554/profile1/media.smp", "http://{host}/stw-cgi/video.cgi?msubmenu=snapshot&action=view&Profile=1"),
        new("H.264", "H.264", 1920, 1080, "rtsp://{host}:554/profile2/media.smp", "http://{host}/stw-cgi/video.cgi?msubmenu=snapshot&action=view&Profile=2"),
    ]);

    /// <summary>Uniview: RTSP /media/video1 and /media/video2 (Uniview's RTSP URL format for IPCs); snapshots through LAPI.</summary>
    public static OnvifServices Uniview(string hostname) => new("/onvif/media_service", "/onvif/event_service", "/onvif/imaging_service", hostname,
    [
        new("media_profile1", "media_profile1", 1920, 1080, "rtsp://{host}:554/media/video1", "http://{host}/LAPI/V1.0/Channels/0/Media/Video/Streams/0/Snapshot"),
        new("media_profile2", "media_profile2", 720, 576, "rtsp://{host}:554/media/video2", "http://{host}/LAPI/V1.0/Channels/0/Media/Video/Streams/1/Snapshot"),
    ]);

    /// <summary>Bosch: RTSP /rtsp_tunnel?p=&lt;stream&gt; (Bosch "RTSP usage with Bosch VIP devices"); snapshots /snap.jpg (Bosch CGI).</summary>
    public static OnvifServices Bosch(string hostname) => new("/onvif/media_service", "/onvif/event_service", "/onvif/imaging_service", hostname,
    [
        new("0", "Profile_L1S1", 1920, 1080, "rtsp://{host}/rtsp_tunnel?p=0&h26x=4&vcd=2", "http://{host}/snap.jpg?JpegCam=1"),
        new("1", "Profile_L1S2", 1280, 720, "rtsp://{host}/rtsp_tunnel?p=1&h26x=4&vcd=2", "http://{host}/snap.jpg?JpegCam=1"),
    ]);

    /// <summary>Vivotek: RTSP /live1s1.sdp, /live1s2.sdp (Vivotek URL commands); snapshots /cgi-bin/viewer/video.jpg.</summary>
    public static OnvifServices Vivotek(string hostname) => new("/onvif/media_service", "/onvif/event_service", "/onvif/imaging_service", hostname,
    [
        new("Profile1", "Profile1", 1920, 1080, "rtsp://{host}:554/live1s1.sdp", "http://{host}/cgi-bin/viewer/video.jpg?streamid=0"),
        new("Profile2", "Profile2", 640, 360, "rtsp://{host}:554/live1s2.sdp", "http://{host}/cgi-bin/viewer/video.jpg?streamid=1"),
    ]);

    /// <summary>Sony: RTSP /media/video1 and /media/video2 (Sony SNC CGI command manual); snapshots /oneshotimage.jpg.</summary>
    public static OnvifServices Sony(string hostname) => new("/onvif/media_service", "/onvif/event_service", "/onvif/imaging_service", hostname,
    [
        new("Profile1", "Profile1", 1920, 1080, "rtsp://{host}/media/video1", "http://{host}/oneshotimage.jpg"),
        new("Profile2", "Profile2", 640, 360, "rtsp://{host}/media/video2", "http://{host}/oneshotimage.jpg"),
    ]);
}
