using Microsoft.EntityFrameworkCore;
using Shouhu.Data;
using Shouhu.Domain;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Shouhu.Domain.Identity;
using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Reports;

/// <summary>Body of <c>POST /api/v1/reports</c> (API-CONTRACT.md) and of the intake form.</summary>
/// <param name="Channel">API name of <see cref="ReportChannel"/>.</param>
/// <param name="ReceivedAt">ISO 8601 with offset, or <c>2026-11-30 21:05</c> read as China time; now when empty; not in the future.</param>
/// <param name="ConcernTypes">API names of <see cref="ConcernType"/>, at least one.</param>
/// <param name="Urgency">API name of <see cref="Domain.Casework.Urgency"/>.</param>
/// <param name="Narrative">What was reported, 1–10,000 characters.</param>
/// <param name="ChildId">A registered child, when known.</param>
/// <param name="Child">A child not (yet) in the register.</param>
/// <param name="Reporter">Who reported (may be anonymous).</param>
/// <param name="RegionCode">Where it happens (NBS code); required unless <paramref name="ChildId"/> is given (then the child's residence).</param>
/// <param name="Location">Place below the region.</param>
/// <param name="PoliceReport">Already reported to the police (one of the nine mandatory-report situations): when, by whom, to which unit.</param>
public sealed record ReportInput(
    string? Channel,
    string? ReceivedAt,
    IReadOnlyList<string>? ConcernTypes,
    string? Urgency,
    string? Narrative,
    Guid? ChildId = null,
    UnidentifiedChildInput? Child = null,
    ReporterInput? Reporter = null,
    string? RegionCode = null,
    string? Location = null,
    PoliceReportInput? PoliceReport = null);

/// <summary>A child not in the register, as the reporter describes them.</summary>
public sealed record UnidentifiedChildInput(string? Name, string? Sex, int? ApproximateAge, string? Description);

/// <summary>The reporter: anonymous, or name, phone, relation to the child and (for a mandatory report) organisation.</summary>
public sealed record ReporterInput(bool? Anonymous, string? Name, string? Phone, string? Relation, string? Organization);

/// <summary>
/// Records a report from any channel (DESIGN C3): validates every field, computes its response clock, and saves it whole
/// or not at all. The region must exist and lie in the caller's jurisdiction; a registered child must be visible to them.
/// An immediate-danger or urgent report reaches those who triage it at once, in the same save (<see cref="TriageLevelAsync"/>).
/// A report of one of the nine mandatory-report situations is at least urgent, and situations 2 and 3 must fit the child's
/// sex and age (<see cref="MandatoryReporting"/>).
/// </summary>
public sealed class RecordReport(ShouhuDbContext db, ResponseClock responseClock, TimeProvider clock, INotices notices, WorkingCalendarCheck calendarCheck)
{
    /// <summary>Allowed clock skew for a received-at time "in the future" (a phone's clock a little fast).</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <summary>Validates and saves: the saved report, or field errors (400; nothing saved).</summary>
    public async Task<Outcome<Report>> RunAsync(ReportInput input, Actor actor, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!EnumName.TryParse<ReportChannel>(input.Channel, out var channel))
        {
            errors.Add("channel", "请选择报告渠道");
        }

        if (!EnumName.TryParse<Urgency>(input.Urgency, out var urgency))
        {
            errors.Add("urgency", "请选择紧急程度");
        }

        var received = CaseText.Instant(input.ReceivedAt, "receivedAt", errors, bareDateIsEndOfDay: false) ?? (errors.For("receivedAt").Count == 0 ? now : (DateTime?)null);
        if (received is { } r && r > now + FutureTolerance)
        {
            errors.Add("receivedAt", "接报时间不能晚于现在");
        }

        var concerns = new SortedSet<ConcernType>();
        foreach (var text in input.ConcernTypes ?? [])
        {
            if (EnumName.TryParse<ConcernType>(text, out var concern))
            {
                concerns.Add(concern);
            }
            else
            {
                errors.Add("concernTypes", $"未知的情形：{Shorten(text)}");
            }
        }

        if (concerns.Count == 0 && errors.For("concernTypes").Count == 0)
        {
            errors.Add("concernTypes", "请至少选择一种情形");
        }

