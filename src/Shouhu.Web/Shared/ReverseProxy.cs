using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Shouhu.Web.Shared;

/// <summary>
/// Running behind a reverse proxy that ends HTTPS (nginx, a city's gateway): <c>ReverseProxy:KnownProxies</c> lists the
/// proxies' addresses (comma-separated IPs). Only then are <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> believed —
/// from those addresses only, one hop — so the audit trail and the rate limits see the client's address, and the request
/// counts as HTTPS: the session and antiforgery cookies are then sent <c>Secure</c> (their policy is "same as request").
/// Without the setting the headers are ignored (anyone could send them).
/// </summary>
public static class ReverseProxy
{
    /// <summary>True when <c>ReverseProxy:KnownProxies</c> names at least one address.</summary>
    public static bool IsConfigured(IConfiguration config) => Proxies(config).Count > 0;

    /// <summary>Applies the setting; an entry that is not an IP address stops the start with its name.</summary>
    public static void Configure(ForwardedHeadersOptions options, IConfiguration config)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.ForwardLimit = 1;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var address in Proxies(config))
        {
            options.KnownProxies.Add(IPAddress.TryParse(address, out var ip)
                ? ip
                : throw new InvalidOperationException($"ReverseProxy:KnownProxies: “{address}” is not an IP address"));
        }
    }

    private static List<string> Proxies(IConfiguration config) =>
        (config["ReverseProxy:KnownProxies"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
