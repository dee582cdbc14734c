using Sightline.Data.Audit;

namespace Sightline.Tests.AuditLog;

public sealed class AuditChangeTests
{
    [Fact]
    public void Update_ReadsAsOldToNew_InWords()
    {
        var lines = AuditChange.Describe("{\"firmware\":\"5.5.0\",\"notes\":\"old\",\"cost_centre\":null}", "{\"firmware\":\"5.7.3\",\"notes\":null,\"cost_centre\":\"CS-1\"}");

        Assert.Equal(["Firmware 5.5.0 → 5.7.3", "Notes old → (none)", "Cost centre (none) → CS-1"], lines);
    }

    [Fact]
    public void Creation_ListsEachValue_AndOtherTextIsKeptAsItIs()
    {
        Assert.Equal(["Asset ID: CAM-001", "MAC address: 44:19:B6:00:00:01"], AuditChange.Describe(null, "{\"asset_id\":\"CAM-001\",\"mac\":\"44:19:B6:00:00:01\"}"));
        Assert.Equal(["scanned 127.0.0.0/24"], AuditChange.Describe(null, "scanned 127.0.0.0/24"));
        Assert.Equal(["{not json", "(empty)"], AuditChange.Describe("{not json", ""));
        Assert.Empty(AuditChange.Describe(null, null));
    }
}
