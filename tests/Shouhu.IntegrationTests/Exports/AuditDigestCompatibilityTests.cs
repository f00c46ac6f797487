using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shouhu.Domain.Audit;
using Shouhu.Domain.Monitoring;

namespace Shouhu.IntegrationTests.Exports;

/// <summary>Review of ADR-016: the rewritten children digest equals the old one on adversarial ids.</summary>
public sealed class AuditDigestCompatibilityTests
{
    // The implementation before 6415450..HEAD, verbatim.
    private static string Old(IEnumerable<Guid> childIds)
    {
        var ids = childIds.Select(c => c.ToString("D")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return $"children={ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', ids))))}";
    }

    private static IEnumerable<Guid> Adversarial()
    {
        yield return Guid.Empty;
        yield return Guid.AllBitsSet;
        // Sign bits and boundaries of every field (_a int, _b/_c short, bytes _d.._k), in every position.
        var edges = new byte[] { 0x00, 0x01, 0x7f, 0x80, 0x81, 0xfe, 0xff, 0x09, 0x0a, 0x0f, 0x10, 0x9f, 0xa0 };
        for (var pos = 0; pos < 16; pos++)
        {
            foreach (var e in edges)
            {
                var b = new byte[16];
                b[pos] = e;
                yield return new Guid(b);
                var c = Enumerable.Repeat((byte)0xff, 16).ToArray();
                c[pos] = e;
                yield return new Guid(c);
                var d = Enumerable.Repeat((byte)0x80, 16).ToArray();
                d[pos] = e;
                yield return new Guid(d);
            }
        }

        foreach (var text in new[] { "7fffffff-7fff-7fff-7f7f-7f7f7f7f7f7f", "80000000-8000-8000-8080-808080808080", "ffff0000-0000-0000-0000-000000000000",
                     "0000ffff-0000-0000-0000-000000000000", "00000000-ffff-0000-0000-000000000000", "00000000-8000-0000-0000-000000000000",
                     "00000000-7fff-0000-0000-000000000000", "00000000-0000-8000-0000-000000000000", "00000000-0000-7fff-0000-000000000000" })
        {
            yield return Guid.Parse(text);
        }
    }

    [Fact]
    public void Digest_OnAdversarialIds_WithDuplicates_InAnyOrder_IsTheOldDigest()
    {
        var ids = Adversarial().ToList();
        var rng = new Random(12345);
        for (var round = 0; round < 50; round++)
        {
            var sample = ids.OrderBy(_ => rng.Next()).Take(rng.Next(0, ids.Count + 1)).ToList();
            sample.AddRange(sample.Take(rng.Next(0, sample.Count + 1))); // duplicates
            sample.AddRange(Enumerable.Range(0, 200).Select(_ => { var b = new byte[16]; rng.NextBytes(b); return new Guid(b); }));
            sample.AddRange(Enumerable.Range(0, 50).Select(_ => Guid.CreateVersion7()));
            sample = sample.OrderBy(_ => rng.Next()).ToList();
            Assert.Equal(Old(sample), AuditEntry.ChildrenDetail(sample));
        }

        Assert.Equal(Old([]), AuditEntry.ChildrenDetail([]));
        Assert.Equal(Old([Guid.Empty, Guid.Empty]), AuditEntry.ChildrenDetail([Guid.Empty, Guid.Empty]));
        Assert.Equal(Old(ids), AuditEntry.ChildrenDetail(ids));
        Assert.Equal(Old(ids), AuditEntry.ChildrenDetailOfSorted(AuditEntry.SortedDistinct(ids)));
    }
}

/// <summary>Review of ADR-016: another list past its 100,000-row cap answers a clean 400 problem with a Chinese message.</summary>
public sealed class ListExportCapTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AlertExport_Past100000Rows_IsA400ProblemInChinese_NotA500_AndNotAudited()
    {
        var (officer, officerId) = await app.StaffAsync("CivilAffairsOfficer", "430702");
        await using (var db = app.SystemDb())
        {
            var now = DateTime.UtcNow;
            for (var chunk = 0; chunk < 11; chunk++)
            {
                db.Alerts.AddRange(Enumerable.Range(0, chunk < 10 ? 10_000 : 1).Select(i => new Alert
                {
                    Rule = default, SubjectKey = $"cap-{chunk}-{i}", Severity = AlertSeverity.Low, RegionCode = ShouhuApp.VillageA, DueAt = now, Message = "测试", CreatedAt = now,
                }));
                await db.SaveChangesAsync(Ct);
                db.ChangeTracker.Clear();
            }
        }

        var r = await officer.GetAsync("/api/v1/alerts/export", Ct);
        var body = await r.Content.ReadAsStringAsync(Ct);
        Assert.True(r.StatusCode == HttpStatusCode.BadRequest, $"{(int)r.StatusCode}: {body[..Math.Min(300, body.Length)]}");
        Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        Assert.Contains("100,000", body, StringComparison.Ordinal);
        Assert.Matches("[\u4e00-\u9fff]", body);
        await using (var db = app.SystemDb())
        {
            Assert.False(await db.AuditEntries.AnyAsync(a => a.ActorId == officerId && a.Action == "Export", Ct));
        }
    }
}
