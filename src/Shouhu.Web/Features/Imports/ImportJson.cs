using System.Text.Json;
using System.Text.Json.Serialization;
using Shouhu.Domain.Children;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// The JSON of an import row's kept input (<see cref="Shouhu.Domain.Imports.ImportJobRow.Input"/>): the register's
/// <see cref="ChildInput"/> in the web defaults (camelCase), as <see cref="ValidateImport.Json"/> writes it, through
/// source-generated code — written once per row by the dry run and read once by the commit, it was a tenth of their time
/// through reflection (docs/performance.md "Survey import"). A null field is left out (a survey row fills a few of the
/// input's fifty and its guardians' twenty each): every field of the input records defaults to null, so the row reads back
/// the same (tests <c>ImportJsonTests</c>).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ChildInput))]
public sealed partial class ImportJson : JsonSerializerContext
{
    /// <summary>The row's input as kept.</summary>
    public static string Write(ChildInput? input) => JsonSerializer.Serialize(input, Default.ChildInput);

    /// <summary>The kept input, or null for a row that keeps none.</summary>
    public static ChildInput? Read(string? json) => json is null ? null : JsonSerializer.Deserialize(json, Default.ChildInput);
}
