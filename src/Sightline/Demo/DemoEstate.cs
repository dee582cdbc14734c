using System.Globalization;
using System.Text;
using Sightline.Csv;

namespace Sightline.Demo;

/// <summary>
/// A fictional borough council's estate (Northmoor Borough Council): three systems, nine sites and about 150
/// devices of many brands, written as the CSV files an installer or asset manager would hand over. The same
/// seed always gives the same estate.
/// </summary>
public static class DemoEstate
{
    public const string Organisation = "Northmoor Borough Council";

    public static string SystemsCsv() =>
        """
        name,type,purposes,lawful_basis,public_space,sensitive_site,retention_days,controller
        Town Centre CCTV,cctv,prevention and detection of crime;public safety,UK GDPR Art. 6(1)(e); DPA 2018 Part 3,yes,no,31,Northmoor Borough Council
        Car Park ANPR,anpr,car park management;parking enforcement,UK GDPR Art. 6(1)(e),yes,no,90,Northmoor Borough Council
        Civic Buildings,cctv,security of premises;staff safety,UK GDPR Art. 6(1)(f),no,yes,30,Northmoor Borough Council

        """;

    private static readonly (string Name, string Address, double Lat, double Lon, string System, int Cameras)[] Sites =
    [
        ("Market Square", "Market Square, Northmoor", 53.38112, -1.47012, "Town Centre CCTV", 30),
        ("High Street", "High Street, Northmoor", 53.38254, -1.46790, "Town Centre CCTV", 28),
        ("Bus Station", "Interchange Way, Northmoor", 53.37956, -1.46421, "Town Centre CCTV", 21),
        ("Riverside Walk", "Riverside Walk, Northmoor", 53.38470, -1.47530, "Town Centre CCTV", 14),
        ("Station Road Car Park", "Station Road, Northmoor", 53.37801, -1.46203, "Car Park ANPR", 10),
        ("Leisure Centre Car Park", "Park Lane, Northmoor", 53.38790, -1.48102, "Car Park ANPR", 8),
        ("Town Hall", "1 Civic Way, Northmoor", 53.38150, -1.46890, "Civic Buildings", 14),
        ("Central Library", "Surrey Street, Northmoor", 53.38020, -1.47150, "Civic Buildings", 9),
        ("Depot", "Canal Wharf, Northmoor", 53.37590, -1.45880, "Civic Buildings", 7),
    ];

    public static string SitesCsv()
    {
        var text = new StringWriter();
        var csv = new CsvWriter(text);
        csv.WriteRecord(["name", "address", "latitude", "longitude"]);
        foreach (var site in Sites)
        {
            csv.WriteRecord([site.Name, site.Address, site.Lat.ToString("0.00000", CultureInfo.InvariantCulture),
                site.Lon.ToString("0.00000", CultureInfo.InvariantCulture)]);
        }
        return text.ToString();
    }

