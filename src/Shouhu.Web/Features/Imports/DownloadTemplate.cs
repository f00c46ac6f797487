using Shouhu.Domain.Time;
using Shouhu.Imports;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// The survey template (issue #12 item 1, <see cref="SurveyTemplate"/>): sheets 儿童, 家庭成员 and 填表说明 with example rows
/// whose ages are today's. It holds no personal data, so unlike an export its download is not audited (ADR 012).
/// </summary>
public sealed class DownloadTemplate(TimeProvider clock)
{
    /// <summary>The template's bytes (about 10 KB).</summary>
    public byte[] Run()
    {
        using var ms = new MemoryStream();
        SurveyTemplate.Write(ms, ChinaTime.Today(clock));
        return ms.ToArray();
    }
}
