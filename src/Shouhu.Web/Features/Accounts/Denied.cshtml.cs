using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Shouhu.Web.Features.Accounts;

/// <summary>Shown when a signed-in role may not open a page.</summary>
[AllowAnonymous]
public sealed class DeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