    // Brand as sold, model, firmware; kinds: c camera, p PTZ camera, a ANPR camera.
    private static readonly (string Brand, string Model, string Firmware, char Kind)[] Cameras =
    [
        ("Hikvision", "DS-2CD2143G2-I", "V5.7.3 build 220112", 'c'), ("Hikvision", "DS-2CD2T47G2-L", "V5.7.11 build 230309", 'c'),
        ("Hikvision", "DS-2DE4425IW-DE", "V5.5.0 build 170725", 'p'), ("Hikvision", "DS-2CD7A26G0/P-IZHS", "V5.6.2 build 190701", 'a'),
        ("HiLook", "IPC-B140H", "V5.5.800 build 210628", 'c'), ("Hikvision", "DS-2CD2346G2-ISU/SL", "V5.7.1 build 211026", 'c'),
        ("Dahua", "IPC-HFW2431S-S-S2", "V2.800.0000000.16.R", 'c'), ("Dahua", "SD49425XB-HNR", "V2.820.0000000.5.R", 'p'),
        ("Dahua", "ITC237-PW6M-IRLZF", "V1.000.0000000.3.R", 'a'), ("Dahua", "IPC-HDW5831R-ZE", "V2.800.0000000.8.R", 'c'),
        ("Axis", "P3265-LVE", "10.12.153", 'c'), ("Axis", "Q6135-LE", "11.2.61", 'p'), ("Axis", "M3106-L Mk II", "9.80.3.4", 'c'),
        ("Axis", "Q1700-LE", "11.5.64", 'a'), ("Hanwha Vision", "XNV-6080R", "2.21.02", 'c'), ("Hanwha Vision", "QNO-8080R", "1.41.01", 'c'),
        ("Hanwha Vision", "XNP-6400RW", "2.10.01", 'p'), ("Bosch", "FLEXIDOME IP 5000i", "7.80.0128", 'c'),
        ("Bosch", "AUTODOME IP 4000i", "7.70.0100", 'p'), ("Avigilon", "H5A-DO-IR", "4.18.0.48", 'c'),
        ("Uniview", "IPC3614SR3-ADF28KM-G", "IPC_G6103-B0005P60D1902", 'c'), ("Vivotek", "FD9380-HTV", "0100g", 'c'),
        ("LTS", "CMIP7442W-28M", "V5.5.3 build 190226", 'c'), ("truVision", "TVGP-P01-0402-PTZ-G", "V5.6.0 build 200708", 'p'),
        ("truVision", "TVB-5702", "V5.5.51 build 180801", 'c'), ("ANNKE", "C800", "V5.7.0 build 220311", 'c'), ("Lorex", "E841CA", "V2.800.00LR004.0.R", 'c'),
        ("Amcrest", "IP8M-2496EB", "V2.800.00AC001.0.R", 'c'), ("EZVIZ", "C3TN", "V5.3.2 build 160420", 'c'), ("Honeywell", "HBW4PER1", "V5.4.6 build 170502", 'c'),
        ("i-PRO", "WV-S2136L", "2.61", 'c'), ("Mobotix", "M16B", "MX-V5.2.6.12", 'c'), ("Sony", "SNC-VB770", "2.4.1", 'c'),
        ("Intelbras", "VIP 3430 B", "V2.800.00IB00D.0.T", 'c'),
    ];

    // The first three octets of each brand's network cards: the platform maker's registered block (white labels carry
    // their maker's, as real ones do), except Avigilon's, which is locally administered and so says nothing.
    private static readonly Dictionary<string, string> MacBlocks = new(StringComparer.Ordinal)
    {
        ["Hikvision"] = "BC:AD:28", ["HiLook"] = "44:19:B6", ["LTS"] = "28:57:BE", ["truVision"] = "C0:56:E3", ["ANNKE"] = "E0:CA:3C",
        ["EZVIZ"] = "58:8F:CF", ["Honeywell"] = "00:0A:13", ["Dahua"] = "E0:50:8B", ["Lorex"] = "3C:EF:8C", ["Amcrest"] = "9C:14:63",
        ["Intelbras"] = "B4:4C:3B", ["Axis"] = "AC:CC:8E", ["Hanwha Vision"] = "E4:30:22", ["Bosch"] = "00:04:63", ["Avigilon"] = "02:5E:00",
        ["Uniview"] = "48:EA:63", ["Vivotek"] = "00:02:D1", ["i-PRO"] = "D4:2D:C5", ["Mobotix"] = "00:03:C5", ["Sony"] = "00:01:4A",
    };

    private static readonly (string Brand, string Model, string Firmware, char Kind)[] NonAnpr = Cameras.Where(c => c.Kind != 'a').ToArray();

