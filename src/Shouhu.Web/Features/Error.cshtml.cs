using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shouhu.Web.Features;

/// <summary>
/// The error page of the site (404 and the like, re-executed by <see cref="Shared.ErrorHandling"/>): the layout with its
/// navigation bar, the status kept, nothing about the record asked for.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = string.Empty;
    public string Detail { get; private set; } = string.Empty;

    public IActionResult OnGet(int status)
    {
        (Title, Detail) = Shared.ErrorHandling.Describe(status);
        Response.StatusCode = status is >= 400 and < 600 ? status : 404;
        return Page();
    }
}
