using Sightline.Identification;
using Sightline.Tests.Knowledge;

namespace Sightline.Tests.Identification;

/// <summary>
/// Answers in the forms real devices send, read with the repository's knowledge: what each form must yield, so a
/// change to a rule or to the engine that loses one shows here. Each answer is written in the layout its source
/// documents (cited beside it); serials, nonces and addresses are made up.
/// </summary>
public sealed class FieldAnswerTests
{
    private static readonly Identifier Identifier = new(RepositoryKnowledge.Knowledge);

    private static Verdict Identify(params Observation[] observations) => Identifier.Identify(observations);

    // ONVIF GetDeviceInformation of a Hikvision-made truVision camera: Interlogix writes its own name as Manufacturer.
    private const string InterlogixOnvif = """
        <?xml version="1.0" encoding="UTF-8"?>
        <env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:tds="http://www.onvif.org/ver10/device/wsdl"><env:Body><tds:GetDeviceInformationResponse><tds:Manufacturer>Interlogix</tds:Manufacturer><tds:Model>TVGP-P01-0402-PTZ-G</tds:Model><tds:FirmwareVersion>V5.5.3 build 180724</tds:FirmwareVersion><tds:SerialNumber>TVGP-P01-0402-PTZ-G20180724CCWR123456789</tds:SerialNumber><tds:HardwareId>88</tds:HardwareId></tds:GetDeviceInformationResponse></env:Body></env:Envelope>
        """;

    [Fact]
    public void OnvifManufacturerOfARelabeller_OnHikvisionFirmware_IsAWhiteLabelNotARival()
    {
        var verdict = Identify(new Observation("onvif.device-information", InterlogixOnvif));

        Assert.Equal("hikvision", verdict.Platform?.Id);
        Assert.Equal("Interlogix", verdict.Brand);
        Assert.True(verdict.PlatformConfidence >= Identifier.WhiteLabelConfidence, $"confidence {verdict.PlatformConfidence}");
        Assert.True(verdict.WhiteLabelSuspected);
        Assert.DoesNotContain(verdict.Candidates, c => c.Maker.Id == "interlogix");
    }

    // /ISAPI/System/deviceInfo?format=json on newer firmware: the XML's fields under "DeviceInfo", attributes as "@name"
    // (the layout hikvision_next keeps as device fixtures: github.com/maciej-or/hikvision_next tests/fixtures/devices).
    private const string IsapiJson = """
        {"DeviceInfo": {"@version": "2.0", "@xmlns": "http://www.hikvision.com/ver20/XMLSchema", "deviceName": "IP CAMERA",
         "deviceID": "48473336-3939-3233-3034-2428fd22c319", "model": "DS-2CD2146G2-ISU", "serialNumber": "DS-2CD2146G2-ISU20240606AAWRG12345678",
         "macAddress": "bc:ad:28:11:22:33", "firmwareVersion": "V5.7.17", "firmwareReleasedDate": "build 240606", "deviceType": "IPCamera", "manufacturer": "hikvision"}}
        """;

    // The same answer as a Python client logs it: a printed dictionary, single quotes, None for empty
    // (the form in hikvision_next's issue threads, e.g. github.com/maciej-or/hikvision_next/issues/196).
    private const string IsapiPythonDictionary = """
        {'DeviceInfo': {'@version': '2.0', '@xmlns': 'http://www.isapi.org/ver20/XMLSchema', 'deviceName': 'Network Video Recorder', 'deviceID': '48473336-3939-3233-3034-2428fd22c319', 'model': 'DS-7608NI-I2/8P', 'serialNumber': 'DS-7608NI-I2/8P0820210719CCRRF12345678', 'macAddress': '24:28:fd:22:c3:19', 'firmwareVersion': 'V4.30.085', 'firmwareReleasedDate': 'build 210316', 'deviceType': 'NVR', 'customizedInfo': None}}
        """;

