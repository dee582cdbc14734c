using System.Xml;
using Sightline.Probing;

namespace Sightline.Discovery.Tests.Probing;

/// <summary>
/// How the three answers a recorder gives about its retention are read (issue 18): by what each field means, whatever
/// the prefixes, the order of elements, or the same element names deeper in the answer.
/// </summary>
public sealed class RetentionAnswerTests
{
    [Fact]
    public void OnvifRecordings_ReadEachRecordingsLimit_ZeroIsNoLimit_TrackConfigurationsAreNotRecordings()
    {
        const string answer = """
            <?xml version="1.0" encoding="UTF-8"?>
            <SOAP-ENV:Envelope xmlns:SOAP-ENV="http://www.w3.org/2003/05/soap-envelope" xmlns:a="http://www.onvif.org/ver10/recording/wsdl" xmlns:b="http://www.onvif.org/ver10/schema">
            <SOAP-ENV:Body><a:GetRecordingsResponse>
              <a:RecordingItem><b:RecordingToken>R1</b:RecordingToken><b:Configuration>
                <b:Source><b:SourceId>x</b:SourceId><b:Name>Gate</b:Name></b:Source><b:Content>c</b:Content>
                <b:MaximumRetentionTime>P90D</b:MaximumRetentionTime></b:Configuration>
                <b:Tracks><b:Track><b:TrackToken>VIDEO001</b:TrackToken><b:Configuration><b:TrackType>Video</b:TrackType></b:Configuration></b:Track></b:Tracks>
              </a:RecordingItem>
              <a:RecordingItem><b:RecordingToken>R2</b:RecordingToken><b:Configuration>
                <b:Source><b:SourceId>y</b:SourceId></b:Source><b:Content>c</b:Content>
                <b:MaximumRetentionTime>PT0S</b:MaximumRetentionTime></b:Configuration></a:RecordingItem>
              <a:RecordingItem><b:RecordingToken>R3</b:RecordingToken><b:Configuration>
                <b:Source><b:Name>Car park</b:Name></b:Source><b:MaximumRetentionTime>PT744H</b:MaximumRetentionTime></b:Configuration></a:RecordingItem>
            </a:GetRecordingsResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>
            """;

        var reading = new RetentionReading("ONVIF GetRecordings", RetentionProbe.OnvifRecordingsOf(answer)!);

        Assert.Equal([new RetentionTrack("Gate", 90), new RetentionTrack("R2", null), new RetentionTrack("Car park", 31)], reading.Tracks);
        Assert.True(reading.Unlimited);
        Assert.Equal(90, reading.LongestDays);
        Assert.Equal("Gate: 90 days; R2: no limit; Car park: 31 days", reading.Detail);
    }

    [Fact]
    public void IsapiTracks_ReadDurationWhereEnabled_NotTheScheduleActionsIds()
    {
        const string answer = """
            <?xml version="1.0" encoding="UTF-8"?>
            <TrackList version="2.0" xmlns="http://www.isapi.org/ver20/XMLSchema">
            <Track><id>101</id><Channel>1</Channel>
              <TrackSchedule><ScheduleBlockList><ScheduleBlock><ScheduleAction><id>1</id><Actions><Record>true</Record></Actions></ScheduleAction></ScheduleBlock></ScheduleBlockList></TrackSchedule>
              <Duration>P45DT0H</Duration><durationEnabled>true</durationEnabled></Track>
            <Track><id>201</id><durationEnabled>false</durationEnabled><Duration>P7DT0H</Duration></Track>
            <Track><id>301</id><Duration>P10D</Duration></Track>
            <Track><id>401</id></Track>
            </TrackList>
            """;

        var tracks = RetentionProbe.IsapiTracksOf(answer);

        // 201 keeps until the disk is full; 301's firmware predates durationEnabled; 401 says nothing.
        Assert.Equal([new RetentionTrack("track 101", 45), new RetentionTrack("track 201", null), new RetentionTrack("track 301", 10)], tracks);
    }

    [Theory]
    [InlineData("table.StorageGlobal.FileHoldTime=30\r\ntable.StorageGlobal.Other=1\r\n", 30)]
    [InlineData("table.StorageGlobal.Other=1\ntable.StorageGlobal.FileHoldTime = 0\n", null)]
    public void DahuaStorageGlobal_ReadsFileHoldTime_ZeroIsNoLimit(string answer, int? days)
    {
        Assert.Equal([new RetentionTrack("all channels", days)], RetentionProbe.DahuaHoldTimeOf(answer));
    }

    [Fact]
    public void Answers_WithADocumentTypeOrBadValues_AreRefused()
    {
        const string entity = """
            <?xml version="1.0"?><!DOCTYPE t [<!ENTITY x "90">]>
            <TrackList><Track><id>101</id><Duration>P&x;D</Duration></Track></TrackList>
            """;

        Assert.Throws<XmlException>(() => RetentionProbe.IsapiTracksOf(entity));
        Assert.Throws<FormatException>(() => RetentionProbe.IsapiTracksOf("<TrackList><Track><id>1</id><Duration>ninety days</Duration></Track></TrackList>"));
        Assert.Throws<FormatException>(() => RetentionProbe.DahuaHoldTimeOf("table.StorageGlobal.FileHoldTime=-5"));
        Assert.Null(RetentionProbe.DahuaHoldTimeOf("Error\r\nBad Request!\r\n"));
    }
}
