using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sightline.Compliance;
using Sightline.Data;
using Sightline.Data.Compliance;
using Sightline.Knowledge;

namespace Sightline.Web.Pages.Compliance;

/// <summary>One cell of the compliance page: what the register shows about one principle for one system, with the devices behind it.</summary>
public sealed class PrincipleModel(RegisterDb db, KnowledgeBase knowledge, TimeProvider time) : PageModel
{
    public PrincipleFindings Findings { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int system, int principle, CancellationToken cancel)
    {
        if (principle is < 1 or > 12)
        {
            return NotFound();
        }
        var found = await RegisterFindings.ComputeAsync(db, knowledge, time, system, cancel);
        if (found.Count == 0)
        {
            return NotFound();
        }
        Findings = found.Single(p => p.Principle.Number == principle);
        return Page();
    }
}
