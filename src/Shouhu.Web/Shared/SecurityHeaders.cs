namespace Shouhu.Web.Shared;

/// <summary>
/// The response headers an MLPS level-3 (等保三级) assessment looks for (issue #17 item 4; DOMAIN.md §9), set once for
/// every answer:
/// <list type="bullet">
/// <item><c>Content-Security-Policy</c>: scripts only from Shouhu's own files — no inline script, no <c>eval</c>, no inline
/// event handler (pages use <c>data-</c> attributes read by <c>wwwroot/js</c>); styles may be inline (the pages' small
/// layout attributes); nothing is framed (<c>frame-ancestors 'none'</c>), no plug-ins, forms post only here.</item>
/// <item><c>Referrer-Policy: no-referrer</c>: a list's address may carry a search for a child's name.</item>
/// <item><c>X-Content-Type-Options: nosniff</c>: files are served with the type found in their content; a browser must not
/// guess another (an "image" that is HTML).</item>
/// <item><c>Permissions-Policy</c>: no camera, microphone, geolocation or payment from script (photos come through file
/// inputs).</item>
/// <item><c>Cache-Control: no-store</c> on every answer that is not a static file — pages, the API, exports and
/// attachments all may carry personal data, and a shared office computer must not keep them; an endpoint that sets its
/// own <c>Cache-Control</c> keeps it.</item>
/// </list>
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The content security policy of every answer.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Sets the headers of every answer; put it before the static files (they get all but <c>no-store</c>).</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((ctx, next) =>
    {
        var headers = ctx.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        return next(ctx);
    });

    /// <summary>Marks every answer past the static files <c>no-store</c> unless the endpoint chose its own caching.</summary>
    public static IApplicationBuilder UseNoStoreForPersonalData(this IApplicationBuilder app) => app.Use((ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            if (string.IsNullOrEmpty(ctx.Response.Headers.CacheControl))
            {
                ctx.Response.Headers.CacheControl = "no-store";
            }

            return Task.CompletedTask;
        });
        return next(ctx);
    });
}
