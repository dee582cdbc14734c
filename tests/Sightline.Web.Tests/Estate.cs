namespace Sightline.Web.Tests;

/// <summary>A small register with one account per role, for web tests. CAM-002 is an ANNKE camera made on Hikvision's platform (a white label).</summary>
public static class Estate
{
    public const string Header =
        "asset_id,system,site,latitude,longitude,direction,kind,brand,model,firmware,serial,ip,mac,installed_on,installer,capabilities,status,notes,cost_centre";

    public const string ThreeDevices =
        Header + "\n" +
        "CAM-001,Town Centre CCTV,Market Square,53.381,-1.470,90,camera,Hikvision,DS-2CD2143G2-I,V5.7.3,HK123,10.0.0.11,44:19:B6:00:00:01,2021-03-04,Acme Security,ptz;audio,active,\"corner of Market St, facing north\",CS-1\n" +
        "CAM-002,Town Centre CCTV,Market Square,53.382,-1.471,,camera,ANNKE,I91BN,V5.7.3,DS-2CD2143G2-I20210101AAWRE12345678,10.0.0.12,44:19:B6:00:00:02,2020-01-02,Acme Security,,active,,CS-1\n" +
        "NVR-001,Town Centre CCTV,Control Room,,,,nvr,Dahua,NVR4208-8P-4KS2,V4.001,DH789,10.0.0.2,3C:EF:8C:00:00:03,2019-12-31,Acme Security,,missing,,CS-2\n";

    /// <summary>An initialised register with three devices and the accounts admin, manager, compliance, procurement, assessor and viewer.</summary>
    public static async Task<TestRegister> NewAsync(string provider)
    {
        var register = await Registers.NewAsync(provider);
        await register.RunAsync("", "init", "--org", "Northmoor Borough Council");
        await register.RunAsync("", "import", "devices", register.File("devices.csv", ThreeDevices));
        foreach (var (name, role) in new[] { ("admin", "Admin"), ("manager", "Manager"), ("compliance", "Compliance"), ("procurement", "Procurement"), ("assessor", "Assessor"), ("viewer", "Viewer") })
        {
            await register.RunAsync(WebApp.Password + "\n", "users", "add", name, "--role", role, "--password-stdin");
        }
        return register;
    }
}
