using System.Security.Cryptography;
using System.Text;
using Shouhu.Domain.Audit;
using Xunit;

namespace Shouhu.UnitTests.Audit;

public class AuditEntryTests
{
    private static readonly byte[] Key = Encoding.UTF8.GetBytes("unit-test-audit-chain-key-0123456789");

    private static readonly DateTime At = new DateTime(2026, 3, 1, 8, 9, 10, DateTimeKind.Utc).AddTicks(1_234_560);

    private static AuditEntry Entry() => new()
    {
        Id = 7,
        Sequence = 42,
        At = At,
        ActorId = "u-17",
        ActorName = "worker01",
        Action = "Update",
        Entity = "Child",
        EntityId = "0196f0c2-0000-7000-8000-000000000001",
        RegionCode = "430702001001",
        ClientAddress = "10.0.0.8",
        Detail = "fields: address",
        PreviousHash = new string('a', 64),
        Hash = string.Empty,
    };

    [Fact]
    public void ComputeHash_KnownCanonicalForm()
    {
        // Pinned independently: HMAC-SHA256 under the chain key (lower-case hex) of the fields joined by U+001F, the
        // instant as yyyy-MM-ddTHH:mm:ss.ffffff. Stored chains depend on this exact form.
        var canonical = string.Join('\u001f', new string('a', 64), "42", "2026-03-01T08:09:10.123456", "u-17", "worker01", "Update", "Child",
            "0196f0c2-0000-7000-8000-000000000001", "430702001001", "10.0.0.8", "fields: address");
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(canonical)));

        var hash = Entry().ComputeHash(Key);

        Assert.Equal(expected, hash);
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void ComputeHash_WithoutTheKey_CannotBeReproduced()
    {
        // Whoever re-hashes an edited entry without the key — plain SHA-256 of the canonical form, or any other key — gets
        // another value than the verifier computes.
        var e = Entry();
        var keyed = e.ComputeHash(Key);
        var canonical = string.Join('\u001f', e.PreviousHash, "42", "2026-03-01T08:09:10.123456", e.ActorId, e.ActorName, e.Action, e.Entity, e.EntityId, e.RegionCode, e.ClientAddress, e.Detail);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), keyed);
        var otherKey = (byte[])Key.Clone();
        for (var i = 0; i < otherKey.Length; i++)
        {
            otherKey[i] ^= 1;
            Assert.NotEqual(keyed, e.ComputeHash(otherKey));
            otherKey[i] ^= 1;
        }

        Assert.Equal(keyed, e.ComputeHash(otherKey));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(31)]
    public void ComputeHash_KeyShorterThan32Bytes_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() => Entry().ComputeHash(new byte[length]));
    }

    [Fact]
    public void ChildrenDetail_IsTheSha256OfTheIdsTextsInOrdinalOrder_ForIdsWithEveryFieldsHighBitSet()
    {
        // The definition the stored digests were made under: the "D" texts, distinct, ordinal order, one per line. Ids
        // whose first, second and third fields and bytes have the high bit set or not, so a signed comparison would sort
        // them differently from the texts.
        var rng = new Random(20261202);
        var ids = new List<Guid>();
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[16];
            rng.NextBytes(bytes);
            ids.Add(new Guid(bytes));
        }

        ids.AddRange([new Guid("80000000-0000-0000-0000-000000000000"), new Guid("7fffffff-ffff-ffff-ffff-ffffffffffff"),
            new Guid("00000000-8000-0000-0000-000000000000"), new Guid("00000000-7fff-8000-0000-000000000000"),
            new Guid("00000000-0000-0000-8000-000000000000"), new Guid("00000000-0000-0000-0000-800000000000"), Guid.Empty]);
        var texts = ids.Select(c => c.ToString("D")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var expected = $"children={texts.Count}:{Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', texts))))}";
        Assert.Equal(expected, AuditEntry.ChildrenDetail(ids.Concat(ids.Take(10))));
    }

    [Fact]
    public void ChildrenDetail_IsTheDigestOfTheSetWhateverTheOrder_AndChangesWithAnyMember()
    {
        var ids = Enumerable.Range(1, 50).Select(i => new Guid(i, 0, 0, new byte[8])).ToList();
        var detail = AuditEntry.ChildrenDetail(ids);
        Assert.Matches("^children=50:[0-9a-f]{64}$", detail);
        Assert.Equal(detail, AuditEntry.ChildrenDetail(Enumerable.Reverse(ids)));
        Assert.Equal(detail, AuditEntry.ChildrenDetail(ids.Concat(ids.Take(3))));
        Assert.Equal("children=0:" + Convert.ToHexStringLower(SHA256.HashData([])), AuditEntry.ChildrenDetail([]));

        var seen = new HashSet<string>(StringComparer.Ordinal) { detail };
        for (var i = 0; i < ids.Count; i++)
        {
            Assert.True(seen.Add(AuditEntry.ChildrenDetail(ids.Where((_, k) => k != i))), $"without {i}");
            Assert.True(seen.Add(AuditEntry.ChildrenDetail(ids.Select((g, k) => k == i ? Guid.NewGuid() : g))), $"replaced {i}");
        }
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("rows=3", null)]
    [InlineData("children=2:abc", "children=2:abc")]
    [InlineData("rows=2;children=2:abc", "children=2:abc")]
    [InlineData("rows=2; q=yes;children=2:abc", "children=2:abc")]
    [InlineData("xchildren=2:abc", null)]
    public void ChildrenPart_FindsTheListSuffixOnly(string? detail, string? expected)
    {
        var e = Entry();
        e.Detail = detail;
        Assert.Equal(expected, e.ChildrenPart());
    }

    [Fact]
    public void ComputeHash_SameFields_SameHash()
    {
        Assert.Equal(Entry().ComputeHash(Key), Entry().ComputeHash(Key));
        var e = Entry();
        Assert.Equal(e.ComputeHash(Key), e.ComputeHash(Key));
    }

    [Fact]
    public void ComputeHash_AnyFieldChanged_HashChanges()
    {
        var baseline = Entry().ComputeHash(Key);
        var changes = new (string What, Action<AuditEntry> Change)[]
        {
            ("Sequence", e => e.Sequence = 43),
            ("At +1 µs", e => e.At = e.At.AddTicks(10)),
            ("At +1 s", e => e.At = e.At.AddSeconds(1)),
            ("At +8 h", e => e.At = e.At.AddHours(8)),
            ("ActorId", e => e.ActorId = "u-18"),
            ("ActorName", e => e.ActorName = "worker02"),
            ("Action", e => e.Action = "Delete"),
            ("Entity", e => e.Entity = "Case"),
            ("EntityId", e => e.EntityId = "0196f0c2-0000-7000-8000-000000000002"),
            ("EntityId null", e => e.EntityId = null),
            ("RegionCode", e => e.RegionCode = "430702001002"),
            ("ClientAddress", e => e.ClientAddress = "10.0.0.9"),
            ("ClientAddress null", e => e.ClientAddress = null),
            ("Detail", e => e.Detail = "fields: name"),
            ("Detail null", e => e.Detail = null),
            ("PreviousHash", e => e.PreviousHash = AuditEntry.GenesisHash),
            ("Case of ActorName", e => e.ActorName = "Worker01"),
            ("Trailing space", e => e.Action = "Update "),
        };

        var seen = new HashSet<string>(StringComparer.Ordinal) { baseline };
        foreach (var (what, change) in changes)
        {
            var e = Entry();
            change(e);
            var hash = e.ComputeHash(Key);
            Assert.True(hash != baseline, what);
            Assert.True(seen.Add(hash), $"{what} collides with another change");
        }
    }

    [Fact]
    public void ComputeHash_ContentMovedBetweenAdjacentFields_HashChanges()
    {
        var a = Entry();
        a.ActorId = "u-1";
        a.ActorName = "7worker01";
        var b = Entry();
        b.ActorId = "u-17";
        b.ActorName = "worker01";
        Assert.NotEqual(a.ComputeHash(Key), b.ComputeHash(Key));
    }

    [Fact]
    public void ComputeHash_IdAndStoredHashNotPartOfIt()
    {
        var e = Entry();
        var before = e.ComputeHash(Key);
        e.Id = 999;
        e.Hash = before;
        Assert.Equal(before, e.ComputeHash(Key));
    }

    [Fact]
    public void ComputeHash_UnspecifiedOrUtcKindOfSameTicks_SameHash()
    {
        var utc = Entry();
        var unspecified = Entry();
        unspecified.At = DateTime.SpecifyKind(At, DateTimeKind.Unspecified);
        var local = Entry();
        local.At = DateTime.SpecifyKind(At, DateTimeKind.Local);

        Assert.Equal(DateTimeKind.Unspecified, unspecified.At.Kind);
        Assert.Equal(utc.ComputeHash(Key), unspecified.ComputeHash(Key));
        Assert.Equal(utc.ComputeHash(Key), local.ComputeHash(Key));
    }

    [Fact]
    public void ComputeHash_SubMicrosecondTicks_IgnoredLikeTheDatabase()
    {
        // Both databases keep microseconds; what survives a round trip must hash the same.
        var e = Entry();
        var before = e.ComputeHash(Key);
        for (var t = 1; t < 10; t++)
        {
            e.At = At.AddTicks(t);
            Assert.Equal(before, e.ComputeHash(Key));
        }

        e.At = At.AddTicks(10);
        Assert.NotEqual(before, e.ComputeHash(Key));
    }

    [Fact]
    public void ToStoredPrecision_TruncatesToMicrosecondsAsUtc()
    {
        var t = new DateTime(2026, 3, 1, 8, 9, 10, DateTimeKind.Unspecified).AddTicks(1_234_567);
        var stored = AuditEntry.ToStoredPrecision(t);
        Assert.Equal(new DateTime(2026, 3, 1, 8, 9, 10, DateTimeKind.Utc).AddTicks(1_234_560), stored);
        Assert.Equal(DateTimeKind.Utc, stored.Kind);
        Assert.Equal(0, stored.Ticks % 10);
        Assert.Equal(stored, AuditEntry.ToStoredPrecision(stored));

        var rng = new Random(10);
        for (var i = 0; i < 5000; i++)
        {
            var ticks = rng.NextInt64(DateTime.UnixEpoch.Ticks, new DateTime(2100, 1, 1).Ticks);
            var s = AuditEntry.ToStoredPrecision(new DateTime(ticks, DateTimeKind.Utc));
            Assert.Equal(ticks / 10 * 10, s.Ticks);
            Assert.Equal(DateTimeKind.Utc, s.Kind);
        }
    }

    [Fact]
    public void Chain_EditingAnEntry_BreaksVerificationFromThere()
    {
        var chain = new List<AuditEntry>();
        var previous = AuditEntry.GenesisHash;
        for (var i = 1; i <= 6; i++)
        {
            var e = Entry();
            e.Sequence = i;
            e.At = AuditEntry.ToStoredPrecision(At.AddMinutes(i).AddTicks(i));
            e.PreviousHash = previous;
            e.Hash = e.ComputeHash(Key);
            previous = e.Hash;
            chain.Add(e);
        }

        Assert.Equal(-1, FirstBroken(chain));
        Assert.Equal(new string('0', 64), chain[0].PreviousHash);

        chain[2].Detail = "fields: name";
        Assert.Equal(2, FirstBroken(chain));
        chain[2].Detail = "fields: address";
        Assert.Equal(-1, FirstBroken(chain));

        // Removing an entry is caught at the next one.
        var removed = chain.Where((_, k) => k != 3).ToList();
        Assert.Equal(3, FirstBroken(removed));

        static int FirstBroken(List<AuditEntry> entries)
        {
            var prev = AuditEntry.GenesisHash;
            for (var k = 0; k < entries.Count; k++)
            {
                if (entries[k].PreviousHash != prev || entries[k].ComputeHash(Key) != entries[k].Hash)
                {
                    return k;
                }

                prev = entries[k].Hash;
            }

            return -1;
        }
    }
}
