using Shouhu.Data;
using Shouhu.Domain.Children;

namespace Shouhu.Web.Features.Children;

/// <summary>The one way a change to a child's file is written into its history.</summary>
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
}
