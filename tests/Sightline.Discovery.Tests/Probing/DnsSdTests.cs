using System.Text;
using Sightline.Probing;

namespace Sightline.Discovery.Tests.Probing;

/// <summary>
/// DNS-SD's query and the reader of an answer: compressed names as real responders write them, instance labels with
/// dots and spaces, TXT strings, and hostile answers (pointer loops, forward pointers, lying counts, truncation).
/// </summary>
public sealed class DnsSdTests
{
    private static readonly string[] Asked = [DnsSd.Enumeration, "_axis-video._tcp.local"];

    [Fact]
    public void Query_AsksOnePtrQuestionAName_WithTheUnicastBit_AndAResponderReadsItBack()
    {
        var query = DnsSd.Query(0x1234, Asked);

        Assert.Equal(new byte[] { 0x12, 0x34, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0 }, query[..12]);
        Assert.Equal(new byte[] { 0, 12, 0x80, 1 }, query[(12 + 30)..(12 + 34)]); // after "_services._dns-sd._udp.local": PTR, QU + IN
        var (id, names) = DnsSd.Questions(query)!.Value;
        Assert.Equal(0x1234, id);
        Assert.Equal(Asked, names);
    }

    [Fact]
    public void Read_AResponse_GivesTypesInstancesAndTheirTxt_ADottedLabelStaysWhole()
    {
        DnsSd.Instance[] offered = [new("_axis-video._tcp.local", "AXIS M1065-LW - ACCC8E7EA36D", ["macaddress=ACCC8E7EA36D"]), new("_ipp._tcp.local", "Floor 2. Printer", ["ty=HP"])];

        var answer = DnsSd.Read(DnsSd.Response(7, [.. Asked, "_ipp._tcp.local"], offered), 7, [.. Asked, "_ipp._tcp.local"])!;

        Assert.Equal(["_axis-video._tcp.local", "_ipp._tcp.local"], answer.Types);
        Assert.Equal([("AXIS M1065-LW - ACCC8E7EA36D", "macaddress=ACCC8E7EA36D"), ("Floor 2. Printer", "ty=HP")], answer.Instances.Select(i => (i.Name, string.Join(' ', i.Txt))));
    }

    [Fact]
    public void Read_FollowsCompressionPointers_AsRealRespondersWrite()
    {
        // One question, then a PTR answer whose owner points at the question's name and whose target ends with a pointer to it.
        var message = new List<byte> { 0, 9, 0x84, 0, 0, 1, 0, 1, 0, 0, 0, 0 };
        message.AddRange(Name("_axis-video", "_tcp", "local"));
        message.AddRange([0, 12, 0, 1]);
        var label = Encoding.UTF8.GetBytes("AXIS P1455-LE - B8A44F000001");
        message.AddRange([0xC0, 12, 0, 12, 0, 1, 0, 0, 0, 10, 0, (byte)(label.Length + 3), (byte)label.Length, .. label, 0xC0, 12]);

        var answer = DnsSd.Read(message.ToArray(), 9, Asked)!;

        Assert.Equal("AXIS P1455-LE - B8A44F000001", Assert.Single(answer.Instances).Name);
    }

    [Fact]
    public void Read_AnotherIdOrAQuery_IsNotAnAnswer()
    {
        var response = DnsSd.Response(5, Asked, [new("_axis-video._tcp.local", "AXIS", [])]);

        Assert.Null(DnsSd.Read(response, 6, Asked));
        Assert.Null(DnsSd.Read(DnsSd.Query(5, Asked), 5, Asked));
        Assert.Null(DnsSd.Read(new byte[] { 0, 5, 0x84 }, 5, Asked));
        Assert.Null(DnsSd.Questions(response));
    }

    [Theory]
    [InlineData("loop")]
    [InlineData("forward")]
    [InlineData("counts")]
    [InlineData("truncated")]
    [InlineData("long-label")]
    public void Read_AHostileAnswer_StopsWithoutThrowing_AndKeepsWhatCameBefore(string hostility)
    {
        var good = DnsSd.Response(3, Asked, [new("_axis-video._tcp.local", "AXIS Q6075 - ACCC8E000002", [])]).ToList();
        var message = hostility switch
        {
            // A second answer whose owner name points at itself.
            "loop" => [.. With(good, answers: 4), 0xC0, (byte)good.Count, 0, 12, 0, 1, 0, 0, 0, 10, 0, 0],
            "forward" => [.. With(good, answers: 4), 0xC0, 0xFF, 0, 12, 0, 1, 0, 0, 0, 10, 0, 0],
            "counts" => With(good, answers: 65535),
            "truncated" => [.. With(good, answers: 4), .. good[12..^6]],
            _ => [.. With(good, answers: 4), 200, .. Enumerable.Repeat((byte)'a', 200), 0],
        };

        var answer = DnsSd.Read(message.ToArray(), 3, Asked)!;

        Assert.Equal("AXIS Q6075 - ACCC8E000002", Assert.Single(answer.Instances).Name);
    }

    private static List<byte> With(List<byte> message, int answers)
    {
        var copy = message.ToList();
        copy[6] = (byte)(answers >> 8);
        copy[7] = (byte)answers;
        return copy;
    }

    private static IEnumerable<byte> Name(params string[] labels) =>
        labels.SelectMany(l => Encoding.ASCII.GetBytes(l).Prepend((byte)l.Length)).Append((byte)0);
}
