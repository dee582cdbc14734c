using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Compliance;
using Sightline.Knowledge;
using Sightline.Procurement;
using Sightline.Register;

namespace Sightline.Data.Procurement;

/// <summary>
/// Suppliers' records (`sightline suppliers`, the Suppliers pages, /api/v1/suppliers): typed and checked field by field,
/// makers and brands checked against the knowledge, each change audited.
/// </summary>
public static partial class SupplierRecords
{
    /// <summary>What adding or changing a supplier did: the problems (field, message), else the supplier's ID and whether it changed.</summary>
    public sealed record Outcome(IReadOnlyList<(string Field, string Message)> Problems, int? SupplierId, bool Changed)
    {
        public bool Succeeded => Problems.Count == 0;
    }

    /// <summary>
    /// The fields users type, with the knowledge that makers and brands are checked against (null only to read the fields'
    /// names and labels, for a command line's options: makers and brands then cannot be set).
    /// </summary>
    public static IReadOnlyList<RecordField<Supplier>> Fields(KnowledgeBase? knowledge) =>
    [
        RecordFields.Text<Supplier>("legal-name", "Legal name", s => s.LegalName, (s, v) => s.LegalName = v ?? ""),
        RecordFields.Text<Supplier>("trading-name", "Trading name", s => s.TradingName, (s, v) => s.TradingName = v),
        new("company-number", "Companies House number", s => s.CompanyNumber, (s, v) =>
        {
            var number = v?.ToUpperInvariant();
            if (number is not null && !CompanyNumberPattern().IsMatch(number))
            {
                return $"'{v}' is not a Companies House number: 8 characters, digits (with leading zeros) or a 2-letter prefix and 6 digits, e.g. 01234567 or SC123456";
            }
            s.CompanyNumber = number;
            return null;
        }, "8 characters, e.g. 01234567 or SC123456"),
        new("country", "Country", s => s.Country.Length == 0 ? null : s.Country, (s, v) =>
        {
            if (v is null || v.Length != 2 || !v.All(char.IsAsciiLetter))
            {
                return v is null ? "must be given (ISO 3166 two-letter code, e.g. GB)" : $"'{v}' is not a two-letter country code (ISO 3166, e.g. GB)";
            }
            s.Country = v.ToUpperInvariant();
            return null;
        }, "ISO 3166 two-letter code, e.g. GB"),
        new("roles", "Roles", s => s.Roles.Length == 0 ? null : s.Roles.Replace(";", "; ", StringComparison.Ordinal), (s, v) =>
        {
            var words = RecordFields.ListOf(v?.Replace(',', ';'));
            if (words.Count == 0)
            {
                return $"name at least one of {Words.List<SupplierRole>()}";
            }
            var unknown = words.Where(w => Words.Parse<SupplierRole>(w) is null).ToList();
            if (unknown.Count > 0)
            {
                return $"{string.Join(", ", unknown.Select(u => $"'{u}'"))} not one of {Words.List<SupplierRole>()}";
            }
            s.Roles = string.Join(';', words.Select(w => Words.Parse<SupplierRole>(w)!.Value).Distinct().Order().Select(r => Words.Of(r)));
            return null;
        }, Words.List<SupplierRole>()),
        RecordFields.Text<Supplier>("parent", "Parent company", s => s.Parent, (s, v) => s.Parent = v),
        RecordFields.Text<Supplier>("connected", "Connected persons", s => s.ConnectedPersons, (s, v) => s.ConnectedPersons = v, "separated by ';'"),
        new("makers", "Platform makers supplied", s => s.Makers.Length == 0 ? null : s.Makers.Replace(";", "; ", StringComparison.Ordinal), (s, v) =>
        {
            if (knowledge is null)
            {
                return "the knowledge is not loaded";
            }
            var ids = RecordFields.ListOf(v?.Replace(',', ';')).Select(i => i.ToLowerInvariant()).Distinct().ToList();
            var unknown = ids.Where(i => !knowledge.Makers.ContainsKey(i)).ToList();
            if (unknown.Count > 0)
            {
                return $"no maker with the ID {string.Join(", ", unknown.Select(u => $"'{u}'"))} in the knowledge (see `sightline kb makers`)";
            }
            s.Makers = string.Join(';', ids.Order(StringComparer.Ordinal));
            return null;
        }, "knowledge maker IDs, separated by ';'"),
        new("brands", "Brands supplied", s => s.Brands.Length == 0 ? null : s.Brands.Replace(";", "; ", StringComparison.Ordinal), (s, v) =>
        {
            if (knowledge is null)
            {
                return "the knowledge is not loaded";
            }
            var names = RecordFields.ListOf(v);
            var known = names.Select(n => knowledge.BrandLinks.FirstOrDefault(b => string.Equals(b.Brand, n, StringComparison.OrdinalIgnoreCase))?.Brand).ToList();
            var unknown = names.Where((_, i) => known[i] is null).ToList();
            if (unknown.Count > 0)
            {
                return $"no brand {string.Join(", ", unknown.Select(u => $"'{u}'"))} in the knowledge's brands.csv";
            }
            s.Brands = string.Join(';', known.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
            return null;
        }, "brand names as in the knowledge, separated by ';'"),
        RecordFields.YesNo<Supplier>("turnover-over-36m", "Turnover £36m or more", s => s.TurnoverOver36m, (s, v) => s.TurnoverOver36m = v,
            "yes when s.54 of the Modern Slavery Act requires a statement"),
        new("slavery-statement-url", "Modern slavery statement", s => s.SlaveryStatementUrl, (s, v) =>
        {
            if (v is not null && (!Uri.TryCreate(v, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
            {
                return $"'{v}' is not an http(s) URL";
            }
            s.SlaveryStatementUrl = v;
            return null;
        }, "URL"),
        new("slavery-statement-year", "Statement's year", s => s.SlaveryStatementYear?.ToString(CultureInfo.InvariantCulture), (s, v) =>
        {
            if (v is null)
            {
                s.SlaveryStatementYear = null;
                return null;
            }
            // Section 54 came into force in October 2015: no statement covers an earlier year.
            if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2015 or > 2100)
            {
                return $"'{v}' is not a year from 2015";
            }
            s.SlaveryStatementYear = year;
            return null;
        }, "YYYY"),
        RecordFields.Text<Supplier>("certifications", "Certifications", s => s.Certifications, (s, v) => s.Certifications = v, "NSI or SSAIB, with reference"),
        RecordFields.Text<Supplier>("secure-by-default", "Secure by Default product lines", s => s.SecureByDefault, (s, v) => s.SecureByDefault = v,
            "product lines, separated by ';'"),
    ];

    /// <summary>The supplier with this ID, else this legal or trading name (case ignored), or null.</summary>
    public static async Task<Supplier?> FindAsync(RegisterDb db, string key, CancellationToken cancel)
    {
        var trimmed = key.Trim();
        if (int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && await db.Suppliers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancel) is { } byId)
        {
            return byId;
        }
        var lower = trimmed.ToLowerInvariant();
#pragma warning disable CA1862 // EF translates ToLower() on both providers; string.Equals with a comparison it cannot.
        return await db.Suppliers.AsNoTracking().Where(s => s.LegalName.ToLower() == lower || (s.TradingName != null && s.TradingName.ToLower() == lower))
            .OrderBy(s => s.Id).FirstOrDefaultAsync(cancel);
#pragma warning restore CA1862
    }

    /// <summary>Every supplier by legal name.</summary>
    public static Task<List<Supplier>> ListAsync(RegisterDb db, CancellationToken cancel) =>
        db.Suppliers.AsNoTracking().OrderBy(s => s.LegalName).ThenBy(s => s.Id).ToListAsync(cancel);

    /// <summary>Records a supplier; legal name, country and roles are required.</summary>
    public static async Task<Outcome> AddAsync(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, string actor,
        IReadOnlyDictionary<string, string?> values, CancellationToken cancel)
    {
        var fields = Fields(knowledge);
        var supplier = new Supplier();
        // Required fields are applied even when not given, so that their absence is reported like a bad value.
        var all = new Dictionary<string, string?>(values);
        foreach (var required in new[] { "country", "roles" })
        {
            all.TryAdd(required, null);
        }
        var applied = RecordFields.Apply(supplier, fields, all);
        var problems = applied.Problems.ToList();
        if (supplier.LegalName.Length == 0 && !problems.Any(p => p.Field == "legal-name"))
        {
            problems.Insert(0, ("legal-name", "Legal name: must be given"));
        }
        if (problems.Count > 0)
        {
            return new Outcome(problems, null, false);
        }
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await db.Suppliers.AnyAsync(s => s.LegalName == supplier.LegalName, cancel))
        {
            return new Outcome([("legal-name", $"Legal name: there is already a supplier named '{supplier.LegalName}'")], null, false);
        }
        db.Suppliers.Add(supplier);
        await db.SaveChangesAsync(cancel);
        write.Record(ProcurementAudit.Create, ProcurementAudit.Supplier, Key(supplier.Id), null, RecordFields.Snapshot(supplier, fields));
        await write.CommitAsync(cancel);
        return new Outcome([], supplier.Id, true);
    }

    /// <summary>Changes the given fields of a supplier (a blank value clears an optional field).</summary>
    public static async Task<Outcome> SetAsync(RegisterDb db, KnowledgeBase knowledge, TimeProvider time, string actor, int id,
        IReadOnlyDictionary<string, string?> values, CancellationToken cancel)
    {
        await using var write = await RegisterWrite.BeginAsync(db, time, actor, cancel);
        if (await db.Suppliers.SingleOrDefaultAsync(s => s.Id == id, cancel) is not { } supplier)
        {
            return new Outcome([("supplier", $"there is no supplier with ID {Key(id)}")], null, false);
        }
        var applied = RecordFields.Apply(supplier, Fields(knowledge), values);
        var problems = applied.Problems.ToList();
        if (supplier.LegalName.Length == 0 && !problems.Any(p => p.Field == "legal-name"))
        {
            problems.Add(("legal-name", "Legal name: must be given"));
        }
        if (problems.Count > 0)
        {
            return new Outcome(problems, id, false);
        }
        if (!applied.Changed)
        {
            return new Outcome([], id, false);
        }
        if (await db.Suppliers.AnyAsync(s => s.Id != id && s.LegalName == supplier.LegalName, cancel))
        {
            return new Outcome([("legal-name", $"Legal name: there is already a supplier named '{supplier.LegalName}'")], id, false);
        }
        write.Record(ProcurementAudit.Update, ProcurementAudit.Supplier, Key(id), applied.Before, applied.After);
        await write.CommitAsync(cancel);
        return new Outcome([], id, true);
    }

    /// <summary>The ID as it is written in the audit log and on the command line.</summary>
    public static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    // England and Wales: 8 digits. Scotland, Northern Ireland, LLPs and others: two letters and six digits (SC, NI, OC...);
    // a few older registers: one letter and seven digits (R0000001).
    [GeneratedRegex("^([0-9]{8}|[A-Z]{2}[0-9]{6}|[A-Z][0-9]{7})$", RegexOptions.CultureInvariant)]
    private static partial Regex CompanyNumberPattern();
}
