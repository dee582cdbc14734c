using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Sightline.Knowledge;
using Sightline.Web.Accounts;

namespace Sightline.Web.Api;

/// <summary>The knowledge as JSON under /api/v1/knowledge: every row with its source and the date it was checked.</summary>
public static class KnowledgeApi
{
    public sealed record Source(string Url, string Checked);

    public sealed record MakerView(string Id, string Name, string LegalName, string Country, string? Parent, string Ownership, string StateOwned,
        bool Surveillance, Source Source);

    public sealed record BrandView(string Brand, string? Maker, string Relationship, string? From, string? To, string Confidence, string Notes, Source Source);

    public sealed record DesignationView(string Id, string List, string Jurisdiction, string? Entity, string? Country, bool Affiliates,
        IReadOnlyList<string> Purposes, string Dimension, string Effect, string? Listed, string? Effective, string? Removed, string Summary, Source Source);

    public sealed record ConcernView(string Id, string Maker, string Dimension, string Category, string Publisher, string? Date, string Title,
        string Summary, string Response, string ResponseSource, Source Source);

    public sealed record VulnerabilityView(string Cve, string Maker, bool KnownExploited, string? KevAdded, string Cvss, string? FixedIn,
        string Summary, Source Source);

    public static void MapKnowledgeApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/knowledge").RequireAuthorization(Policies.Read).WithTags("Knowledge");
        api.MapGet("/makers", (KnowledgeBase k) => k.Makers.Values.OrderBy(m => m.Id, StringComparer.Ordinal)
            .Select(m => new MakerView(m.Id, m.Name, m.LegalName, m.Country, m.ParentId, m.Ownership, m.StateOwned, m.Surveillance, Of(m.Provenance))).ToList())
            .WithSummary("Makers and their corporate groups.");
        api.MapGet("/brands", (KnowledgeBase k) => k.BrandLinks
            .Select(b => new BrandView(b.Brand, b.Maker?.Id, b.Relationship.ToString(), b.From?.Text, b.To?.Text, b.Confidence, b.Notes, Of(b.Provenance))).ToList())
            .WithSummary("Brands and the makers behind them.");
        api.MapGet("/designations", (KnowledgeBase k) => k.Designations
            .Select(d => new DesignationView(d.Id, d.List, d.Jurisdiction, d.Entity?.Id, d.Country, d.Affiliates, d.Purposes.Select(p => p.Id).ToList(),
                d.Dimension, d.Effect, d.Listed?.Text, d.Effective?.Text, d.Removed?.Text, d.Summary, Of(d.Provenance))).ToList())
            .WithSummary("Sanctions, bans and procurement restrictions, with the purposes they apply to.");
        api.MapGet("/concerns", (KnowledgeBase k) => k.Concerns
            .Select(c => new ConcernView(c.Id, c.Maker.Id, c.Dimension, c.Category, c.Publisher, c.Date?.Text, c.Title, c.Summary, c.Response,
                c.ResponseSource, Of(c.Provenance))).ToList())
            .WithSummary("Concerns about makers, with the maker's published response.");
        api.MapGet("/vulnerabilities", (KnowledgeBase k) => k.Vulnerabilities
            .Select(v => new VulnerabilityView(v.Cve, v.Maker.Id, v.Kev, v.KevAdded?.Text, v.Cvss, v.FixedIn?.ToString(), v.Summary, Of(v.Provenance))).ToList())
            .WithSummary("Known vulnerabilities by maker, known-exploited marked.");
    }

    private static Source Of(Provenance provenance) => new(provenance.Source, provenance.Checked);
}
