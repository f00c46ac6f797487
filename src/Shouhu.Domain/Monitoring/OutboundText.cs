using Shouhu.Domain.Children;

namespace Shouhu.Domain.Monitoring;

/// <summary>
/// Texts that leave the system through the outbound channel (outbox → SMS, e-mail). They may be read on a locked phone
/// screen or by whoever handles the gateway, so by the 2025 no-labelling rule (不贴标签: no protection category where
/// others can see it) and the privacy rule they name no child and no category — only what to do and where to look.
/// An alert's outbound text is chosen by its rule alone, so no data of the child can enter it.
/// </summary>
public static class OutboundText
{
    /// <summary>Words that label a child by category or situation; none may appear in an outbound text.</summary>
    public static readonly IReadOnlyList<string> Labels =
        [.. Enum.GetValues<ProtectionCategory>().Select(ChildCategory.ChineseName), "孤儿", "留守", "困境", "无人抚养", "流动", "残疾", "16周岁"];

    /// <summary>The outbound text of an alert of <paramref name="rule"/> (at most 200 characters, no personal data).</summary>
    public static string ForAlert(AlertRule rule) => rule switch
    {
        AlertRule.VisitOverdue => "预警：有走访已逾期，请登录守护系统查看",
        AlertRule.ReassessmentOverdue => "预警：有风险评估需要复评，请登录守护系统查看",
        AlertRule.ReportClockPassed => "预警：有报告已超过研判时限，请立即登录守护系统研判",
        AlertRule.ReferralOverdue => "预警：有转介已逾期未办结，请登录守护系统查看",
        AlertRule.LeftBehindTurning16 or AlertRule.Turning18 => "预警：有儿童的保护登记即将到期，请登录守护系统核查",
        AlertRule.IdBirthDateMismatch => "预警：有登记信息需要核对，请登录守护系统查看",
        AlertRule.HighRiskWithoutCase => "预警：有高风险情况尚未立案，请立即登录守护系统处理",
        AlertRule.EntrustedCaregiverMissing => "预警：有照护安排尚未落实，请登录守护系统查看",
        AlertRule.VerificationPending => "预警：有登记待核查已超过15个工作日，请登录守护系统查看",
        AlertRule.PoliceFeedbackOverdue => "预警：有强制报告的公安反馈已超过3日，请登录守护系统查看",
        _ => "预警：请登录守护系统查看",
    };

    /// <summary>True when <paramref name="text"/> contains one of <see cref="Labels"/>.</summary>
    public static bool HasLabel(string text) => Labels.Any(l => text.Contains(l, StringComparison.Ordinal));
}