    // The XML both of the above were made from.
    private const string IsapiXml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <DeviceInfo version="2.0" xmlns="http://www.hikvision.com/ver20/XMLSchema"><deviceName>IP CAMERA</deviceName>
        <deviceID>48473336-3939-3233-3034-2428fd22c319</deviceID><model>DS-2CD2146G2-ISU</model><serialNumber>DS-2CD2146G2-ISU20240606AAWRG12345678</serialNumber>
        <macAddress>bc:ad:28:11:22:33</macAddress><firmwareVersion>V5.7.17</firmwareVersion><firmwareReleasedDate>build 240606</firmwareReleasedDate><deviceType>IPCamera</deviceType><manufacturer>hikvision</manufacturer></DeviceInfo>
        """;

    private const string IsapiNvrXml = """
        <DeviceInfo version="2.0" xmlns="http://www.isapi.org/ver20/XMLSchema"><deviceName>Network Video Recorder</deviceName><deviceID>48473336-3939-3233-3034-2428fd22c319</deviceID><model>DS-7608NI-I2/8P</model><serialNumber>DS-7608NI-I2/8P0820210719CCRRF12345678</serialNumber><macAddress>24:28:fd:22:c3:19</macAddress><firmwareVersion>V4.30.085</firmwareVersion><firmwareReleasedDate>build 210316</firmwareReleasedDate><deviceType>NVR</deviceType><customizedInfo></customizedInfo></DeviceInfo>
        """;

    [Theory]
    [InlineData(IsapiJson, IsapiXml, "DS-2CD2146G2-ISU", "camera")]
    [InlineData(IsapiPythonDictionary, IsapiNvrXml, "DS-7608NI-I2/8P", "nvr")]
    public void IsapiDeviceInfo_AsJsonOrAPrintedDictionary_IsReadLikeTheXml(string answer, string xml, string model, string deviceClass)
    {
        var verdict = Identify(new Observation("isapi.device-info", answer));
        var fromXml = Identify(new Observation("isapi.device-info", xml));

        Assert.Equal("hikvision", verdict.Platform?.Id);
        Assert.Equal(fromXml.PlatformConfidence, verdict.PlatformConfidence);
        Assert.True(verdict.PlatformConfidence >= Identifier.WhiteLabelConfidence, $"confidence {verdict.PlatformConfidence}");
        Assert.Equal(model, verdict.Model);
        Assert.Equal(deviceClass, verdict.DeviceClass);
        // Every claim but those of rules over the XML text itself (the firmware with its build date) is made alike.
        Assert.Equal(
            fromXml.Evidence.Where(c => c.Rule != "hikvision.isapi-device-info.firmware-build").Select(c => (c.Type, c.Value, c.Rule)).Order(),
            verdict.Evidence.Select(c => (c.Type, c.Value, c.Rule)).Order());
        Assert.Contains(verdict.Evidence, c => c.Rule == "hikvision.isapi-device-info.namespace");
    }

    // GetDeviceInformation as ONVIF client libraries hand it back: the npm onvif module's object as JSON (camelCase), a
    // Python zeep object printed, and "Key: value" lines as command-line clients print them.
    [Theory]
    [InlineData("""{"manufacturer":"HIKVISION","model":"DS-2CD2032-I","firmwareVersion":"V5.4.0 build 160530","serialNumber":"DS-2CD2032-I20160530CCWR123456789","hardwareId":"88"}""")]
    [InlineData("{\n    'Manufacturer': 'HIKVISION',\n    'Model': 'DS-2CD2032-I',\n    'FirmwareVersion': 'V5.4.0 build 160530',\n    'SerialNumber': 'DS-2CD2032-I20160530CCWR123456789',\n    'HardwareId': '88'\n}")]
    [InlineData("Manufacturer: HIKVISION\nModel: DS-2CD2032-I\nFirmwareVersion: V5.4.0 build 160530\nSerialNumber: DS-2CD2032-I20160530CCWR123456789\nHardwareId: 88\n")]
    public void OnvifDeviceInformation_InAClientsLayout_IsReadLikeTheEnvelope(string answer)
    {
        var verdict = Identify(new Observation("onvif.device-information", answer));

        Assert.Equal("hikvision", verdict.Platform?.Id);
        Assert.Equal("HIKVISION", verdict.Brand, ignoreCase: true);
        Assert.Equal("DS-2CD2032-I", verdict.Model);
        Assert.Equal("V5.4.0 build 160530", verdict.Firmware);
        Assert.Contains(verdict.Evidence, c => c.Rule == "hikvision.onvif-device-information.serial");
    }

    [Fact]
    public void OnvifDeviceInformation_OfAPrinter_InKeyValueLines_IsNoCamera()
    {
        var verdict = Identify(new Observation("onvif.device-information", "Manufacturer: HP\nModel: LaserJet 400 M401dne\nFirmwareVersion: 20130624\n"));

        Assert.Null(verdict.Platform);
    }

    // sysObjectID as SNMP tools print it: numeric, net-snmp's iso. form, and symbolic with the MIB module.
    [Theory]
    [InlineData(".1.3.6.1.4.1.3967.1.1.0", "bosch")]
    [InlineData("iso.3.6.1.4.1.46202", "avigilon")]
    [InlineData("SNMPv2-SMI::enterprises.368.4.1", "axis")]
    [InlineData("1.3.6.1.4.1.39165.1.1.1", "hikvision")]
    [InlineData("1.3.6.1.4.1.36849.1.2", "hanwha-vision")]
    [InlineData(".1.3.6.1.4.1.21701.1", "mobotix")]
    public void SysObjectId_UnderAMakersEnterpriseNumber_NamesTheMaker(string oid, string maker)
    {
        var verdict = Identify(new Observation("snmp.sysobjectid", oid));

        Assert.Equal(maker, verdict.Platform?.Id);
        Assert.Contains(verdict.Evidence, c => c.Rule.StartsWith("enterprise:", StringComparison.Ordinal) && c.Value == maker);
    }

    // Counterexamples: AVTECH Software's environment monitors share a name with the camera maker AVTECH, and the
    // net-snmp arc is what many Linux devices (Bosch cameras among them) answer with; the number must be whole.
    [Theory]
    [InlineData("1.3.6.1.4.1.20916.1.9")]
    [InlineData(".1.3.6.1.4.1.8072.3.2.10")]
    [InlineData("1.3.6.1.4.1.39165999")]
    [InlineData("1.3.6.1.2.1.1.2.0")]
    public void SysObjectId_UnderNoSurveillanceMakersNumber_NamesNoMaker(string oid)
    {
        var verdict = Identify(new Observation("snmp.sysobjectid", oid));

        Assert.Null(verdict.Platform);
        Assert.DoesNotContain(verdict.Evidence, c => c.Type == ClaimType.Platform);
    }

    // Unauthenticated DESCRIBE answers as the scanner keeps them (rtsp.response): Dahua names its serial in the realm
    // (github.com/scottlamb/retina/issues/62), Hanwha its iPOLiS line (github.com/Ullaakut/cameradar/issues/199).
    [Theory]
    [InlineData("RTSP/1.0 401 Unauthorized\r\nCSeq: 1\r\nWWW-Authenticate: Digest realm=\"Login to 4K01FD2PAJ6E3FF\", nonce=\"203c8d27b595204504dfa65fd22586bd\"\r\n\r\n", "dahua")]
    [InlineData("RTSP/1.0 401 Unauthorized\r\nCSeq: 1\r\nDate: Thu, 23 May 2019 02:57:00 GMT\r\nExpires: Thu, 23 May 2019 02:57:00 GMT\r\nCache-Control: must-revalidate\r\nWWW-Authenticate: Digest realm=\"iPOLiS\", nonce=\"BA2BBD4E602A4CD5E08ACC0896D1234E\"\r\n\r\n", "hanwha-vision")]
    [InlineData("RTSP/1.0 401 Unauthorized\r\nCSeq: 3\r\nWWW-Authenticate: Digest realm=\"IP Camera(C2189)\", nonce=\"1bcc728fe33807c8070f8572af32b356\", stale=\"FALSE\"\r\n\r\n", "hikvision")]
    public void RtspChallenge_NamesThePlatformByItsRealm(string answer, string maker)
    {
        var verdict = Identify(new Observation("rtsp.response", answer));

        Assert.Equal(maker, verdict.Platform?.Id);
    }

    [Fact]
    public void DahuaRtspRealm_GivesTheSerial()
    {
        var verdict = Identify(new Observation("rtsp.response", "RTSP/1.0 401 Unauthorized\r\nCSeq: 1\r\nWWW-Authenticate: Digest realm=\"Login to D12A163300000656\", nonce=\"1f75a67964d63e257edb6c66163f1261\"\r\n\r\n"));

        Assert.Contains(verdict.Evidence, c => c is { Type: ClaimType.Serial, Value: "D12A163300000656", Rule: "dahua.rtsp-response.realm" });
    }

    // Avigilon's model grammar (H4A-DO1-IR, 640F-H5A-THC): generation and family, then form factor; read even when
    // the firmware reports a placeholder manufacturer.
    [Theory]
    [InlineData("H4A-DO1-IR")]
    [InlineData("640F-H5A-THC")]
    public void AvigilonModelNumber_NamesAvigilon(string model)
    {
        var verdict = Identify(new Observation("onvif.device-information", $"Manufacturer: ONVIF\nModel: {model}\n"));

        Assert.Equal("avigilon", verdict.Platform?.Id);
        Assert.Equal("camera", verdict.DeviceClass);
    }
}
