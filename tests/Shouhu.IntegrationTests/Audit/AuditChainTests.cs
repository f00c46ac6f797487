using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouhu.Data;
using Shouhu.Domain.Audit;
using Shouhu.Web.Features.Audit;

namespace Shouhu.IntegrationTests.Audit;

/// <summary>
/// The keyed chain and its anchors (issue #9 finding 9): whoever holds the database but not the key cannot rewrite the
/// trail, and a cut tail or an emptied table fails against the anchor file. Each test tampers, so each has its own application.
/// </summary>
public sealed class AuditChainTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ShouhuApp> AppWithEntriesAsync(int children, string? anchorEvery = null)
    {
        var app = new ShouhuApp();
        if (anchorEvery is not null)
        {
            app.Settings["Audit:AnchorEvery"] = anchorEvery;
        }

        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        for (var i = 0; i < children; i++)
        {
            var created = await director.PostAsJsonAsync("/api/v1/children", new { name = $"链{i}", sex = "female", birthDate = "2014-04-04", residenceRegionCode = ShouhuApp.VillageA }, Ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        return app;
    }

    private static Task<AuditVerifier.Report> VerifyAsync(ShouhuApp app, ShouhuDbContext db) => AuditTests.Verifier(app, db).VerifyAsync(Ct);

    [Theory]
    [InlineData("sha256")]
    [InlineData("other-key")]
    public async Task Verify_EntryEditedAndChainReHashedWithoutTheKey_Fails(string rehash)
    {
        using var app = await AppWithEntriesAsync(3);
        await using var db = app.SystemDb();
        Assert.True((await VerifyAsync(app, db)).IsIntact);

        // The forger edits one entry and recomputes every hash from there on, as the unkeyed chain allowed.
        var entries = await db.AuditEntries.IgnoreQueryFilters().OrderBy(a => a.Sequence).ToListAsync(Ct);
        var victim = entries[^3];
        victim.ActorName = "someone-else";
        var forgedKey = Encoding.UTF8.GetBytes("a-guess-at-the-key-of-this-server-0123");
        var previous = entries[^4].Hash;
        foreach (var e in entries.Where(e => e.Sequence >= victim.Sequence))
        {
            e.PreviousHash = previous;
            e.Hash = rehash == "sha256"
                ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(e.PreviousHash + e.Sequence + e.ActorName)))
                : e.ComputeHash(forgedKey);
            previous = e.Hash;
        }

        foreach (var e in entries.Where(e => e.Sequence >= victim.Sequence))
        {
            await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Id == e.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ActorName, e.ActorName).SetProperty(a => a.PreviousHash, e.PreviousHash).SetProperty(a => a.Hash, e.Hash), Ct);
        }

        var broken = (await VerifyAsync(app, db));
        Assert.False(broken.IsIntact);
        Assert.Equal(victim.Sequence, broken.FirstBrokenSequence);
    }

    [Fact]
    public async Task Verify_TailCutOrEveryRowDeleted_FailsAgainstTheLastAnchor()
    {
        using var app = await AppWithEntriesAsync(6, anchorEvery: "4");
        await using var db = app.SystemDb();
        var last = await db.AuditEntries.IgnoreQueryFilters().MaxAsync(a => a.Sequence, Ct);
        var anchors = app.Services.GetRequiredService<AuditAnchorLog>();
        // Written by the saves themselves, every 4 entries: the head after each multiple of 4 was passed.
        var written = anchors.ReadAll();
        Assert.NotEmpty(written);
        Assert.All(written, a => Assert.Equal(db.AuditEntries.IgnoreQueryFilters().Single(e => e.Sequence == a.Sequence).Hash, a.Hash));
        Assert.Equal(await AuditAnchorSchedule.AnchorHeadAsync(db, anchors, 0, Ct), last);
        Assert.Equal(last, anchors.ReadAll()[^1].Sequence);
        var intact = (await VerifyAsync(app, db));
        Assert.True(intact.IsIntact, intact.Message);

        // The last two entries go: the chain still links, but it ends before the anchor.
        await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Sequence > last - 2).ExecuteDeleteAsync(Ct);
        var cut = (await VerifyAsync(app, db));
        Assert.False(cut.IsIntact);
        Assert.Equal(last - 1, cut.FirstBrokenSequence);
        Assert.Contains($"第 {last} 条", cut.Message, StringComparison.Ordinal);

        await db.AuditEntries.IgnoreQueryFilters().ExecuteDeleteAsync(Ct);
        var emptied = (await VerifyAsync(app, db));
        Assert.False(emptied.IsIntact);
        Assert.Equal(1, emptied.FirstBrokenSequence);
        Assert.Equal(0, emptied.Checked);
    }

    [Fact]
    public async Task Verify_AnchoredEntryReplacedByAValidOne_Fails()
    {
        // Someone with the key (or a restored older copy) cannot swap the entry an anchor names.
        using var app = await AppWithEntriesAsync(2);
        await using var db = app.SystemDb();
        var anchors = app.Services.GetRequiredService<AuditAnchorLog>();
        var head = await AuditAnchorSchedule.AnchorHeadAsync(db, anchors, 0, Ct);
        var entry = await db.AuditEntries.IgnoreQueryFilters().SingleAsync(a => a.Sequence == head, Ct);
        entry.Detail = "replaced";
        var hash = entry.ComputeHash(app.Services.GetRequiredService<AuditChain>().Key);
        await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Sequence == head)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Detail, "replaced").SetProperty(a => a.Hash, hash), Ct);
        var broken = (await VerifyAsync(app, db));
        Assert.False(broken.IsIntact);
        Assert.Equal(head, broken.FirstBrokenSequence);
    }

    [Fact]
    public async Task Verify_ChildrenOfAListRemovedOrAdded_Fails()
    {
        using var app = await AppWithEntriesAsync(3);
        using var director = await app.UserAsync("ChildDirector", ShouhuApp.VillageA);
        Assert.Equal(HttpStatusCode.OK, (await director.GetAsync("/api/v1/children", Ct)).StatusCode);
        await using var db = app.SystemDb();
        var list = await db.AuditEntries.IgnoreQueryFilters().Where(a => a.Action == "List" && a.Entity == "Child").OrderByDescending(a => a.Sequence).FirstAsync(Ct);
        var held = await db.AuditChildren.Where(c => c.Sequence == list.Sequence).ToListAsync(Ct);
        Assert.Equal(3, held.Count);
        Assert.Equal(AuditEntry.ChildrenDetail(held.Select(h => h.ChildId)), list.ChildrenPart());
        Assert.True((await VerifyAsync(app, db)).IsIntact);

        await db.AuditChildren.Where(c => c.Sequence == list.Sequence && c.ChildId == held[0].ChildId).ExecuteDeleteAsync(Ct);
        var removed = (await VerifyAsync(app, db));
        Assert.False(removed.IsIntact);
        Assert.Equal(list.Sequence, removed.FirstBrokenSequence);

        db.AuditChildren.Add(held[0]);
        db.AuditChildren.Add(new AuditChild { Sequence = list.Sequence, ChildId = Guid.NewGuid() });
        await db.SaveChangesAsync(Ct);
        var added = (await VerifyAsync(app, db));
        Assert.False(added.IsIntact);
        Assert.Equal(list.Sequence, added.FirstBrokenSequence);
    }

    [Fact]
    public void KeyFrom_CreatesTheKeyFileOnce_AndRefusesAShortConfiguredKey()
    {
        var dir = Path.Combine(Path.GetTempPath(), "shouhu-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var file = Path.Combine(dir, "keys", "audit-chain.key");
            var first = AuditChainSetup.KeyFrom(null, file);
            Assert.Equal(32, first.Length);
            Assert.Equal(first, AuditChainSetup.KeyFrom("", file));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }

            var configured = new string('k', 32);
            Assert.Equal(Encoding.UTF8.GetBytes(configured), AuditChainSetup.KeyFrom(configured, file));
            Assert.Throws<InvalidOperationException>(() => AuditChainSetup.KeyFrom(new string('k', 31), file));
            Assert.NotEqual(first, AuditChainSetup.KeyFrom(null, Path.Combine(dir, "other.key")));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
