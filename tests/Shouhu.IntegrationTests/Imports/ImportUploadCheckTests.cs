using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Shouhu.Imports;
using static Shouhu.IntegrationTests.Api;

namespace Shouhu.IntegrationTests.Imports;

/// <summary>
/// Issue #12 "Bad input" at the upload (item 1 of the page's task): a file that is not an xlsx or CSV by its content is
/// refused by <c>POST /api/v1/imports</c> with 400 <c>errors.file</c> and the reader's own Chinese reason, before any
/// import is recorded or any file kept.
/// </summary>
public sealed class ImportUploadCheckTests(ShouhuApp app) : IClassFixture<ShouhuApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Every kind of file the reader refuses by content, named.</summary>
    public static TheoryData<string> BadKinds => ["exe", "xls", "encrypted", "corrupt-zip", "zip-bomb", "docx", "plain-zip", "binary"];

    private static byte[] Bad(string kind) => kind switch
    {
        "exe" => [.. "MZ"u8, .. new byte[200]],
        "xls" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[500]],
        "encrypted" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, .. new byte[64], .. Encoding.Unicode.GetBytes("EncryptedPackage"), .. new byte[64]],
        "corrupt-zip" => [.. "PK\u0003\u0004"u8, .. Encoding.ASCII.GetBytes(new string('x', 300))],
        "zip-bomb" => Zip(("xl/worksheets/sheet1.xml", new byte[4 << 20]), ("[Content_Types].xml", "spreadsheetml.sheet.main+xml"u8.ToArray())),
        "docx" => Zip(("[Content_Types].xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"u8.ToArray())),
        "plain-zip" => Zip(("readme.txt", "你好"u8.ToArray())),
        "binary" => [.. "%PDF-1.4"u8, .. Enumerable.Range(0, 400).Select(i => (byte)(i % 7))],
        _ => throw new ArgumentException(kind),
    };

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                s.Write(content);
            }
        }

        return buffer.ToArray();
    }

    private static byte[] Template()
    {
        using var ms = new MemoryStream();
        SurveyTemplate.Write(ms, new DateOnly(2026, 6, 30));
        return ms.ToArray();
    }

    private async Task<(int Jobs, int Files)> KeptAsync()
    {
        await using var db = app.SystemDb();
        var folder = Path.Combine(app.DataDir, "imports");
        return (await db.ImportJobs.CountAsync(Ct), Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0);
    }

    [Theory]
    [MemberData(nameof(BadKinds))]
    public async Task Upload_NotASpreadsheetByContent_Returns400OnFileWithTheReadersReason_AndRecordsNothing(string kind)
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var content = Bad(kind);
        Assert.Null(SurveyFile.Check(content, null, out var expected));
        var before = await KeptAsync();

        // The name says .xlsx (or .csv): only the content counts.
        using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", kind == "binary" ? "摸底表.csv" : "摸底表.xlsx" } };
        var response = await officer.PostAsync("/api/v1/imports", form, Ct);

        Assert.Equal(expected, await ErrorOf(response, "file"));
        Assert.Equal(before, await KeptAsync());
    }

    [Fact]
    public async Task Upload_Empty_Returns400OnFile_AndRecordsNothing()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        var before = await KeptAsync();
        using var form = new MultipartFormDataContent { { new ByteArrayContent([]), "file", "摸底表.xlsx" } };
        Assert.Equal("文件是空的", await ErrorOf(await officer.PostAsync("/api/v1/imports", form, Ct), "file"));
        Assert.Equal(before, await KeptAsync());
    }

    [Fact]
    public async Task Upload_ACsvAndAnXlsx_AreAccepted()
    {
        using var officer = await app.UserAsync("CivilAffairsOfficer", "430702");
        using var csv = new MultipartFormDataContent { { new ByteArrayContent("姓名,性别,现居住地\n张三,男,马家吉社区\n"u8.ToArray()), "file", "摸底表.csv" } };
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsync("/api/v1/imports", csv, Ct)).StatusCode);
        using var xlsx = new MultipartFormDataContent { { new ByteArrayContent(Template()), "file", "模板.xlsx" } };
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsync("/api/v1/imports", xlsx, Ct)).StatusCode);
    }
}
