using System.Text;
using Sightline.Identification;

namespace Sightline.Tests.Identification;

public sealed class ObservationDocumentTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sightline-observations-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ObservationDocument Read(string kind, string value) => ObservationDocument.Read(new Observation(kind, value));

    private static string Field(ObservationDocument document, string name) => Assert.Single(document.Values(name));

    private string WriteFile(byte[] bytes)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".bin");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A Dahua DHIP answer: a 32-byte binary header (magic, session, id, two copies of the body length) then the JSON body.</summary>
    private static byte[] Dhip(string json, int session = 0x5F3A_0C11)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var header = new byte[32];
        header[0] = 0x20;
        "DHIP"u8.CopyTo(header.AsSpan(4));
        BitConverter.TryWriteBytes(header.AsSpan(8), session);
        header[12] = 0x01;
        BitConverter.TryWriteBytes(header.AsSpan(16), body.Length);
        BitConverter.TryWriteBytes(header.AsSpan(24), body.Length);
        return [.. header, .. body];
    }

    [Fact]
    public void Read_HugeValue_IsCutToMaxCharsWithANote()
    {
        var document = Read("http.server", new string('A', 10 * 1024 * 1024));

        Assert.Equal(ObservationDocument.MaxChars, document.Text.Length);
        var note = Assert.Single(document.Notes);
        Assert.Contains("http.server", note, StringComparison.Ordinal);
        Assert.Contains("10,485,760 characters", note, StringComparison.Ordinal);
        Assert.Contains($"{ObservationDocument.MaxChars:N0}", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ShortValue_IsKeptWholeWithoutNotes()
    {
        var document = Read("http.server", "Acme-Webs");

        Assert.Equal("Acme-Webs", document.Text);
        Assert.Empty(document.Notes);
        Assert.Empty(document.Fields);
    }

    [Fact]
    public void Read_XmlWithEntityExpansion_IsRefusedWithANote_AndExpandsNothing()
    {
        var laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n");
        for (var i = 1; i <= 9; i++)
        {
            laughs.Append($" <!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : i - 1)};", 10))}\">\n");
        }
        laughs.Append("]>\n<info><Model>&lol9;</Model></info>");

        var document = Read("onvif.device-information", laughs.ToString());

        Assert.Contains(document.Notes, n => n.Contains("DTD", StringComparison.Ordinal));
        Assert.DoesNotContain(document.Fields, f => f.Value.Contains("lollol", StringComparison.Ordinal));
        Assert.Empty(document.Values("Model"));
    }

    [Fact]
    public void Read_XmlWithExternalEntity_ReadsNoFile()
    {
        var secret = Path.Combine(_folder, "secret.txt");
        File.WriteAllText(secret, "top-secret");
        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file://{secret}\">]><r><Model>&x;</Model></r>";

        var document = Read("wsd.probematch", xml);

        Assert.Contains(document.Notes, n => n.Contains("DTD", StringComparison.Ordinal));
        Assert.DoesNotContain(document.Fields, f => f.Value.Contains("top-secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_XmlNestedTenThousandDeep_StopsWithADepthNote()
    {
        var xml = string.Concat(Enumerable.Repeat("<a>", 10_000)) + "deep" + string.Concat(Enumerable.Repeat("</a>", 10_000));

        var document = Read("onvif.device-information", xml);

        Assert.Contains(document.Notes, n => n.Contains($"nested deeper than {ObservationDocument.MaxDepth}", StringComparison.Ordinal));
        Assert.DoesNotContain(document.Fields, f => f.Value == "deep");
    }

    [Fact]
    public void Read_JsonNestedTenThousandDeep_StopsWithADepthNote()
    {
        var json = string.Concat(Enumerable.Repeat("{\"a\":", 10_000)) + "\"deep\"" + new string('}', 10_000);

        var document = Read("dhip.devinfo", json);

        Assert.Contains(document.Notes, n => n.Contains("depth", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(document.Fields, f => f.Value == "deep");
    }

    [Fact]
    public void Read_JsonArrayNestedTenThousandDeep_StopsWithADepthNote()
    {
        var json = "{\"a\":" + new string('[', 10_000) + new string(']', 10_000) + "}";

        var document = Read("reolink.devinfo", json);

        Assert.Contains(document.Notes, n => n.Contains("depth", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Read_Xml_GivesElementsAttributesRootAndNamespaces()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <DeviceInfo version="2.0" xmlns="http://www.hikvision.com/ver20/XMLSchema" xmlns:x="urn:example">
              <deviceName>Gate</deviceName>
              <model><![CDATA[ DS-2CD2032F-I ]]></model>
            </DeviceInfo>
            """;

        var document = Read("isapi.device-info", xml);

        Assert.Empty(document.Notes);
        Assert.Equal("DeviceInfo", Field(document, "root"));
        Assert.Equal("2.0", Field(document, "version"));
        Assert.Equal(["xmlns=http://www.hikvision.com/ver20/XMLSchema", "x=urn:example"], document.Values("xmlns"));
        Assert.Equal("Gate", Field(document, "deviceName"));
        Assert.Equal("DS-2CD2032F-I", Field(document, "MODEL"));
    }

    [Fact]
    public void Read_XmlAfterJunk_StartsAtTheFirstTag()
    {
        var document = Read("sadp.probematch", "\0\0junk<Probe><DeviceType>1</DeviceType></Probe>");

        Assert.Equal("1", Field(document, "DeviceType"));
    }

    [Fact]
    public void Read_BrokenXml_KeepsWhatWasReadAndSaysWhere()
    {
        var document = Read("wsd.probematch", "<a>\n<Model>AC-100</Model>\n<b></c>");

        Assert.Equal("AC-100", Field(document, "Model"));
        Assert.Contains(document.Notes, n => n.StartsWith("XML not read past line 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_TextWithoutXml_SaysSo()
    {
        Assert.Contains("no XML found", Read("bosch.discovery", "plain text").Notes);
    }

    [Fact]
    public void Read_ManyFields_StopsAtMaxFieldsWithANote()
    {
        var xml = "<r>" + string.Concat(Enumerable.Repeat("<f>v</f>", ObservationDocument.MaxFields + 500)) + "</r>";

        var document = Read("onvif.device-information", xml);

        Assert.Equal(ObservationDocument.MaxFields, document.Fields.Count);
        Assert.Contains(document.Notes, n => n.Contains($"more than {ObservationDocument.MaxFields:N0} fields", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_InvalidUtf8File_IsReadWithReplacementCharactersAndANote()
    {
        var path = WriteFile([(byte)'A', 0xFF, 0xC3, (byte)'B', 0xE2, 0x82]);

        var (observation, notes) = ObservationFile.Read(path, "http.server");

        Assert.Equal("http.server", observation.Kind);
        Assert.Equal(path, observation.Where);
        Assert.StartsWith("A\uFFFD", observation.Value, StringComparison.Ordinal);
        Assert.Contains('B', observation.Value);
        Assert.Contains(notes, n => n.Contains("not valid UTF-8", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ValidUtf8File_HasNoNotes()
    {
        var path = WriteFile(Encoding.UTF8.GetBytes("Caméra ✓"));

        var (observation, notes) = ObservationFile.Read(path, "http.title");

        Assert.Equal("Caméra ✓", observation.Value);
        Assert.Empty(notes);
    }

    [Fact]
    public void Read_FileOverMaxBytes_IsCutWithANote()
    {
        var bytes = new byte[ObservationFile.MaxBytes + 4096];
        Array.Fill(bytes, (byte)'x');
        var path = WriteFile(bytes);

        var (observation, notes) = ObservationFile.Read(path, "http.server");

        Assert.Equal(ObservationFile.MaxBytes, observation.Value.Length);
        var note = Assert.Single(notes);
        Assert.Contains($"{bytes.Length:N0} bytes", note, StringComparison.Ordinal);
        Assert.Contains($"first {ObservationFile.MaxBytes:N0}", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ValidUtf8FileCutInsideACharacter_IsNotCalledInvalid()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('x', ObservationFile.MaxBytes - 1) + "éééé");
        var path = WriteFile(bytes);

        var (observation, notes) = ObservationFile.Read(path, "http.server");

        Assert.DoesNotContain(notes, n => n.Contains("not valid UTF-8", StringComparison.Ordinal));
        Assert.DoesNotContain('\uFFFD', observation.Value);
        Assert.Contains(notes, n => n.Contains($"first {ObservationFile.MaxBytes:N0}", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_EmptyFile_IsAnEmptyObservation()
    {
        var (observation, notes) = ObservationFile.Read(WriteFile([]), "http.server");

        Assert.Equal("", observation.Value);
        Assert.Empty(notes);
    }

    [Fact]
    public void Read_JsonAfterABinaryHeader_StillGivesFields()
    {
        const string json = """{"id":1,"params":{"deviceType":"IPC-HDW1230S","serialNumber":"4L0123PAZ0000"},"result":true,"session":0}""";
        var (observation, _) = ObservationFile.Read(WriteFile(Dhip(json)), "dhip.devinfo");

        var document = ObservationDocument.Read(observation);

        Assert.Empty(document.Notes);
        Assert.Equal("IPC-HDW1230S", Field(document, "deviceType"));
        Assert.Equal("4L0123PAZ0000", Field(document, "serialNumber"));
        Assert.Equal("true", Field(document, "result"));
        Assert.Equal("0", Field(document, "session"));
    }

    [Fact]
    public void Read_JsonAfterABinaryHeaderWhoseLengthByteIsABrace_StillGivesFields()
    {
        // A body of 123 bytes puts 0x7B, '{', in the header's length fields, before the JSON starts.
        var json = """{"id":1,"params":{"deviceType":"IPC-HDW1230S","serialNumber":"S"},"result":true,"session":0}""";
        json = json.Replace("\"S\"", "\"" + new string('S', 123 - Encoding.UTF8.GetByteCount(json) + 1) + "\"", StringComparison.Ordinal);
        Assert.Equal(123, Encoding.UTF8.GetByteCount(json));
        var (observation, _) = ObservationFile.Read(WriteFile(Dhip(json)), "dhip.devinfo");

        var document = ObservationDocument.Read(observation);

        Assert.Equal("IPC-HDW1230S", Field(document, "deviceType"));
    }

    [Fact]
    public void Read_JsonAfterABinaryHeaderHoldingBraceQuote_StillGivesFields()
    {
        // Session ids are arbitrary 32-bit numbers; 0x0000227B is the bytes '{' '"' NUL NUL.
        const string json = """{"id":1,"params":{"deviceType":"IPC-HDW1230S"},"result":true,"session":8827}""";
        var (observation, _) = ObservationFile.Read(WriteFile(Dhip(json, session: 0x227B)), "dhip.devinfo");

        var document = ObservationDocument.Read(observation);

        Assert.Equal("IPC-HDW1230S", Field(document, "deviceType"));
    }

    [Fact]
    public void Read_JsonWithTrailingBytes_StopsAtTheEndOfTheObject()
    {
        var document = Read("reolink.devinfo", "{\"model\":\"RLC-810A\",\"n\":1.5,\"ok\":false,\"x\":null}\0\0garbage{");

        Assert.Empty(document.Notes);
        Assert.Equal("RLC-810A", Field(document, "model"));
        Assert.Equal("1.5", Field(document, "n"));
        Assert.Equal("false", Field(document, "ok"));
        Assert.Empty(document.Values("x"));
    }

    [Theory]
    [InlineData("""{"model":"\uD800"}""")]
    [InlineData("""{"\uDC00":"x"}""")]
    [InlineData("""{"model":"a\uD83Db"}""")]
    public void Read_JsonEscapingALoneSurrogate_IsANoteNotAnException(string json)
    {
        var document = Read("dhip.devinfo", json);

        Assert.NotEmpty(document.Notes);
    }

    [Fact]
    public void Read_TextWithoutJson_SaysSo()
    {
        Assert.Contains("no JSON object found", Read("dhip.devinfo", "no braces here").Notes);
    }

    [Fact]
    public void Read_HttpResponse_GivesStatusHeadersBodyAndTitle()
    {
        const string response = "HTTP/1.1 401 Unauthorized\r\nServer: Acme-Webs\r\nWWW-Authenticate: Basic realm=\"AcmeCam\"\r\n"
            + "content-type: text/html\r\n\r\n<html><head><TITLE> Acme Login </TITLE></head><body>x</body></html>";

        var document = Read("http.response", response);

        Assert.Empty(document.Notes);
        Assert.Equal("HTTP/1.1 401 Unauthorized", Field(document, "status"));
        Assert.Equal("Acme-Webs", Field(document, "server"));
        Assert.Equal("Basic realm=\"AcmeCam\"", Field(document, "www-authenticate"));
        Assert.Equal(["Server", "WWW-Authenticate", "content-type"], document.Values("header-names"));
        Assert.Contains(document.Fields, f => f.Key == "www-authenticate");
        Assert.DoesNotContain(document.Fields, f => f.Key == "WWW-Authenticate");
        Assert.StartsWith("<html>", Field(document, "body"), StringComparison.Ordinal);
        Assert.Equal("Acme Login", Field(document, "title"));
    }

    [Fact]
    public void Read_MessageWithBareNewlinesAndNoBody_GivesStatusAndHeaders()
    {
        var document = Read("rtsp.response", "RTSP/1.0 200 OK\nCSeq: 1\nServer: Acme RTSP\n");

        Assert.Equal("RTSP/1.0 200 OK", Field(document, "status"));
        Assert.Equal("Acme RTSP", Field(document, "server"));
        Assert.Equal("1", Field(document, "cseq"));
        Assert.Empty(document.Values("body"));
        Assert.Empty(document.Values("title"));
    }

    [Fact]
    public void Read_KeyValueLines_GiveKeysAndTheirLastDottedSegment()
    {
        var document = Read("dahua.magicbox", "table.General.MachineName=Gate 1\r\ndeviceType=IPC-HDW1230S\r\n\r\nnot a pair\r\n=orphan\r\n");

        Assert.Equal("Gate 1", Field(document, "table.General.MachineName"));
        Assert.Equal("Gate 1", Field(document, "MachineName"));
        Assert.Equal("IPC-HDW1230S", Field(document, "deviceType"));
        Assert.Equal(3, document.Fields.Count);
    }

    [Fact]
    public void Read_KeyColonValueLines_GiveKeys()
    {
        var document = Read("sony.discovery", "MODEL:SNC-VB770\nSERIAL: 1234\nurl=http://x/a:b\n");

        Assert.Equal("SNC-VB770", Field(document, "MODEL"));
        Assert.Equal("1234", Field(document, "SERIAL"));
        Assert.Equal("http://x/a:b", Field(document, "url"));
    }

    [Fact]
    public void Read_JsonOrKeyValueKind_ReadsEitherForm()
    {
        Assert.Equal("AXIS M3106", Field(Read("vapix.basic-device-info", " {\"data\":{\"propertyList\":{\"ProdNbr\":\"AXIS M3106\"}}}"), "ProdNbr"));
        Assert.Equal("AXIS M3106", Field(Read("vapix.basic-device-info", "root.Brand.ProdNbr=AXIS M3106\n"), "ProdNbr"));
    }
}
