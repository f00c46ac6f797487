namespace Shouhu.Web.Shared;

/// <summary>The one prefix of the JSON API (API-CONTRACT.md), shared by every feature's endpoints.</summary>
public static class ApiRoutes
{
    /// <summary>
    /// A route group under <c>/api/v1</c>. The API takes bearer tokens only, so antiforgery (a cookie defence) is off there;
    /// a feature maps its own <c>…Api</c> on it.
    /// </summary>
    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder app) => app.MapGroup("/api/v1").DisableAntiforgery();
}
