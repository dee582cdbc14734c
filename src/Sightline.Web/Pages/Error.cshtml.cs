using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Sightline.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Message { get; private set; } = "The request could not be completed; nothing was changed by it.";

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        if (status == 404)
        {
            Title = "Not found";
            Message = "There is nothing at this address.";
        }
        else if (status == 400)
        {
            Title = "Bad request";
            Message = "The form was not accepted (it may have expired); reload the page and try again.";
        }
        else if (status is { } code)
        {
            Title = $"Error {code}";
        }
    }
}
