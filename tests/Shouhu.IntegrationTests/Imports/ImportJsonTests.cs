using System.Reflection;
using System.Text.Json;
using Shouhu.Domain.Children;
using Shouhu.Web.Features.Imports;
using Xunit;

namespace Shouhu.IntegrationTests.Imports;

/// <summary>
/// The kept input of an import row (<see cref="ImportJson"/>) leaves null fields out: a row reads back exactly as it was
/// written, for an input with every field filled and one with none.
/// </summary>
public class ImportJsonTests
{
    private static readonly JsonSerializerOptions Everything = new(JsonSerializerDefaults.Web);

    private static readonly GuardianInput Father = new(
        "王𠮷", "Father", "430702198001010013", "Alive", true, true, "广东省深圳市", "务工", "Healthy", "13800000000",
        Guid.Parse("0190a8a4-0000-7000-8000-000000000001"), "2020-01-01", 12, "肢体残疾", 2, "白血病", "2019-03-01", "440300", "1980-01-01", false);

    [Fact]
    public void Write_ThenRead_GivesTheSameInput_WithEveryFieldFilled()
    {
        var input = new ChildInput(
            "阿依古丽·买买提", "2", "430702201402280022", "2014-02-28", "05", "430702001001", "某村 3 组",
            [new CategoryInput("LeftBehind", "BothAway", "2026-06-30", "摸底排查")], [Father, Father with { Relation = "Mother", IsGuardian = false }],
            "430702001002", "Rural", "InSchool", "某小学", "三年级", null, "Disabled", "视力残疾", 3, "43070220140228002253", "0736-1234567",
            "Low", "Own", "祖父年迈", new EntrustedCareInput("李四", "Grandfather", "430702195001010011", "13900000000", "2025-01-01", "某村"),
            true, "哮喘", false, "Primary", "Entrusted", ["务工收入", "低保"], ["低保", "医疗救助"]);

        var json = ImportJson.Write(input);

        Assert.Equal(JsonSerializer.Serialize(input, Everything), JsonSerializer.Serialize(ImportJson.Read(json), Everything));
    }

    [Fact]
    public void Write_LeavesNullsOut_AndReadGivesThemBackAsNull()
    {
        var input = new ChildInput("张三", null, null, null, null, null, null, Guardians: [new GuardianInput("李四", null)]);

        var json = ImportJson.Write(input);

        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(input, Everything), JsonSerializer.Serialize(ImportJson.Read(json), Everything));
    }

    // A field left out reads back as its parameter's default: every default of the kept records must be null for that to
    // be the null that was written — a new field with another default breaks this test, not an import.
    [Theory]
    [InlineData(typeof(ChildInput))]
    [InlineData(typeof(GuardianInput))]
    [InlineData(typeof(CategoryInput))]
    [InlineData(typeof(EntrustedCareInput))]
    public void EveryFieldOfTheKeptRecords_DefaultsToNull(Type record)
    {
        var parameters = record.GetConstructors().Single(c => c.GetParameters().Length > 1).GetParameters();
        Assert.All(parameters, p =>
        {
            Assert.True(!p.ParameterType.IsValueType || Nullable.GetUnderlyingType(p.ParameterType) is not null, $"{record.Name}.{p.Name} is not nullable");
            Assert.True(!p.HasDefaultValue || p.DefaultValue is null, $"{record.Name}.{p.Name} defaults to {p.DefaultValue}");
        });
    }
}
