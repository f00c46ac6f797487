using System.Linq.Expressions;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Shouhu.Domain;
using Shouhu.Domain.Accounts;
using Shouhu.Domain.Audit;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;
using Shouhu.Domain.Regions;

namespace Shouhu.Data;

/// <summary>
/// The one EF Core model of Shouhu, for SQLite and PostgreSQL alike (migrations live in one project per provider).
/// Two duties are kept here so that no handler can forget them:
/// <list type="bullet">
/// <item><b>Jurisdiction</b>: every entity implementing <see cref="IJurisdictional"/> gets a global query filter that keeps
/// only rows whose <c>RegionCode</c> lies in the caller's subtree (<c>RegionCode BETWEEN code AND code999…</c>, always an index range), so a
/// list, get, search, count, update or delete outside it finds nothing. Writes are checked again in <see cref="SaveChangesAsync(bool, CancellationToken)"/>.</item>
/// <item><b>Audit</b>: creating, changing or deleting an <see cref="IAudited"/> record, and every explicit <see cref="RecordAudit"/>, appends a
/// hash-chained <see cref="AuditEntry"/> in the same transaction, keyed by the process's <see cref="AuditChain"/>.</item>
/// </list>
/// </summary>
public partial class ShouhuDbContext : IdentityDbContext<ShouhuUser>
{
    private static readonly SemaphoreSlim AuditChainLock = new(1, 1);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Sequence, string Hash)> ChainHeads = new(StringComparer.Ordinal);
    private readonly List<AuditEntry> _pendingAudit = [];
    private readonly Dictionary<AuditEntry, IReadOnlyList<Guid>> _pendingChildren = [];
    private readonly List<Func<System.Data.Common.DbTransaction, CancellationToken, Task<int>>> _pendingBulk = [];
    private readonly List<AuditEntry> _bulkAudit = [];
    private readonly TimeProvider _clock;
    private readonly AuditChain? _chain;

    private readonly ICallerContext _caller;

    /// <summary>Creates a context acting for <paramref name="caller"/>, whose scope is read afresh by every query.</summary>
    public ShouhuDbContext(DbContextOptions<ShouhuDbContext> options, ICallerContext caller, TimeProvider? clock = null)
        : base(options)
    {
        _caller = caller;
        _clock = clock ?? TimeProvider.System;
        // The chain key is the process's, not the caller's: found through the application's services (AddDbContext sets them).
        _chain = options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService(typeof(AuditChain)) as AuditChain;
    }

    /// <summary>The caller this context acts for (read at each use: authentication may complete after the context is created).</summary>
    public CallerScope Caller => _caller.Scope;

    // Read by the query filters; EF turns them into parameters of every query. The filter is a plain range in every
    // case — the system's is ["", "~"], which holds every digit code; no jurisdiction is ["~", "~"], which holds none —
    // so the database can always use it as an index range (an "all OR range" form made SQLite scan the whole table).
    private string ScopeLow => Caller.IsSystem ? string.Empty : Caller.HasJurisdiction ? Caller.JurisdictionCode! : "~";

    private string ScopeHigh => Caller.IsSystem ? "~" : Caller.HasJurisdiction ? RegionCode.SubtreeRange(Caller.JurisdictionCode!).High : "~";

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Child> Children => Set<Child>();
    public DbSet<ChildCategory> ChildCategories => Set<ChildCategory>();
    public DbSet<Guardian> Guardians => Set<Guardian>();
    public DbSet<EntrustedCare> EntrustedCares => Set<EntrustedCare>();
    public DbSet<ChildRevision> ChildRevisions => Set<ChildRevision>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    /// <summary>The children each list or export entry of the trail held (sequence, child id).</summary>
    public DbSet<AuditChild> AuditChildren => Set<AuditChild>();
    public DbSet<Report> Reports => Set<Report>();

    /// <summary>Reports' concern types, one row each (what statistics count by).</summary>
    public DbSet<ReportConcern> ReportConcerns => Set<ReportConcern>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<CasePlan> CasePlans => Set<CasePlan>();
    public DbSet<CasePlanItem> CasePlanItems => Set<CasePlanItem>();
    public DbSet<CaseApproval> CaseApprovals => Set<CaseApproval>();
    public DbSet<ServiceRecord> ServiceRecords => Set<ServiceRecord>();
    public DbSet<GuardianshipMeasure> GuardianshipMeasures => Set<GuardianshipMeasure>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Shouhu.Domain.Monitoring.AssessmentInstrument> AssessmentInstruments => Set<Shouhu.Domain.Monitoring.AssessmentInstrument>();
    public DbSet<Shouhu.Domain.Monitoring.RiskAssessment> RiskAssessments => Set<Shouhu.Domain.Monitoring.RiskAssessment>();
    public DbSet<Shouhu.Domain.Monitoring.HomeVisit> HomeVisits => Set<Shouhu.Domain.Monitoring.HomeVisit>();
    public DbSet<Shouhu.Domain.Monitoring.VisitSchedule> VisitSchedules => Set<Shouhu.Domain.Monitoring.VisitSchedule>();
    public DbSet<Shouhu.Domain.Monitoring.Alert> Alerts => Set<Shouhu.Domain.Monitoring.Alert>();
    public DbSet<Shouhu.Domain.Monitoring.Notification> Notifications => Set<Shouhu.Domain.Monitoring.Notification>();
    public DbSet<Shouhu.Domain.Monitoring.OutboxMessage> OutboxMessages => Set<Shouhu.Domain.Monitoring.OutboxMessage>();
    public DbSet<Shouhu.Domain.Monitoring.PreventionActivity> PreventionActivities => Set<Shouhu.Domain.Monitoring.PreventionActivity>();
    public DbSet<Shouhu.Domain.Monitoring.PreventionAttendance> PreventionAttendances => Set<Shouhu.Domain.Monitoring.PreventionAttendance>();
    public DbSet<Shouhu.Domain.Imports.ImportJob> ImportJobs => Set<Shouhu.Domain.Imports.ImportJob>();
    public DbSet<Shouhu.Domain.Imports.ImportJobRow> ImportJobRows => Set<Shouhu.Domain.Imports.ImportJobRow>();
    public DbSet<Shouhu.Domain.Exports.ExportJob> ExportJobs => Set<Shouhu.Domain.Exports.ExportJob>();

    /// <summary>Queues an audit entry (e.g. a View or Export) to be written by the next save.</summary>
    /// <param name="action">View, List, Export, Approve, Login…</param>
    /// <param name="entity">Kind of record.</param>
    /// <param name="entityId">Record id, if one.</param>
    /// <param name="regionCode">The record's region; for actions on no record, the caller's jurisdiction.</param>
    /// <param name="detail">Non-personal detail (never a name, ID number, phone number or narrative).</param>
    /// <param name="actor">The actor (id, account name) when it is not the caller — e.g. the account that is logging in.</param>
    /// <param name="children">For a list page or export: the children it held. They are kept by child id beside the entry
    /// (<see cref="AuditChildren"/>, so <c>GET /api/v1/audit?childId=</c> finds it) and their digest is appended to the detail
    /// (<see cref="AuditEntry.ChildrenDetail"/>), so the chain covers the membership.</param>
    public void RecordAudit(string action, string entity, string? entityId, string regionCode, string? detail = null, (string Id, string Name)? actor = null, IEnumerable<Guid>? children = null)
    {
        IReadOnlyList<Guid>? ids = children is null ? null : (IReadOnlyList<Guid>)AuditEntry.SortedDistinct(children);
        if (ids is not null)
        {
            var listed = AuditEntry.ChildrenDetailOfSorted(ids);
            detail = string.IsNullOrEmpty(detail) ? listed : detail + ";" + listed;
        }

        var entry = NewAuditEntry(action, entity, entityId, regionCode, detail);
        if (actor is { } a)
        {
            entry.ActorId = a.Id;
            entry.ActorName = a.Name;
        }

        _pendingAudit.Add(entry);
        if (ids is { Count: > 0 })
        {
            _pendingChildren[entry] = ids;
        }
    }

    /// <summary>
    /// Scopes a query of a table that is not filtered globally (accounts, organisations) to the caller's subtree, by
    /// the region code <paramref name="regionCode"/> selects — the same range test as the global filter.
    /// </summary>
    public IQueryable<T> WithinJurisdiction<T>(IQueryable<T> query, Expression<Func<T, string>> regionCode)
    {
        if (Caller.IsSystem)
        {
            return query;
        }

        var low = Expression.Constant(ScopeLow);
        var high = Expression.Constant(ScopeHigh);
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        var body = Expression.AndAlso(
            Expression.GreaterThanOrEqual(Expression.Call(compare, regionCode.Body, low), Expression.Constant(0)),
            Expression.LessThanOrEqual(Expression.Call(compare, regionCode.Body, high), Expression.Constant(0)));
        return query.Where(Expression.Lambda<Func<T, bool>>(body, regionCode.Parameters));
    }

    /// <summary>Drops audit entries queued by <see cref="RecordAudit"/> and rows queued by <see cref="AddInBulk{T}"/> or
    /// <see cref="AddChildrenInBulk"/> but not yet saved (the action they describe did not happen).</summary>
    public void DiscardPendingAudit()
    {
        _pendingAudit.Clear();
        _pendingChildren.Clear();
        DropBulk();
    }

    // The rows queued in bulk and the audit entries that describe them go or stay together: after a failed save neither is
    // left to ride in a later one.
    private void DropBulk()
    {
        foreach (var entry in _bulkAudit)
        {
            _pendingAudit.Remove(entry);
            _pendingChildren.Remove(entry);
        }

        _bulkAudit.Clear();
        _pendingBulk.Clear();
    }

    /// <summary>
    /// Queues new rows of a type that is neither audited nor part of a child's or case's file (an import's own rows) for the
    /// next <see cref="SaveChangesAsync(bool, CancellationToken)"/>: written there with <see cref="BulkInsert"/>'s prepared
    /// inserts, in the save's transaction, before the tracked changes — instead of through the change tracker, which costs
    /// about ten times more per row. The rows are not tracked. Each must lie inside the caller's jurisdiction.
    /// </summary>
    /// <exception cref="InvalidOperationException">For audited personal data (use <see cref="AddChildrenInBulk"/>).</exception>
    /// <exception cref="JurisdictionViolationException">A row outside the caller's jurisdiction.</exception>
    public void AddInBulk<T>(IReadOnlyList<T> rows)
        where T : class
    {
        BulkInsert.GuardScope(this, rows);
        if (rows.Count > 0)
        {
            _pendingBulk.Add((tx, ct) => BulkInsert.InsertAsync(this, rows, tx, ct));
        }
    }

    /// <summary>
    /// Queues, for the next <see cref="SaveChangesAsync(bool, CancellationToken)"/>, an update of <paramref name="columns"/> of
    /// each of <paramref name="rows"/> (read untracked through this context) to its current values, by primary key, with
    /// <see cref="BulkUpdate"/>'s prepared statement in the save's transaction — for the same kind of rows as
    /// <see cref="AddInBulk{T}"/>. The rows are not tracked.
    /// </summary>
    /// <exception cref="InvalidOperationException">For audited personal data.</exception>
    /// <exception cref="JurisdictionViolationException">A row outside the caller's jurisdiction.</exception>
    public void UpdateInBulk<T>(IReadOnlyList<T> rows, params string[] columns)
        where T : class
    {
        BulkInsert.GuardScope(this, rows);
        if (rows.Count > 0)
        {
            _pendingBulk.Add((tx, ct) => BulkUpdate.UpdateAsync(this, rows, columns, tx, ct));
        }
    }

    /// <summary>
    /// Queues many new children — each with its categories, guardians and entrusted caregiver, and the rows that go with them
    /// (<paramref name="schedules"/>) — for the next <see cref="SaveChangesAsync(bool, CancellationToken)"/>, written with
    /// <see cref="BulkInsert"/> in its transaction (a survey import's batch, issue #12, ADR-013). Instead of one
    /// <c>Create</c> entry per record, the save carries the one audit entry described here, listing every child
    /// (<see cref="AuditChildren"/>), so each child's trail (<c>GET /api/v1/audit?childId=</c>) shows who registered it,
    /// when and by which action. The parts' <c>ChildId</c> are set here. Every row must lie inside the caller's jurisdiction.
    /// A child whose ID number is registered already makes the save fail with a <see cref="DbUpdateException"/> whose
    /// inner exception names the unique index, as a tracked insert does; nothing of it is written.
    /// </summary>
    /// <exception cref="JurisdictionViolationException">A row outside the caller's jurisdiction.</exception>
    public void AddChildrenInBulk(IReadOnlyList<Child> children, IReadOnlyList<VisitSchedule> schedules,
        string action, string entity, string? entityId, string regionCode, string? detail)
    {
        var categories = new List<ChildCategory>();
        var guardians = new List<Guardian>();
        var entrusted = new List<EntrustedCare>();
        foreach (var child in children)
        {
            foreach (var k in child.Categories)
            {
                k.ChildId = child.Id;
                categories.Add(k);
            }

            foreach (var g in child.Guardians)
            {
                g.ChildId = child.Id;
                guardians.Add(g);
            }

            if (child.EntrustedCare is { } e)
            {
                e.ChildId = child.Id;
                entrusted.Add(e);
            }
        }

        BulkInsert.GuardJurisdiction(this, children);
        BulkInsert.GuardJurisdiction(this, categories);
        BulkInsert.GuardJurisdiction(this, guardians);
        BulkInsert.GuardJurisdiction(this, entrusted);
        BulkInsert.GuardJurisdiction(this, schedules);
        RecordAudit(action, entity, entityId, regionCode, detail, children: children.Select(c => c.Id));
        _bulkAudit.Add(_pendingAudit[^1]);
        _pendingBulk.Add((tx, ct) => BulkInsert.InsertAsync(this, children, tx, listedInAudit: true, ct));
        _pendingBulk.Add((tx, ct) => BulkInsert.InsertAsync(this, categories, tx, listedInAudit: true, ct));
        _pendingBulk.Add((tx, ct) => BulkInsert.InsertAsync(this, guardians, tx, listedInAudit: true, ct));
        _pendingBulk.Add((tx, ct) => BulkInsert.InsertAsync(this, entrusted, tx, listedInAudit: true, ct));
        _pendingBulk.Add((tx, ct) => BulkInsert.InsertAsync(this, schedules, tx, ct));
    }

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ShouhuDbContext).Assembly);

        var isPostgres = Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true;
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IJurisdictional).IsAssignableFrom(t.ClrType)).ToList())
        {
            GetType().GetMethod(nameof(ApplyJurisdictionFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type.ClrType).Invoke(this, [builder]);
            if (isPostgres)
            {
                // Ordinal ("C") order makes the subtree a contiguous index range whatever the server locale.
                builder.Entity(type.ClrType).Property(nameof(IJurisdictional.RegionCode)).UseCollation("C");
            }
        }

        if (isPostgres)
        {
            builder.Entity<Region>().Property(r => r.Code).UseCollation("C");
            builder.Entity<Region>().Property(r => r.ParentCode).UseCollation("C");
            builder.Entity<Shouhu.Domain.Casework.Case>().Property(c => c.PendingRegionCode).UseCollation("C");
            builder.Entity<ShouhuUser>().Property(u => u.JurisdictionCode).UseCollation("C");
            // Names and ID numbers are searched by prefix ranges: code-point order, as in SQLite.
            builder.Entity<Child>().Property(c => c.Name).UseCollation("C");
            builder.Entity<Child>().Property(c => c.CitizenIdNumber).UseCollation("C");
        }
    }

    private void ApplyJurisdictionFilter<T>(ModelBuilder builder)
        where T : class, IJurisdictional
    {
        Expression<Func<T, bool>> filter = e =>
            string.Compare(e.RegionCode, ScopeLow) >= 0 && string.Compare(e.RegionCode, ScopeHigh) <= 0;
        builder.Entity<T>().HasQueryFilter(filter);
        if (!builder.Entity<T>().Metadata.GetIndexes().Any(i => i.Properties[0].Name == nameof(IJurisdictional.RegionCode)))
        {
            builder.Entity<T>().HasIndex(e => e.RegionCode);
        }
    }

    /// <inheritdoc/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <inheritdoc/>
    /// <exception cref="JurisdictionViolationException">When a write touches a record outside the caller's jurisdiction (a programming error: handlers check first).</exception>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        KeepReportConcernsWithTheirReport();
        var audit = new List<AuditEntry>(_pendingAudit);
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.Entity is IJurisdictional scoped && entry.Entity is not AuditEntry)
            {
                GuardJurisdiction(entry, scoped);
            }

            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { } version && version.IsConcurrencyToken)
            {
                entry.Property("Version").CurrentValue = Guid.NewGuid();
            }

            if (entry.Entity is IAudited or IChildPart or ICasePart)
            {
                var (action, fields) = entry.State switch
                {
                    EntityState.Added => ("Create", (string?)null),
                    EntityState.Deleted => ("Delete", null),
                    _ => ("Update", string.Join(',', entry.Properties.Where(p => p.IsModified && p.Metadata.Name != "Version").Select(p => p.Metadata.Name))),
                };
                if (entry.Entity is IChildPart part)
                {
                    // Named after the child, so that the trail of one child shows every change to its file.
                    var detail = $"{entry.Metadata.ClrType.Name}:{action}" + (string.IsNullOrEmpty(fields) ? string.Empty : ":" + fields);
                    audit.Add(NewAuditEntry(action, "Child", part.ChildId.ToString(), part.RegionCode, detail));
                }
                else if (entry.Entity is ICasePart casePart)
                {
                    // Named after the case, so that the trail of one case shows every step.
                    var detail = $"{entry.Metadata.ClrType.Name}:{action}:{casePart.Id}" + (string.IsNullOrEmpty(fields) ? string.Empty : ":" + fields);
                    audit.Add(NewAuditEntry(action, "Case", casePart.CaseId.ToString(), casePart.RegionCode, detail));
                }
                else if (entry.Entity is IAudited audited)
                {
                    audit.Add(NewAuditEntry(action, entry.Metadata.ClrType.Name, audited.Id.ToString(), audited.RegionCode, fields));
                }
            }
        }

        if (audit.Count == 0)
        {
            if (_pendingBulk.Count == 0)
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }

            try
            {
                return await SaveWithListedChildrenAsync(audit, acceptAllChangesOnSuccess, cancellationToken);
            }
            catch
            {
                DropBulk();
                throw;
            }
        }

        var chain = _chain ?? throw new InvalidOperationException("No audit chain key: register Shouhu.Data.AuditChain in the application's services (ADR-002).");
        if (Database.CurrentTransaction is not null)
        {
            // The chain lock must cover the commit; an outer transaction would commit after the lock is released
            // (and on SQLite invert the lock order against the database's write lock). See ADR-002.
            throw new InvalidOperationException("Audited changes must be saved without an explicit transaction: SaveChanges is the transaction.");
        }

        await AuditChainLock.WaitAsync(cancellationToken);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                // The head of the chain is remembered between saves (this process is its writer): one read fewer per
                // audited request. Another writer (a command, a second instance) makes the insert collide on the unique
                // Sequence; then the head is read again and the entries re-chained, once.
                var connectionKey = Database.GetConnectionString() ?? string.Empty;
                if (attempt > 1 || !ChainHeads.TryGetValue(connectionKey, out var head))
                {
                    var last = await AuditEntries.IgnoreQueryFilters().AsNoTracking()
                        .OrderByDescending(a => a.Sequence)
                        .Select(a => new { a.Sequence, a.Hash })
                        .FirstOrDefaultAsync(cancellationToken);
                    head = (last?.Sequence ?? 0, last?.Hash ?? AuditEntry.GenesisHash);
                }

                var (sequence, previous) = head;
                var before = sequence;
                foreach (var a in audit)
                {
                    a.Sequence = ++sequence;
                    a.PreviousHash = previous;
                    a.Hash = a.ComputeHash(chain.Key);
                    previous = a.Hash;
                }

                if (attempt == 1)
                {
                    AuditEntries.AddRange(audit);
                }

                try
                {
                    var written = await SaveWithListedChildrenAsync(audit, acceptAllChangesOnSuccess, cancellationToken);
                    ChainHeads[connectionKey] = (sequence, previous);
                    _pendingAudit.Clear();
                    _pendingChildren.Clear();
                    chain.Appended(before, sequence, previous);
                    return written;
                }
                catch (DbUpdateException) when (attempt == 1)
                {
                    ChainHeads.TryRemove(connectionKey, out _);
                }
            }
        }
        catch
        {
            // Leave nothing half-recorded in this context: the failed audit rows are dropped with the failed save.
            ChainHeads.TryRemove(Database.GetConnectionString() ?? string.Empty, out _);
            DropBulk();
            foreach (var a in audit)
            {
                Entry(a).State = EntityState.Detached;
            }

            throw;
        }
        finally
        {
            AuditChainLock.Release();
        }
    }

    // The children a list or export held go in with their entry, in one transaction; many rows (an export of 100,000)
    // through prepared multi-row inserts rather than the change tracker. So do the rows queued in bulk, first (the tracked
    // changes may refer to them).
    private async Task<int> SaveWithListedChildrenAsync(List<AuditEntry> audit, bool acceptAllChangesOnSuccess, CancellationToken ct)
    {
        var lists = audit.Where(_pendingChildren.ContainsKey).ToList();
        if (lists.Count == 0 && _pendingBulk.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, ct);
        }

        await using var tx = await Database.BeginTransactionAsync(ct);
        var written = 0;
        try
        {
            foreach (var insert in _pendingBulk)
            {
                written += await insert(tx.GetDbTransaction(), ct);
            }
        }
        catch (System.Data.Common.DbException e)
        {
            throw new DbUpdateException("A bulk insert failed (see the inner exception).", e);
        }

        written += await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
        foreach (var entry in lists)
        {
            // In chunks: an export of a million children would otherwise hold a million row objects at once.
            foreach (var chunk in _pendingChildren[entry].Chunk(10_000))
            {
                var rows = Array.ConvertAll(chunk, c => new AuditChild { Sequence = entry.Sequence, ChildId = c });
                written += await BulkInsert.InsertAsync(this, rows, tx.GetDbTransaction(), ct);
            }
        }

        await tx.CommitAsync(ct);
        _pendingBulk.Clear();
        _bulkAudit.Clear();
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        return written;
    }

    private void GuardJurisdiction(EntityEntry entry, IJurisdictional scoped)
    {
        if (!Caller.CanSee(scoped.RegionCode))
        {
            throw new JurisdictionViolationException(entry.Metadata.ClrType.Name);
        }

        if (entry.State == EntityState.Modified
            && entry.Property(nameof(IJurisdictional.RegionCode)).OriginalValue is string original
            && !Caller.CanSee(original))
        {
            throw new JurisdictionViolationException(entry.Metadata.ClrType.Name);
        }
    }

    private AuditEntry NewAuditEntry(string action, string entity, string? entityId, string regionCode, string? detail) => new()
    {
        At = AuditEntry.ToStoredPrecision(_clock.GetUtcNow().UtcDateTime),
        ActorId = Caller.ActorId,
        ActorName = Caller.ActorName,
        Action = action,
        Entity = entity,
        EntityId = entityId,
        RegionCode = regionCode,
        ClientAddress = Caller.ClientAddress,
        Detail = string.IsNullOrEmpty(detail) ? null : detail,
        PreviousHash = string.Empty,
        Hash = string.Empty,
    };
}

/// <summary>Thrown when a write would touch a record outside the caller's jurisdiction; handlers are expected to prevent it.</summary>
public sealed class JurisdictionViolationException(string entity)
    : InvalidOperationException($"A write to {entity} outside the caller's jurisdiction was refused.");
