using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;

namespace Sightline.Web.Scans;

/// <summary>A scan on the record, from its audit entry (by the CLI or the web): scope, who, when, and its counts.</summary>
public sealed record PastScan(long Sequence, string Actor, DateTimeOffset Time, string Scope, bool Complete, int Hosts, int Created, int Updated, int Missing)
{
    /// <summary>The latest scans in the audit log, newest first.</summary>
    public static async Task<List<PastScan>> LatestAsync(RegisterDb db, int limit, CancellationToken cancel)
    {
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "scan").OrderByDescending(a => a.Sequence).Take(limit)
            .Select(a => new { a.Sequence, a.Actor, a.Time, a.After }).ToListAsync(cancel);
        return entries.ConvertAll(e =>
        {
            using var json = JsonDocument.Parse(e.After ?? "{}");
            string Text(string name) => json.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            int Number(string name) => int.TryParse(Text(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            return new PastScan(e.Sequence, e.Actor, e.Time, Text("scope"), Text("complete") == "yes", Number("hosts"), Number("created"), Number("updated"), Number("missing"));
        });
    }
}
