using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sightline.Web.Pages.Reference;

/// <summary>The API reference, rendered on the server from the same endpoint descriptions as the OpenAPI document (works offline, no script).</summary>
public sealed partial class IndexModel(IApiDescriptionGroupCollectionProvider descriptions) : PageModel
{
    public sealed record Operation(string Tag, string Method, string Path, string Summary, IReadOnlyList<string> Parameters);

    public IReadOnlyList<Operation> Operations { get; private set; } = [];

    public void OnGet() => Operations = descriptions.ApiDescriptionGroups.Items.SelectMany(g => g.Items)
        .Where(d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
        .Select(d => new Operation(
            d.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.ITagsMetadata>().FirstOrDefault()?.Tags is { Count: > 0 } tags ? tags[0] : "API",
            d.HttpMethod ?? "GET",
            "/" + RouteConstraint().Replace(d.RelativePath!, "{$1}"),
            d.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IEndpointSummaryMetadata>().FirstOrDefault()?.Summary ?? "",
            d.ParameterDescriptions.Where(p => p.Source.Id is "Query" or "Path").Select(p => p.Name).ToList()))
        .OrderBy(o => o.Tag, StringComparer.Ordinal).ThenBy(o => o.Path, StringComparer.Ordinal).ToList();

    [System.Text.RegularExpressions.GeneratedRegex(@"\{(\w+):[^}]+\}")]
    private static partial System.Text.RegularExpressions.Regex RouteConstraint();
}