        var narrative = CaseText.Clean(input.Narrative, "narrative", 10000, true, errors, "请填写报告内容");
        var location = CaseText.Clean(input.Location, "location", 200, false, errors);

        // The child: a registered one (inside the caller's jurisdiction), or a description to identify later.
        string? childRegion = null;
        (Sex Sex, DateOnly BirthDate)? registered = null;
        if (input.ChildId is not null && !Domain.Accounts.Roles.RegistryReaders.Contains(actor.Role))
        {
            errors.Add("childId", "您的角色不能选择已登记儿童，请填写儿童情况，由研判人员确认身份");
        }
        else if (input.ChildId is { } childId)
        {
            var child = await db.Children.AsNoTracking().Where(c => c.Id == childId).Select(c => new { c.RegionCode, c.Sex, c.BirthDate }).FirstOrDefaultAsync(ct);
            childRegion = child?.RegionCode;
            registered = child is null ? null : (child.Sex, child.BirthDate);
            if (childRegion is null)
            {
                errors.Add("childId", "未找到该儿童（须为您辖区内已登记的儿童）");
            }
        }

        var unknown = input.Child;
        string? unknownName = null, unknownDescription = null;
        Sex? unknownSex = null;
        if (unknown is not null)
        {
            if (!string.IsNullOrWhiteSpace(unknown.Name))
            {
                unknownName = ChildRules.ValidName(unknown.Name, "child.name", errors);
            }

            if (!string.IsNullOrWhiteSpace(unknown.Sex))
            {
                unknownSex = SexText.Parse(unknown.Sex);
                if (unknownSex is null)
                {
                    errors.Add("child.sex", "性别应为 male 或 female");
                }
            }

            if (unknown.ApproximateAge is { } age && age is < 0 or > 17)
            {
                errors.Add("child.approximateAge", "年龄应为 0–17 岁");
            }

            unknownDescription = CaseText.Clean(unknown.Description, "child.description", 1000, false, errors);
        }

        // Where: the region given, else the registered child's residence. A report with neither child nor place is refused.
        var regionCode = input.RegionCode?.Trim();
        if (string.IsNullOrEmpty(regionCode))
        {
            regionCode = childRegion;
            if (regionCode is null && input.ChildId is null)
            {
                errors.Add("regionCode", "须填写发生地，或选择已登记的儿童");
            }
        }
        else if (!Domain.Regions.RegionCode.IsWellFormed(regionCode))
        {
            errors.Add("regionCode", "区划代码应为 2、4、6、9 或 12 位数字");
        }
        else if (!await db.Regions.AnyAsync(x => x.Code == regionCode, ct))
        {
            errors.Add("regionCode", $"区划代码 {regionCode} 不存在");
        }
        else if (!db.Caller.CanSee(regionCode))
        {
            errors.Add("regionCode", "发生地不在您的辖区之内");
        }
        else if (childRegion is not null && Domain.Regions.RegionCode.IsWithin(childRegion, regionCode))
        {
            // A registered child's village is more precise than a county or township picked above it: the report then
            // reaches the township and village that will act on it.
            regionCode = childRegion;
        }

        // The reporter (confidential: DOMAIN.md §2). A mandatory report names the reporting organisation.
        var reporter = input.Reporter;
        var anonymous = reporter?.Anonymous == true;
        string? reporterName = null, phone = null, relation = null, organization = null;
        if (reporter is not null && !anonymous)
        {
            if (!string.IsNullOrWhiteSpace(reporter.Name))
            {
                reporterName = ChildRules.ValidName(reporter.Name, "reporter.name", errors);
            }

            phone = PhoneNumber.Normalize(reporter.Phone, out var phoneError);
            if (phoneError is not null)
            {
                errors.Add("reporter.phone", phoneError);
            }

            relation = CaseText.Clean(reporter.Relation, "reporter.relation", 50, false, errors);
        }

        organization = CaseText.Clean(reporter?.Organization, "reporter.organization", 200, channel == ReportChannel.MandatoryReport, errors, "强制报告须填写报告单位");

