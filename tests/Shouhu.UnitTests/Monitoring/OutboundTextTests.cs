using Shouhu.Domain.Children;
using Shouhu.Domain.Monitoring;
using Xunit;

namespace Shouhu.UnitTests.Monitoring;

/// <summary>Issue #9 finding 6b: texts that leave through the outbox name no child and no protection category (the no-labelling rule).</summary>
public sealed class OutboundTextTests
{
    public static TheoryData<AlertRule> Rules => [.. Enum.GetValues<AlertRule>()];

    [Theory]
    [MemberData(nameof(Rules))]
    public void EveryRulesOutboundText_NamesNoCategory_AndFitsAMessage(AlertRule rule)
    {
        var text = OutboundText.ForAlert(rule);
        Assert.False(OutboundText.HasLabel(text), text);
        Assert.InRange(text.Length, 1, 200);
        Assert.NotEqual(OutboundText.ForAlert((AlertRule)0), text); // every rule has its own text, not the fallback
    }

    [Fact]
    public void EveryCategoryName_IsALabel()
    {
        foreach (var category in Enum.GetValues<ProtectionCategory>())
        {
            Assert.True(OutboundText.HasLabel($"请关注{ChildCategory.ChineseName(category)}的情况"), category.ToString());
        }

        Assert.True(OutboundText.HasLabel("即将满16周岁，留守身份终止")); // what the rule's in-app message says
        Assert.False(OutboundText.HasLabel("案件 4307-2026-00001 已分派给您"));
    }
}
