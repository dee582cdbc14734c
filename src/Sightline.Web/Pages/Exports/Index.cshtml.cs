using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sightline.Web.Pages.Exports;

public sealed class IndexModel : PageModel;
