using System.Text.Json.Nodes;
using Sightline.Knowledge;

namespace Sightline.Tests.Knowledge;

/// <summary>
/// A small, self-contained knowledge folder in a temporary directory, deleted on dispose. It holds one corporate
/// group (Acme Group, the holding company, over Acme, the camera maker), an independent camera maker (OtherCo), a
/// retailer that relabels Acme's cameras (ShopCam) and a printer maker (PrintCo); brands of every relationship;
/// designations scoped by purpose, by affiliates and by country; concerns; vulnerabilities; model patterns; MAC
/// blocks of every length; and fingerprint rules. Each test gets its own copy, so tests may change it freely.
/// </summary>
internal sealed class TestKnowledge : IDisposable
{
    public const string Checked = "2026-01-15";

    public const string Makers = """
        id,name,legal_name,country,parent,ownership,state_owned,surveillance,aliases,source,checked
        acme-group,Acme Group,"Acme Holdings Co., Ltd.",XX,,A state investment fund holds about 60 %.,yes,no,Acme Holdings,https://example.org/acme-group,2026-01-15
        acme,Acme,"Acme Vision Technology Co., Ltd.",XX,acme-group,Acme Group holds about 40 %.,partly,yes,ACME Vision;Acme-Vision Tech,https://example.org/acme https://example.org/acme-annual-report,2026-01-15
        other-co,OtherCo,Other Company Inc.,YY,,Listed; no controlling shareholder.,no,yes,Other Co Cameras,https://example.org/other-co,2026-01-15
        shopcam,ShopCam,ShopCam Retail LLC,YY,,A privately held retailer.,no,yes,,https://example.org/shopcam,2026-01-15
        printer-co,PrintCo,Print Company plc,ZZ,,Listed.,no,no,,https://example.org/printer-co,2026-01-15

        """;

    public const string Brands = """
        brand,maker,relationship,from,to,confidence,notes,source,checked
        ShopCam,acme,oem,2018,,confirmed,ShopCam sells Acme's cameras under its own name.,https://example.org/shopcam-teardown,2026-01-15
        Vendix,acme,oem,,,probable,Vendix firmware carries Acme's strings.,https://example.org/vendix,2026-01-15
        OldEye,other-co,former-owner,2010,2015-06,confirmed,OtherCo owned the OldEye brand until mid-2015.,https://example.org/oldeye,2026-01-15
        DualView,acme,oem,,,reported,Some DualView models are Acme's.,https://example.org/dualview,2026-01-15
        DualView,other-co,oem,,,reported,Other DualView models are OtherCo's.,https://example.org/dualview,2026-01-15
        AcmeHome,acme,group,2019,,confirmed,Acme's consumer brand.,https://example.org/acmehome,2026-01-15
        ONVIF,,placeholder,,,,Devices report the protocol's name as their maker.,https://example.org/onvif,2026-01-15

        """;

    public const string Purposes = """
        id,label,words,source,checked
        public-safety,Public safety,public safety;crime prevention,https://example.org/purposes,2026-01-15
        critical-infrastructure,Critical infrastructure,port;power station,https://example.org/purposes,2026-01-15
        sensitive-site,Sensitive site,,https://example.org/purposes,2026-01-15

        """;

    public const string Designations = """
        id,list,jurisdiction,entity,affiliates,purposes,dimension,effect,listed,effective,removed,summary,source,checked
        xx-procurement,Test Procurement Act s.1,US,acme-group,yes,public-safety;critical-infrastructure,security,Procurement ban,2020-01-01,2020-06-01,,Covers Acme Group and its affiliates for public-safety and infrastructure uses.,https://example.org/act,2026-01-15
        xx-entity-list,Test Entity List,US,acme-group,no,any,human-rights,Export licence requirement,2021-03,,,Lists the holding company only.,https://example.org/entity-list,2026-01-15
        xx-sensitive-sites,Test Sensitive Sites Guidance,UK,country:XX,yes,sensitive-site,security,No new installations on sensitive sites,2022,,,Covers every maker incorporated in XX on sensitive sites.,https://example.org/sites,2026-01-15
        old-ban,Test Old Ban,AU,acme,no,any,security,Ban on use,2019-01-01,2019-02-01,2020-01-01,Lifted in 2020.,https://example.org/old-ban,2026-01-15

        """;

