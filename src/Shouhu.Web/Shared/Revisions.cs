using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain.Children;
using Shouhu.Domain.Time;

namespace Shouhu.Web.Shared;

/// <summary>The one way a change to a child's file is written into its history (shared, ADR-008: the Children feature writes it for edits, the Cases feature for a region transfer that moves the file).</summary>
public static class Revisions
{
    /// <summary>Adds (for the next save) one history line: <paramref name="field"/> changed from <paramref name="oldValue"/> to <paramref name="newValue"/> by the caller.</summary>
    public static void AddRevision(this ShouhuDbContext db, Child child, string field, string? oldValue, string? newValue, DateTime? at = null) =>
        db.ChildRevisions.Add(new ChildRevision
        {
            ChildId = child.Id,
            ChangedAt = at ?? DateTime.UtcNow,
            ChangedBy = db.Caller.ActorId,
            ChangedByName = db.Caller.ActorName,
            Field = field,
            OldValue = oldValue,
            NewValue = newValue,
            RegionCode = child.RegionCode,
        });

    /// <summary>
    /// The message of a 409 for a part of the child's file changed since it was read: who (display name) and when, from the
    /// newest history line whose field starts with <paramref name="fieldPrefix"/> (e.g. <c>guardians.</c>).
    /// </summary>
    public static async Task<string> ChangedMeanwhileAsync(this ShouhuDbContext db, Guid childId, string fieldPrefix, string what, CancellationToken ct)
    {
        var last = await db.ChildRevisions.AsNoTracking().Where(r => r.ChildId == childId && r.Field.StartsWith(fieldPrefix))
            .OrderByDescending(r => r.ChangedAt).Select(r => new { r.ChangedBy, r.ChangedByName, r.ChangedAt }).FirstOrDefaultAsync(ct);
        if (last is null)
        {
            return $"该{what}已被他人修改，请刷新后重试";
        }

        var who = await db.Users.AsNoTracking().Where(u => u.Id == last.ChangedBy).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? last.ChangedByName;
        return $"该{what}已于 {ChinaTime.ToChina(last.ChangedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} 被{who}修改，请刷新后重试";
    }
}
