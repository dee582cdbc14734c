using Markdig;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sightline.Web.Pages.Help;

/// <summary>One of the operator's documents (docs/NAME.md, built into the assembly), rendered as a page.</summary>
public sealed class IndexModel : PageModel
{
    // Raw HTML in a document is shown as text, never passed through.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoIdentifiers().DisableHtml().Build();

    /// <summary>The documents there are, by name, with their titles.</summary>
    public static IReadOnlyList<(string Name, string Title)> Documents { get; } =
        [("scanning-safety", "Scanning safely"), ("security", "Security"), ("knowledge", "The knowledge and how to cite it")];

    public string Title { get; private set; } = "";

    public string Html { get; private set; } = "";

    public IActionResult OnGet(string name)
    {
        var title = Documents.FirstOrDefault(d => d.Name == name).Title;
        using var stream = title is null ? null : typeof(IndexModel).Assembly.GetManifestResourceStream($"help/{name}");
        if (stream is null)
        {
            return NotFound();
        }
        using var reader = new StreamReader(stream);
        (Title, Html) = (title!, Markdown.ToHtml(reader.ReadToEnd(), Pipeline));
        return Page();
    }
}