        // Situations 2 and 3 are about girls under / from 14: what is known of the child must not contradict them.
        int? ageAtReceipt = registered is { } reg && received is { } at ? MandatoryReporting.AgeAt(reg.BirthDate, at) : null;
        foreach (var concern in concerns)
        {
            if (MandatoryReporting.Contradiction(concern, registered?.Sex ?? unknownSex, ageAtReceipt) is { } contradiction)
            {
                errors.Add("concernTypes", contradiction);
            }
        }

        (DateTime At, string By, string Unit)? police = null;
        if (input.PoliceReport is { } policeInput)
        {
            if (!MandatoryReporting.AnySituation(concerns))
            {
                errors.Add("policeReport", "只有强制报告的九类情形需要登记报警");
            }
            else if (received is { } receivedAt)
            {
                police = RecordPoliceReport.Validate(policeInput, receivedAt, now, "policeReport.", errors);
            }
        }

        if (!errors.IsEmpty)
        {
            return Outcome.Invalid(errors);
        }

        urgency = MandatoryReporting.UrgencyFor(urgency, concerns);

        var report = new Report
        {
            Channel = channel,
            ReceivedAt = received!.Value,
            ResponseDueAt = responseClock.DueAt(urgency, received.Value),
            Concerns = concerns.Select(c => new ReportConcern { ConcernType = c, RegionCode = regionCode! }).ToList(),
            Urgency = urgency,
            Narrative = narrative!,
            ChildId = input.ChildId,
            UnidentifiedChildName = unknownName,
            UnidentifiedChildSex = unknownSex,
            UnidentifiedChildAge = unknown?.ApproximateAge,
            UnidentifiedChildDescription = unknownDescription,
            RegionCode = regionCode!,
            Location = location,
            ReporterAnonymous = anonymous,
            ReporterName = reporterName,
            ReporterPhone = phone,
            ReporterRelation = relation,
            ReporterOrganization = organization,
            RecordedBy = actor.Id,
            RecordedByName = actor.DisplayName,
            RecordedAt = now,
        };
        if (police is { } step)
        {
            RecordPoliceReport.Apply(report, step);
        }

        calendarCheck.Needs(Domain.Time.ChinaTime.DateOf(Domain.Time.ChinaTime.ToChina(report.ReceivedAt)), Domain.Time.ChinaTime.DateOf(Domain.Time.ChinaTime.ToChina(report.ResponseDueAt)));
        db.Reports.Add(report);
        if (urgency is Urgency.ImmediateDanger or Urgency.Urgent)
        {
            // Nameless and without the concern (the text may leave by SMS): the urgency, the deadline and the link.
            notices.Queue(db, await TriageLevelAsync(report.RegionCode, ct), Domain.Monitoring.NotificationKind.Report,
                $"{CaseworkNames.Of(urgency)}报告待研判，请于 {ReportQueries.DeadlineText(Domain.Time.ChinaTime.ToChina(report.ResponseDueAt), "MM-dd")} 前处理", $"/Reports/Details/{report.Id}", report.RegionCode);
        }

        await db.SaveChangesAsync(ct);
        return Outcome.Done(report);
    }

    /// <summary>
    /// Who triages a report of <paramref name="regionCode"/>: the approved child supervisors whose jurisdiction holds it (the
    /// child's township), else — a township without one, a report placed at county level — the civil-affairs officers
    /// whose jurisdiction holds it. Account ids; empty when nobody does.
    /// </summary>
    private async Task<List<string>> TriageLevelAsync(string regionCode, CancellationToken ct)
    {
        var holders = await db.Users.AsNoTracking()
            .Where(u => (u.Role == Domain.Accounts.Roles.ChildSupervisor || u.Role == Domain.Accounts.Roles.CivilAffairsOfficer) && u.IsApproved && u.JurisdictionCode != null)
            .Select(u => new { u.Id, u.Role, u.JurisdictionCode }).ToListAsync(ct);
        var within = holders.Where(u => Domain.Regions.RegionCode.IsWithin(regionCode, u.JurisdictionCode!)).ToList();
        var supervisors = within.Where(u => u.Role == Domain.Accounts.Roles.ChildSupervisor).ToList();
        return (supervisors.Count > 0 ? supervisors : within).Select(u => u.Id).ToList();
    }

    private static string Shorten(string? text) => text is null ? "（空）" : text.Length > 30 ? text[..30] + "…" : text;
}
