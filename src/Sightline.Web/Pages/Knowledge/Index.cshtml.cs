using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Knowledge;

namespace Sightline.Web.Pages.Knowledge;

public sealed class IndexModel(KnowledgeBase knowledge) : PageModel
{
    public static IReadOnlyList<string> Tables { get; } = ["makers", "brands", "designations", "concerns", "vulnerabilities"];

    public KnowledgeBase Knowledge => knowledge;

    [BindProperty(SupportsGet = true)]
    public string Table { get; set; } = "makers";

    /// <summary>Where the maker's response was published, shown like any other source.</summary>
    public static Provenance ResponseSource(Concern concern) => new(concern.ResponseSource, "", "");

    public void OnGet()
    {
        if (!Tables.Contains(Table))
        {
            Table = "makers";
        }
    }
}
