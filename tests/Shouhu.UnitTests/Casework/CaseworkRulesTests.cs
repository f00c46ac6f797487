using System.IO.Compression;
using System.Text;
using Shouhu.Domain.Casework;
using Shouhu.Domain.Children;
using Xunit;

namespace Shouhu.UnitTests.Casework;

public sealed class CaseWorkflowTests
{
    // The whole machine, written out once: every pair not listed here must be refused.
    private static readonly HashSet<(CaseStatus, CaseStatus)> WorkerMoves =
    [
        (CaseStatus.Open, CaseStatus.Assessing), (CaseStatus.Reopened, CaseStatus.Assessing), (CaseStatus.Assessing, CaseStatus.Planning),
        (CaseStatus.InService, CaseStatus.Reviewing), (CaseStatus.InService, CaseStatus.Planning), (CaseStatus.Reviewing, CaseStatus.InService),
        (CaseStatus.Closed, CaseStatus.Reopened),
    ];

    private static readonly HashSet<(CaseStatus, CaseStatus)> ApprovalMoves = [(CaseStatus.Planning, CaseStatus.InService), (CaseStatus.Reviewing, CaseStatus.Closed)];

    public static TheoryData<CaseStatus, CaseStatus> AllPairs()
    {
        var data = new TheoryData<CaseStatus, CaseStatus>();
        foreach (var from in Enum.GetValues<CaseStatus>())
        {
            foreach (var to in Enum.GetValues<CaseStatus>())
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void EveryPair_IsAllowedExactlyWhenTheMachineSaysSo_AndARefusalHasAReason(CaseStatus from, CaseStatus to)
    {
        var byWorker = CaseWorkflow.Refusal(from, to);
        var byApproval = CaseWorkflow.Refusal(from, to, approval: true);
        Assert.Equal(WorkerMoves.Contains((from, to)), byWorker is null);
        Assert.Equal(ApprovalMoves.Contains((from, to)), byApproval is null);
        if (byWorker is not null)
        {
            Assert.False(string.IsNullOrWhiteSpace(byWorker));
            Assert.DoesNotContain("Case", byWorker, StringComparison.Ordinal); // Chinese, for the user
        }
    }

    [Fact]
    public void ClosingAndServiceNeedApproval_WithTheReasonNamed()
    {
        Assert.Equal("结案须提交结案申请，经督导审批", CaseWorkflow.Refusal(CaseStatus.Reviewing, CaseStatus.Closed));
        Assert.Equal("个案计划须经督导批准后方可进入服务阶段", CaseWorkflow.Refusal(CaseStatus.Planning, CaseStatus.InService));
        Assert.Equal("已结案的案件须先重新开案", CaseWorkflow.Refusal(CaseStatus.Closed, CaseStatus.Assessing));
        Assert.Equal("案件已是「评估中」状态", CaseWorkflow.Refusal(CaseStatus.Assessing, CaseStatus.Assessing));
    }

    [Fact]
    public void StatusTexts_AreTheContractsAndRoundTrip()
    {
        Assert.Equal(["open", "assessing", "planning", "in-service", "reviewing", "closed", "reopened"], Enum.GetValues<CaseStatus>().Select(CaseWorkflow.Text));
        foreach (var s in Enum.GetValues<CaseStatus>())
        {
            Assert.Equal(s, CaseWorkflow.ParseText(CaseWorkflow.Text(s)));
        }

        Assert.Null(CaseWorkflow.ParseText("InService"));
        Assert.Null(CaseWorkflow.ParseText(null));
    }

    [Fact]
    public void CaseNumber_IsCityYearSequence()
    {
        Assert.Equal("4307-2026-00042", CaseNumber.Format("4307", 2026, 42));
        Assert.Equal("5401", CaseNumber.CityOf("540102001001"));
        Assert.Equal("4300", CaseNumber.CityOf("43"));
    }

    [Theory]
    [InlineData(ReferralStatus.Sent, ReferralAction.Accept, true)]
    [InlineData(ReferralStatus.Sent, ReferralAction.Decline, true)]
    [InlineData(ReferralStatus.Sent, ReferralAction.Progress, false)]
    [InlineData(ReferralStatus.Sent, ReferralAction.Complete, false)]
    [InlineData(ReferralStatus.Accepted, ReferralAction.Accept, false)]
    [InlineData(ReferralStatus.Accepted, ReferralAction.Decline, false)]
    [InlineData(ReferralStatus.Accepted, ReferralAction.Progress, true)]
    [InlineData(ReferralStatus.Accepted, ReferralAction.Complete, true)]
    [InlineData(ReferralStatus.Declined, ReferralAction.Accept, false)]
    [InlineData(ReferralStatus.Declined, ReferralAction.Complete, false)]
    [InlineData(ReferralStatus.Completed, ReferralAction.Progress, false)]
    [InlineData(ReferralStatus.Completed, ReferralAction.Decline, false)]
    public void Referral_MovesSentToAcceptedOrDeclined_ThenCompleted(ReferralStatus status, ReferralAction action, bool allowed) =>
        Assert.Equal(allowed, Referral.Refusal(status, action) is null);

    [Fact]
    public void GuardianshipGround_MustBelongToItsArticle()
    {
        Assert.True(GuardianshipMeasure.GroundFits(GuardianshipKind.Temporary, GuardianshipGround.Art92SeriousHarmByGuardian));
        Assert.False(GuardianshipMeasure.GroundFits(GuardianshipKind.Temporary, GuardianshipGround.Art94Revoked));
        Assert.True(GuardianshipMeasure.GroundFits(GuardianshipKind.LongTerm, GuardianshipGround.Art94Revoked));
        Assert.False(GuardianshipMeasure.GroundFits(GuardianshipKind.LongTerm, GuardianshipGround.Art92Other));
    }
}

public sealed class ResponseClockTests
{
    private static DateTime Utc(string chinaLocal) => new DateTimeOffset(DateTime.Parse(chinaLocal, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8)).UtcDateTime;

    [Fact]
    public void ImmediateAndUrgent_AreHoursFromReceipt()
    {
        var received = Utc("2026-11-30 23:30");
        Assert.Equal(received.AddHours(1), ResponseClock.Default.DueAt(Urgency.ImmediateDanger, received));
        Assert.Equal(received.AddHours(24), ResponseClock.Default.DueAt(Urgency.Urgent, received));
    }

    [Theory]
    [InlineData("2026-11-30 10:00", "2026-12-04 00:00")] // Monday → end of Thursday
    [InlineData("2026-12-04 23:59", "2026-12-10 00:00")] // Friday night → end of Wednesday
    [InlineData("2026-12-05 09:00", "2026-12-10 00:00")] // Saturday → Mon, Tue, Wed
    [InlineData("2026-11-30 00:30", "2026-12-04 00:00")] // 00:30 China time is still Monday (Sunday in UTC)
    public void Routine_EndsWithTheThirdWorkingDayAfterReceipt_InChinaTime(string received, string due) =>
        Assert.Equal(Utc(due), ResponseClock.Default.DueAt(Urgency.Routine, Utc(received)));

    [Fact]
    public void Routine_SkipsHolidays_AndCountsMakeUpWorkdays()
    {
        // 国庆 2026 (the State Council's notice of 2025-11-04): 1–7 October off; Saturday 10 October worked.
        var clock = ResponseClock.Default with { Calendar = WorkingCalendarTests.Calendar2026 };
        // Received Wednesday 30 September: the 8th and 9th are working days, Saturday the 10th is the third.
        Assert.Equal(Utc("2026-10-11 00:00"), clock.DueAt(Urgency.Routine, Utc("2026-09-30 15:00")));
        Assert.False(clock.IsWorkingDay(new DateOnly(2026, 10, 5)));
        Assert.True(clock.IsWorkingDay(new DateOnly(2026, 9, 20)));
    }
}

public sealed class AttachmentRulesTests
{
    private static (AttachmentKind, string)? Detect(byte[] bytes)
    {
        using var s = new MemoryStream(bytes);
        return AttachmentRules.Detect(s);
    }

    private static byte[] Zip(params (string Name, string Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.ASCII);
                w.Write(content);
            }
        }

        return ms.ToArray();
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, AttachmentKind.Image, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, AttachmentKind.Image, "image/png")]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, AttachmentKind.Pdf, "application/pdf")]
    [InlineData(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0 }, AttachmentKind.OfficeDocument, "application/x-ole-storage")]
    [InlineData(new byte[] { 0x49, 0x44, 0x33, 4, 0, 0 }, AttachmentKind.Audio, "audio/mpeg")]
    [InlineData(new byte[] { 0x23, 0x21, 0x41, 0x4D, 0x52, 0x0A }, AttachmentKind.Audio, "audio/amr")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45 }, AttachmentKind.Audio, "audio/wav")]
    [InlineData(new byte[] { 0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x4D, 0x34, 0x41, 0x20 }, AttachmentKind.Audio, "audio/mp4")]
    [InlineData(new byte[] { 0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63 }, AttachmentKind.Image, "image/heic")]
    public void KnownSignatures_AreRecognised(byte[] head, AttachmentKind kind, string type) =>
        Assert.Equal((kind, type), Detect(head));

    [Theory]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0 })] // Windows executable
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46 })] // ELF
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E })] // <html>
    [InlineData(new byte[] { 0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6F, 0x6D })] // MP4 video
    [InlineData(new byte[] { })]
    public void OtherContent_IsRefused(byte[] head) => Assert.Null(Detect(head));

    [Fact]
    public void AZip_IsAnOfficeFileOnlyWhenItsPartsSaySo()
    {
        Assert.Equal(AttachmentKind.OfficeDocument, Detect(Zip(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>")))?.Item1);
        Assert.Equal("application/vnd.oasis.opendocument.text", Detect(Zip(("mimetype", "application/vnd.oasis.opendocument.text")))?.Item2);
        Assert.Null(Detect(Zip(("payload.exe", "MZ"))));
        Assert.Null(Detect([0x50, 0x4B, 0x03, 0x04, 1, 2, 3])); // broken ZIP
    }
}

public sealed class CaseTextTests
{
    [Theory]
    [InlineData("2026-11-30 21:05", "2026-11-30T13:05:00Z")]
    [InlineData("2026-11-30T21:05:00+08:00", "2026-11-30T13:05:00Z")]
    [InlineData("2026-11-30T13:05:00Z", "2026-11-30T13:05:00Z")]
    [InlineData("２０２６-11-30 21:05", "2026-11-30T13:05:00Z")]
    [InlineData("2026-12-01", "2026-12-01T15:59:59Z")] // a bare date: the end of that day in China
    [InlineData("2026-11-30T21:05:00+0800", "2026-11-30T13:05:00Z")]
    [InlineData("2026-11-30 21:05-0100", "2026-11-30T22:05:00Z")]
    [InlineData("2000-01-01 05:00", "1999-12-31T21:00:00Z")] // the year bound is read in China time
    [InlineData("２０２６－１１－３０　２１：０５", "2026-11-30T13:05:00Z")] // every character full-width, as an IME types it
    [InlineData("2026/11/30 21:05", "2026-11-30T13:05:00Z")]
    [InlineData("2026年11月30日 21:05", "2026-11-30T13:05:00Z")]
    [InlineData("2026年11月30日21:05", "2026-11-30T13:05:00Z")]
    [InlineData("2026-11-30T21:05", "2026-11-30T13:05:00Z")] // a datetime-local field's value
    [InlineData("  2026-11-30   21:05  ", "2026-11-30T13:05:00Z")]
    [InlineData("２０２６－１１－３０Ｔ１３：０５Ｚ", "2026-11-30T13:05:00Z")]
    [InlineData("2026-11-30 21:05＋08:00", "2026-11-30T13:05:00Z")]
    public void Instant_ReadsChinaTimeUnlessAnOffsetIsGiven(string text, string utc)
    {
        var errors = new ValidationErrors();
        Assert.Equal(DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal), CaseText.Instant(text, "t", errors));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("明天")]
    [InlineData("2026-02-30 10:00")]
    [InlineData("9999-12-31")]
    [InlineData("0001-01-01 00:00")]
    [InlineData("1900-01-01T00:00:00+08:00")]
    [InlineData("2101-01-01")]
    [InlineData("Z")]
    [InlineData("1Z")]
    public void Instant_NamesTheFieldForNonsense(string text)
    {
        var errors = new ValidationErrors();
        Assert.Null(CaseText.Instant(text, "dueAt", errors));
        Assert.Single(errors.For("dueAt"));
    }

    [Fact]
    public void Instant_ABareReceivedDateIsTheStartOfTheDay()
    {
        var errors = new ValidationErrors();
        Assert.Equal(new DateTime(2026, 11, 29, 16, 0, 0, DateTimeKind.Utc), CaseText.Instant("2026-11-30", "t", errors, bareDateIsEndOfDay: false));
    }

    [Theory]
    [InlineData("\u202Eexe.doc")]
    [InlineData("a\u2066b")]
    [InlineData("tab\u0007bell")]
    public void Clean_RefusesBidiOverridesAndControlCharacters(string text)
    {
        var errors = new ValidationErrors();
        Assert.Null(CaseText.Clean(text, "f", 100, true, errors));
        Assert.Equal(["含有无效字符"], errors.For("f"));
    }

    [Fact]
    public void Clean_KeepsRareCharactersAndLineBreaks_RefusesControlCharactersAndLength()
    {
        var errors = new ValidationErrors();
        Assert.Equal("𠮷\n阿依·买买提", CaseText.Clean("  𠮷\r\n阿依·买买提 ", "n", 10, true, errors));
        Assert.Null(CaseText.Clean("a\u0000b", "n", 10, true, errors));
        Assert.Null(CaseText.Clean(new string('字', 11), "m", 10, true, errors));
        Assert.Null(CaseText.Clean("  ", "e", 10, true, errors, "不能为空哦"));
        Assert.Equal(["含有无效字符"], errors.For("n"));
        Assert.Equal(["不能超过10个字"], errors.For("m"));
        Assert.Equal(["不能为空哦"], errors.For("e"));
    }
}
