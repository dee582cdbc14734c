using System.Net;
using Sightline.Probing;

namespace Sightline.Discovery.Tests.Probing;

public sealed class NeighbourTableTests
{
    [Fact]
    public void Read_KeepsCompleteEntries_Only()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, """
                IP address       HW type     Flags       HW address            Mask     Device
                10.250.0.2       0x1         0x2         bc:ad:28:12:34:56     *        veth-scan
                10.250.0.3       0x1         0x0         00:00:00:00:00:00     *        veth-scan
                10.250.0.4       0x1         0x6         3c:ef:8c:aa:bb:cc     *        veth-scan
                not-an-address   0x1         0x2         11:22:33:44:55:66     *        eth0
                """);

            var macs = NeighbourTable.Read(file);

            Assert.Equal(2, macs.Count);
            Assert.Equal("BC:AD:28:12:34:56", macs[IPAddress.Parse("10.250.0.2")]);
            Assert.Equal("3C:EF:8C:AA:BB:CC", macs[IPAddress.Parse("10.250.0.4")]);
            Assert.Empty(NeighbourTable.Read(file + ".missing"));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
