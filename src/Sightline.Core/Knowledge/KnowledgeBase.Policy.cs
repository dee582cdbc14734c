namespace Sightline.Knowledge;

/// <summary>What policy reads: purposes, designations, concerns and vulnerabilities.</summary>
public sealed partial class KnowledgeBase
{
    private void ReadPurposes(List<string> problems)
    {
        var purposes = new Dictionary<string, Purpose>(StringComparer.Ordinal);
        foreach (var row in KnowledgeTable.Read(Folder, "purposes.csv", ["id", "label", "words", "source", "checked"], problems))
        {
            CheckProvenance(row, problems);
            if (!purposes.TryAdd(row["id"], new Purpose(row["id"], row["label"], row.List("words"), row.Provenance)))
            {
                problems.Add($"{row.Where("id")}: purpose '{row["id"]}' is listed twice");
            }
        }
        if (!purposes.ContainsKey(Purpose.SensitiveSite))
        {
            problems.Add($"purposes.csv: the purpose '{Purpose.SensitiveSite}' must be defined");
        }
        Purposes = purposes;
    }

    private void ReadDesignations(List<string> problems)
    {
        var designations = new List<Designation>();
        foreach (var row in KnowledgeTable.Read(Folder, "designations.csv",
            ["id", "list", "jurisdiction", "entity", "affiliates", "purposes", "dimension", "effect", "listed", "effective", "removed", "summary", "source", "checked"], problems))
        {
            CheckProvenance(row, problems);
            var entity = row["entity"];
            string? country = entity.StartsWith("country:", StringComparison.Ordinal) ? entity["country:".Length..] : null;
            var maker = country is null ? MakerRef(row, "entity", problems) : null;
            if (country is null && maker is null)
            {
                continue;
            }
            var purposes = new List<Purpose>();
            foreach (var id in row.List("purposes").Where(p => p != "any"))
            {
                if (Purposes.TryGetValue(id, out var purpose))
                {
                    purposes.Add(purpose);
                }
                else
                {
                    problems.Add($"{row.Where("purposes")}: purpose '{id}' is not in purposes.csv");
                }
            }
            if (row.List("purposes").Count == 0)
            {
                problems.Add($"{row.Where("purposes")}: give the purposes it is limited to, or 'any'");
            }
            CheckDimension(row, problems);
            CheckYesNo(row, "affiliates", problems);
            designations.Add(new Designation(row["id"], row["list"], row["jurisdiction"], maker, country, row["affiliates"] == "yes", purposes,
                row["dimension"], row["effect"], DateRef(row, "listed", problems), DateRef(row, "effective", problems),
                DateRef(row, "removed", problems), row["summary"], row.Provenance));
        }
        Designations = designations;
    }

    private void ReadConcerns(List<string> problems)
    {
        var concerns = new List<Concern>();
        foreach (var row in KnowledgeTable.Read(Folder, "concerns.csv",
            ["id", "maker", "dimension", "category", "publisher", "date", "title", "summary", "response", "response_source", "source", "checked"], problems))
        {
            CheckProvenance(row, problems);
            CheckDimension(row, problems);
            if (row["response"].Length > 0 && !HasUrl(row["response_source"]))
            {
                problems.Add($"{row.Where("response_source")}: a response needs its source URL");
            }
            if (MakerRef(row, "maker", problems) is { } maker)
            {
                concerns.Add(new Concern(row["id"], maker, row["dimension"], row["category"], row["publisher"], DateRef(row, "date", problems),
                    row["title"], row["summary"], row["response"], row["response_source"], row.Provenance));
            }
        }
        Concerns = concerns;
    }

    private void ReadVulnerabilities(List<string> problems)
    {
        var vulnerabilities = new List<Vulnerability>();
        foreach (var row in KnowledgeTable.Read(Folder, "vulnerabilities.csv",
            ["cve", "maker", "models", "affected_from", "affected_to", "fixed_in", "kev", "kev_added", "cvss", "summary", "source", "checked"], problems))
        {
            CheckProvenance(row, problems);
            CheckYesNo(row, "kev", problems);
            var models = ModelRegex(row, "models", anchored: false, problems);
            if (MakerRef(row, "maker", problems) is { } maker && models is not null)
            {
                vulnerabilities.Add(new Vulnerability(row["cve"], maker, models, Firmware(row, "affected_from", problems),
                    Firmware(row, "affected_to", problems), Firmware(row, "fixed_in", problems), row["kev"] == "yes",
                    DateRef(row, "kev_added", problems), row["cvss"], row["summary"], row.Provenance));
            }
        }
        Vulnerabilities = vulnerabilities;
    }
}