    public const string Concerns = """
        id,maker,dimension,category,publisher,date,title,summary,response,response_source,source,checked
        acme-group-camps,acme-group,human-rights,xinjiang,Test Watch,2024-03,Cameras at detention sites,Test Watch found the group's cameras at detention sites.,Acme Group says the report is unsubstantiated.,https://example.org/acme-reply,https://example.org/report,2026-01-15
        other-co-passwords,other-co,security,security-practice,Test Labs,2023,Hard-coded passwords,Test Labs found hard-coded passwords.,,,https://example.org/labs,2026-01-15

        """;

    public const string Vulnerabilities = """
        cve,maker,models,affected_from,affected_to,fixed_in,kev,kev_added,cvss,summary,source,checked
        CVE-2099-0009,acme,^AC-\d+,V5.2.0 build 140721,V5.4.0 build 160530,V5.4.1 build 160601,yes,2022-03-03,9.8,Authentication bypass in the web interface.,https://example.org/cve-9,2026-01-15
        CVE-2099-0001,acme,.*,,9.9,,no,,5.3,Information disclosure on every model.,https://example.org/cve-1,2026-01-15
        CVE-2099-0005,acme,^AC-,1.0,3.0,2.5,no,,7.5,Fixed part-way through the affected range.,https://example.org/cve-5,2026-01-15

        """;

    public const string Models = """
        pattern,maker,device_class,weight,examples,source,checked
        AC-,acme,camera,0.6,AC-100;AC-2000X,https://example.org/acme-models,2026-01-15
        SC-,shopcam,camera,0.5,SC-10,https://example.org/shopcam-models,2026-01-15
        PX-,printer-co,printer,0.7,PX-1,https://example.org/printco-models,2026-01-15

        """;

    public const string Oui = """
        prefix,registry,organisation,maker,source,checked
        A4B2C3,MA-L,Acme Vision Technology Co.,acme,https://standards-oui.ieee.org/oui/oui.csv,2026-01-10
        A4B2C35,MA-M,Other Company Inc.,other-co,https://standards-oui.ieee.org/oui28/mam.csv,2026-01-10
        A4B2C3567,MA-S,Print Company plc,printer-co,https://standards-oui.ieee.org/oui36/oui36.csv,2026-01-10
        F4E2D1,MA-L,Unrelated Networks Ltd,,https://standards-oui.ieee.org/oui/oui.csv,2026-01-12

        """;

    public const string Rules = """
        {
          "rules": [
            {
              "id": "acme.http-server.webs",
              "kind": "http.server",
              "pattern": "^Acme-Webs$",
              "description": "Acme web server",
              "claims": [
                { "type": "platform", "value": "acme", "weight": 0.8 },
                { "type": "class", "value": "camera", "weight": 0.5 }
              ],
              "examples": [ { "value": "Acme-Webs", "expect": { "platform": "acme", "class": "camera" } } ],
              "not": [ "Webs", "Acme-Webs2" ],
              "source": "https://example.org/acme-webs",
              "checked": "2026-01-15"
            },
            {
              "id": "acme.http-server.prefix",
              "kind": "http.server",
              "pattern": "^Acme-",
              "description": "Acme server name prefix",
              "claims": [ { "type": "platform", "value": "acme", "weight": 0.7 } ],
              "examples": [ { "value": "Acme-Webs", "expect": { "platform": "acme" } } ],
              "not": [ "Acmeist" ],
              "source": "https://example.org/acme-webs",
              "checked": "2026-01-15"
            },
            {
              "id": "other.http-server",
              "kind": "http.server",
              "pattern": "^OtherServer/\\d",
              "description": "OtherCo web server",
              "claims": [ { "type": "platform", "value": "other-co", "weight": 0.6 } ],
              "examples": [ { "value": "OtherServer/2", "expect": { "platform": "other-co" } } ],
              "not": [ "OtherServer/x" ],
              "source": "https://example.org/other-server",
              "checked": "2026-01-15"
            },
            {
              "id": "acme.onvif.model",
              "kind": "onvif.device-information",
              "field": "Model",
              "pattern": "^(?<model>AC-\\d+[A-Z]*)$",
              "description": "Acme model number in ONVIF device information",
              "claims": [
                { "type": "platform", "value": "acme", "weight": 0.75 },
                { "type": "model", "value": "{model}", "weight": 0.8 }
              ],
              "examples": [ { "value": "AC-2000X", "expect": { "platform": "acme", "model": "AC-2000X" } } ],
              "not": [ "XAC-100" ],
              "source": "https://example.org/acme-onvif",
              "checked": "2026-01-15"
            },
            {
              "id": "acme.http-title.live",
              "kind": "http.title",
              "pattern": "Acme Live View",
              "description": "Acme live-view page title",
              "claims": [ { "type": "platform", "value": "acme", "weight": 0.6 } ],
              "examples": [ { "value": "Acme Live View", "expect": { "platform": "acme" } } ],
              "source": "https://example.org/acme-title",
              "checked": "2026-01-15"
            },
            {
              "id": "printco.http-title",
              "kind": "http.title",
              "pattern": "^PrintCo Web",
              "description": "PrintCo printer console",
              "claims": [ { "type": "class", "value": "printer", "weight": 0.9 } ],
              "examples": [ { "value": "PrintCo Web Console", "expect": { "class": "printer" } } ],
              "source": "https://example.org/printco",
              "checked": "2026-01-15"
            }
          ]
        }

        """;

