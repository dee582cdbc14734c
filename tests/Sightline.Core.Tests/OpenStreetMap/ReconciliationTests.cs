using Sightline.OpenStreetMap;

namespace Sightline.Core.Tests.OpenStreetMap;

/// <summary>
/// Reconciliation on random estates (seeded): every camera lands in exactly one list, pairs are within the distance and
/// one to one, no leftover registered camera is within the distance of a leftover mapped one, and the grid finds what
/// comparing every pair finds, near the equator and far north.
/// </summary>
public sealed class ReconciliationTests
{
    [Theory]
    [InlineData(1, 51.5, 25.0)]
    [InlineData(2, 0.1, 10.0)]
    [InlineData(3, 69.6, 50.0)]
    [InlineData(4, -33.9, 5.0)]
    public void RandomEstates_AreSplitOneToOne_AndNothingWithinTheDistanceIsLeftUnpaired(int seed, double latitude, double within)
    {
        var random = new Random(seed);
        for (var round = 0; round < 20; round++)
        {
            // A few hundred metres square, so many cameras are near one another.
            double Near(double centre, double scale) => centre + (random.NextDouble() - 0.5) * scale;
            var registered = Enumerable.Range(1, random.Next(0, 60))
                .Select(i => new RegisteredCamera(i, $"A{i}", Near(latitude, 0.004), Near(-1.5, 0.004 / Math.Cos(latitude * Math.PI / 180)))).ToList();
            var mapped = Enumerable.Range(1, random.Next(0, 60))
                .Select(i => new MappedCamera($"node/{i}", Near(latitude, 0.004), Near(-1.5, 0.004 / Math.Cos(latitude * Math.PI / 180)), null, new Dictionary<string, string>()))
                .ToList();

            var result = Reconciliation.Of(registered, mapped, within);

            Assert.Equal(registered.Count, result.Matches.Count + result.NotMapped.Count);
            Assert.Equal(mapped.Count, result.Matches.Count + result.NotRegistered.Count);
            Assert.Equal(registered.Select(c => c.DeviceId).Order(), result.Matches.Select(m => m.Device.DeviceId).Concat(result.NotMapped.Select(c => c.DeviceId)).Order());
            Assert.Equal(result.Matches.Count, result.Matches.Select(m => m.Mapped.Id).Distinct().Count());
            Assert.All(result.Matches, m => Assert.InRange(m.Metres, 0, within));
            Assert.All(result.Matches, m => Assert.Equal(Reconciliation.Metres(m.Device.Latitude, m.Device.Longitude, m.Mapped.Latitude, m.Mapped.Longitude), m.Metres));
            foreach (var device in result.NotMapped)
            {
                Assert.All(result.NotRegistered, camera =>
                    Assert.True(Reconciliation.Metres(device.Latitude, device.Longitude, camera.Latitude, camera.Longitude) > within,
                        $"{device.AssetId} and {camera.Id} are within {within} m but left unpaired"));
            }
        }
    }

    [Fact]
    public void Metres_AgreesWithAKnownDistance()
    {
        // One minute of latitude is a nautical mile on a sphere of 6,371,008.8 m: 1,853.3 m.
        Assert.Equal(1853.3, Reconciliation.Metres(51.0, -1.0, 51.0 + 1.0 / 60, -1.0), 0.1);
        Assert.Equal(0, Reconciliation.Metres(51.0, -1.0, 51.0, -1.0));
    }

    [Fact]
    public void ACloserPair_WinsOverAnEarlierOne()
    {
        var near = new RegisteredCamera(2, "NEAR", 51.0, -1.0);
        var far = new RegisteredCamera(1, "FAR", 51.0001, -1.0); // 11 m north
        var node = new MappedCamera("node/1", 51.00001, -1.0, null, new Dictionary<string, string>());
        var result = Reconciliation.Of([far, near], [node], 25);
        Assert.Equal("NEAR", Assert.Single(result.Matches).Device.AssetId);
        Assert.Equal("FAR", Assert.Single(result.NotMapped).AssetId);
    }
}