    private static readonly (string Brand, string Model, string Firmware, string Kind)[] Recorders =
    [
        ("Hikvision", "DS-7616NI-K2", "V4.62.210 build 220105", "nvr"), ("Dahua", "NVR4208-8P-4KS2", "V4.001.0000000.3.R", "nvr"),
        ("Axis", "S3016", "10.12.2", "nvr"), ("Hanwha Vision", "XRN-810S", "3.50.30", "nvr"), ("Hikvision", "DS-7208HUHI-F2", "V3.5.38 build 190311", "dvr"),
        ("Bosch", "DIVAR IP all-in-one 4000", "9.20", "nvr"), ("Axis", "M7104", "5.51.7", "encoder"), ("Hikvision", "DS-6704HUHI", "V2.3.0", "encoder"),
    ];

    /// <summary>The devices, as an asset list with two extra columns the council keeps (cost centre, contract).</summary>
    public static string DevicesCsv(int seed = 1)
    {
        var random = new Random(seed);
        var csv = new StringBuilder();
        var writer = new CsvWriter(new StringWriter(csv));
        writer.WriteRecord(["asset_id", "system", "site", "latitude", "longitude", "direction", "kind", "brand", "model", "firmware",
            "serial", "ip", "mac", "installed_on", "installer", "capabilities", "status", "notes", "cost_centre", "maintenance_contract"]);
        var n = 0;
        var subnet = 0;
        foreach (var site in Sites)
        {
            subnet++;
            var anpr = site.System == "Car Park ANPR";
            for (var i = 0; i < site.Cameras; i++)
            {
                var camera = anpr && i % 2 == 0
                    ? Cameras.Where(c => c.Kind == 'a').ElementAt(random.Next(3))
                    : NonAnpr[random.Next(NonAnpr.Length)];
                n++;
                var capabilities = camera.Kind switch
                {
                    'p' => "ptz;infrared",
                    'a' => "anpr;infrared",
                    _ => random.Next(6) == 0 ? "audio;infrared" : random.Next(3) == 0 ? "analytics;infrared" : "infrared",
                };
                writer.WriteRecord(Row(random, n, site, camera.Brand, camera.Model, camera.Firmware, "camera", capabilities, subnet, 10 + i));
            }
            var recorder = Recorders[(subnet - 1) % Recorders.Length];
            n++;
            writer.WriteRecord(Row(random, n, site, recorder.Brand, recorder.Model, recorder.Firmware, recorder.Kind, "", subnet, 2));
        }
        return csv.ToString();
    }

    private static string?[] Row(Random random, int n, (string Name, string Address, double Lat, double Lon, string System, int Cameras) site,
        string brand, string model, string firmware, string kind, string capabilities, int subnet, int host)
    {
        var installed = new DateOnly(2014, 1, 1).AddDays(random.Next(365 * 11));
        var mac = $"{MacBlocks[brand]}:{random.Next(256):X2}:{subnet:X2}:{host:X2}";
        var status = random.Next(40) == 0 ? "decommissioned" : "active";
        var installer = random.Next(3) switch { 0 => "Northern Security Systems Ltd", 1 => "Civic Vision Installations", _ => "BlueLine Fire & Security" };
        return
        [
            $"NBC-{n:0000}", site.System, site.Name,
            (site.Lat + ((random.NextDouble() - 0.5) * 0.004)).ToString("0.000000", CultureInfo.InvariantCulture),
            (site.Lon + ((random.NextDouble() - 0.5) * 0.006)).ToString("0.000000", CultureInfo.InvariantCulture),
            kind == "camera" ? random.Next(360).ToString(CultureInfo.InvariantCulture) : null,
            kind, brand, model, firmware, $"{brand[..2].ToUpperInvariant()}{random.Next(10_000_000, 99_999_999)}",
            $"10.20.{subnet}.{host}", mac, installed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), installer, capabilities, status,
            status == "decommissioned" ? "Removed during refurbishment; kept for the record" : null,
            site.System switch { "Car Park ANPR" => "PK-210", "Civic Buildings" => "FM-330", _ => "CS-110" },
            random.Next(2) == 0 ? "MC-2023-07" : "MC-2024-02",
        ];
    }
}