    private TestKnowledge(string folder) => Folder = folder;

    /// <summary>The knowledge folder.</summary>
    public string Folder { get; }

    /// <summary>Writes a fresh copy of the test knowledge into a new temporary folder.</summary>
    public static TestKnowledge Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "sightline-knowledge-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "rules"));
        var knowledge = new TestKnowledge(folder);
        knowledge.Write("makers.csv", Makers);
        knowledge.Write("brands.csv", Brands);
        knowledge.Write("purposes.csv", Purposes);
        knowledge.Write("designations.csv", Designations);
        knowledge.Write("concerns.csv", Concerns);
        knowledge.Write("vulnerabilities.csv", Vulnerabilities);
        knowledge.Write("models.csv", Models);
        knowledge.Write("oui.csv", Oui);
        knowledge.Write("rules/test.json", Rules);
        return knowledge;
    }

    /// <summary>Loads the folder, throwing <see cref="KnowledgeException"/> if it has problems.</summary>
    public KnowledgeBase Load() => KnowledgeBase.Load(Folder);

    /// <summary>Replaces a file (path relative to the folder).</summary>
    public void Write(string file, string text) => File.WriteAllText(Path.Combine(Folder, file), text);

    /// <summary>Adds one row to a table and returns its line number.</summary>
    public int Append(string file, string row)
    {
        var path = Path.Combine(Folder, file);
        var line = File.ReadAllLines(path).Length + 1;
        File.AppendAllText(path, row + "\n");
        return line;
    }

    /// <summary>Writes a rule file holding the given rules.</summary>
    public void WriteRules(string file, params JsonObject[] rules) =>
        Write("rules/" + file, new JsonObject { ["rules"] = new JsonArray([.. rules]) }.ToJsonString());

    /// <summary>
    /// A rule over the whole text of <paramref name="kind"/> that claims <paramref name="platform"/> at 0.8, with one
    /// example (expecting that platform unless <paramref name="expect"/> says another) and optional counterexamples.
    /// </summary>
    public static JsonObject Rule(string id, string kind, string pattern, string platform, string example, string? expect = null, params string[] not) =>
        new()
        {
            ["id"] = id,
            ["kind"] = kind,
            ["pattern"] = pattern,
            ["description"] = "test rule " + id,
            ["claims"] = new JsonArray(new JsonObject { ["type"] = "platform", ["value"] = platform, ["weight"] = 0.8 }),
            ["examples"] = new JsonArray(new JsonObject
            {
                ["value"] = example,
                ["expect"] = new JsonObject { ["platform"] = expect ?? platform },
            }),
            ["not"] = new JsonArray([.. not.Select(n => (JsonNode)n)]),
            ["source"] = "https://example.org/" + id,
            ["checked"] = Checked,
        };

    public void Dispose()
    {
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }
}
