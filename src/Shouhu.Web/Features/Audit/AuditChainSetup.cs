using System.Security.Cryptography;
using System.Text;
using Shouhu.Data;
using Shouhu.Domain.Audit;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Audit;

/// <summary>
/// Registers the keyed audit chain (ADR-002): the HMAC key from <c>Audit:Key</c> (environment <c>SHOUHU_AUDIT_KEY</c>,
/// at least 32 characters) or, when unset, a random 256-bit key created once in <c>Audit:KeyFile</c> (default
/// <c>SHOUHU_DATA_DIR/keys/audit-chain.key</c>); the anchor log (<see cref="AuditAnchorLog"/>) and its schedule.
/// </summary>
public static class AuditChainSetup
{
    /// <summary>Adds <see cref="AuditChain"/>, <see cref="AuditAnchorLog"/>, <see cref="AuditVerifier"/> and the anchor schedule.</summary>
    /// <exception cref="InvalidOperationException">For a configured key shorter than 32 characters.</exception>
    public static IServiceCollection AddAuditChain(this IServiceCollection services, IConfiguration config, ShouhuOptions options)
    {
        var dataDir = Path.GetFullPath(options.DataDirectory);
        var anchorFile = config["Audit:AnchorFile"] is { Length: > 0 } f ? Path.GetFullPath(f) : Path.Combine(dataDir, "audit-anchors.log");
        var every = int.TryParse(config["Audit:AnchorEvery"], out var n) ? n : 100;
        var configured = config["Audit:Key"] is { Length: > 0 } k ? k : config["SHOUHU_AUDIT_KEY"];
        var keyFile = config["Audit:KeyFile"] is { Length: > 0 } kf ? Path.GetFullPath(kf) : Path.Combine(dataDir, "keys", "audit-chain.key");
        services.AddSingleton(sp => new AuditAnchorLog(anchorFile, sp.GetRequiredService<ILogger<AuditAnchorLog>>()));
        services.AddSingleton(sp => new AuditChain(KeyFrom(configured, keyFile), sp.GetRequiredService<AuditAnchorLog>(), every));
        services.AddScoped<AuditVerifier>();
        services.AddHostedService<AuditAnchorSchedule>();
        return services;
    }

    /// <summary>The configured key's UTF-8 bytes, else the key file's (created with 32 random bytes, owner-only, when missing).</summary>
    /// <exception cref="InvalidOperationException">For a configured key shorter than 32 bytes or an unreadable key file.</exception>
    public static byte[] KeyFrom(string? configured, string keyFile)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            var bytes = Encoding.UTF8.GetBytes(configured);
            return bytes.Length >= AuditEntry.MinimumKeyBytes
                ? bytes
                : throw new InvalidOperationException($"SHOUHU_AUDIT_KEY / Audit:Key must have at least {AuditEntry.MinimumKeyBytes} characters.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(keyFile)!);
        if (!File.Exists(keyFile))
        {
            try
            {
                // CreateNew: when a command and the server start at once, one creates the key and the other reads it.
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var stream = new FileStream(keyFile, options);
                using var writer = new StreamWriter(stream);
                writer.Write(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            }
            catch (IOException) when (File.Exists(keyFile))
            {
            }
        }

        for (var attempt = 0; ; attempt++)
        {
            var text = File.ReadAllText(keyFile).Trim();
            if (text.Length > 0)
            {
                var key = Convert.FromBase64String(text);
                return key.Length >= AuditEntry.MinimumKeyBytes
                    ? key
                    : throw new InvalidOperationException($"{keyFile}: the audit chain key must have at least {AuditEntry.MinimumKeyBytes} bytes.");
            }

            if (attempt == 20)
            {
                throw new InvalidOperationException($"{keyFile} is empty.");
            }

            // Another process has just created it and is writing the key.
            Thread.Sleep(50);
        }
    }
}
