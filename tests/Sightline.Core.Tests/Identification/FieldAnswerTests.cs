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
}
