using System.IO.Compression;
using System.Text;
using Shouhu.Imports;
using Shouhu.TestData;
using Xunit;

namespace Shouhu.UnitTests.Imports;

/// <summary>An upload is judged by its content (issue #12 "Bad input"); every refusal is a Chinese sentence saying what the file is.</summary>
public class SurveyFileTests
{
    private static readonly byte[] Workbook = new XlsxBuilder().Sheet("儿童", [SheetRowSpec.Of("姓名", "性别", "身份证号"), SheetRowSpec.Of("张三", "男", null)]).Build();

    private static string? Refusal(byte[] content, ImportLimits? limits = null)
    {
        using var reading = SurveyReading.Open(content, limits, out var refusal);
        return reading is null ? refusal : null;
    }

    [Fact]
    public void Check_Workbook_IsXlsxWhateverItsName()
    {
        Assert.Equal(SurveyFileKind.Xlsx, SurveyFile.Check(Workbook, null, out var refusal));
        Assert.Null(refusal);
    }

    [Fact]
    public void Check_RenamedExecutable_IsRefusedAsAProgram()
    {
        var exe = new byte[4096];
        "MZ"u8.CopyTo(exe);
        exe[60] = 0x80;
        Assert.Null(SurveyFile.Check(exe, null, out var refusal));
        Assert.Equal("文件不是 Excel（.xlsx）或 CSV 文件（这是一个可执行程序）", refusal);
    }

    [Fact]
    public void Check_OldBinaryXls_AsksToSaveAsXlsx()
    {
        var xls = Ole("Workbook");
        Assert.Null(SurveyFile.Check(xls, null, out var refusal));
        Assert.Contains("旧版 Excel（.xls）", refusal, StringComparison.Ordinal);
        Assert.Contains("另存为” .xlsx", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EncryptedWorkbook_SaysItIsEncrypted()
    {
        var encrypted = Ole("EncryptionInfo", "EncryptedPackage");
        Assert.Null(SurveyFile.Check(encrypted, null, out var refusal));
        Assert.StartsWith("工作簿已加密", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CorruptZip_SaysTheWorkbookIsDamaged()
    {
        var corrupt = Workbook[..(Workbook.Length / 2)];
        Assert.Null(SurveyFile.Check(corrupt, null, out var refusal));
        Assert.StartsWith("Excel 文件已损坏", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ZipWithContentTypesButNoWorkbookPart_IsRefusedNot500()
    {
        var fake = Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes("<Types><Override ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>")));
        Assert.StartsWith("Excel 文件已损坏", Refusal(fake), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wordprocessingml", "Word 或 PowerPoint")]
    [InlineData("nothing", "zip 压缩包")]
    public void Check_ZipThatIsNoWorkbook_SaysWhatItIs(string type, string said)
    {
        var zip = Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes($"<Types><Override ContentType=\"application/vnd.{type}.document.main+xml\"/></Types>")));
        Assert.Null(SurveyFile.Check(zip, null, out var refusal));
        Assert.Contains(said, refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PlainZip_IsAnArchive()
    {
        Assert.Null(SurveyFile.Check(Zip(("a.txt", [1, 2, 3])), null, out var refusal));
        Assert.Contains("zip 压缩包", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ZipBombEntry_IsRefusedFromTheDirectoryBeforeInflating()
    {
        // 200 MiB of zeros deflate to ~200 KB: a ratio near 1000.
        var bomb = Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes("spreadsheetml.sheet.main+xml")), ("xl/worksheets/sheet1.xml", new byte[200 << 20]));
        Assert.True(bomb.Length < 1 << 20);
        Assert.Null(SurveyFile.Check(bomb, null, out var refusal));
        Assert.Contains("压缩比超过 200 倍，疑似压缩炸弹", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_EntryLargerThanTheLimit_IsRefused()
    {
        var big = Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes("spreadsheetml.sheet.main+xml")), ("xl/worksheets/sheet1.xml", new byte[3 << 20]));
        Assert.Null(SurveyFile.Check(big, new ImportLimits(MaxEntryBytes: 2 << 20), out var refusal));
        Assert.Contains("解压后超过 2 MB，疑似压缩炸弹", refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_TotalLargerThanTheLimit_IsRefused()
    {
        var random = new Random(1);
        byte[] Noise()
        {
            var b = new byte[2 << 20];
            random.NextBytes(b);
            return b;
        }

        var many = Zip(("[Content_Types].xml", Encoding.UTF8.GetBytes("spreadsheetml.sheet.main+xml")), ("a", Noise()), ("b", Noise()), ("c", Noise()));
        Assert.Null(SurveyFile.Check(many, new ImportLimits(MaxUncompressedBytes: 5 << 20), out var refusal));
        Assert.Equal("文件解压后超过 5 MB，疑似压缩炸弹，已拒绝", refusal);
    }

    [Fact]
    public void Check_UploadOver50MB_IsRefused()
    {
        var big = new byte[50_000_001];
        Assert.Null(SurveyFile.Check(big, null, out var refusal));
        Assert.Equal("文件超过 50 MB，请分成几个文件上传", refusal);
    }

    [Fact]
    public void Check_EmptyUpload_IsRefused()
    {
        Assert.Null(SurveyFile.Check([], null, out var refusal));
        Assert.Equal("文件是空的", refusal);
    }

    [Theory]
    [InlineData("%PDF-1.7\n\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000e\u000f\u0010\u0011")]
    [InlineData("\u0089PNG\r\n\u001a\n\0\0\0\rIHDR")]
    public void Check_BinaryFile_IsNoSpreadsheet(string head)
    {
        var bytes = Encoding.Latin1.GetBytes(head + new string('\u0001', 200));
        Assert.Null(SurveyFile.Check(bytes, null, out var refusal));
        Assert.Equal(SurveyFile.NotSpreadsheet, refusal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Csv_Utf8WithOrWithoutBom_ReadsChinese(bool bom)
    {
        var text = "姓名,性别,身份证号,民族\r\n张𠮷,男,,汉族\r\n";
        var bytes = (bom ? new byte[] { 0xEF, 0xBB, 0xBF } : []).Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        using var source = SurveySources.Open(bytes, null, out _)!;
        var rows = source.Rows(source.Sheets[0]).ToList();
        Assert.Equal("姓名", rows[0][0]!.Value.Text);
        Assert.Equal("张𠮷", rows[1][0]!.Value.Text);
    }

    [Fact]
    public void Csv_InGbk_IsDetectedAndDecoded()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gbk = Encoding.GetEncoding("GBK").GetBytes("姓名,性别,现居住地\r\n王小明,男,甲镇甲1村\r\n");
        Assert.Equal(SurveyFileKind.Csv, SurveyFile.Check(gbk, null, out _));
        using var source = (CsvSource)SurveySources.Open(gbk, null, out _)!;
        Assert.Equal("GB18030", source.Encoding.WebName, ignoreCase: true);
        var rows = source.Rows(source.Sheets[0]).ToList();
        Assert.Equal(["姓名", "性别", "现居住地"], rows[0].Cells.Select(c => c!.Value.Text));
        Assert.Equal("甲镇甲1村", rows[1][2]!.Value.Text);
    }

    [Fact]
    public void Csv_QuotedFieldsWithCommasQuotesAndLineBreaks_AreOneField()
    {
        var bytes = Encoding.UTF8.GetBytes("姓名,详细地址\n\"李四\",\"3组,12号 \"\"老屋\"\"\n东头\"\n");
        using var source = SurveySources.Open(bytes, null, out _)!;
        var rows = source.Rows(source.Sheets[0]).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("3组,12号 \"老屋\"\n东头", rows[1][1]!.Value.Text);
    }

    [Fact]
    public void Csv_With1048577Rows_IsRefusedWithTheLimit()
    {
        var sb = new StringBuilder("姓名,性别,身份证号\n", 16 << 20);
        for (var i = 1; i < 1_048_577; i++)
        {
            sb.Append("张三,男,\n");
        }

        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        using var reading = SurveyReading.Open(bytes, null, out _)!;
        var e = Assert.Throws<SurveyFileException>(() => reading.Rows(new(new DateOnly(2026, 6, 30), new VillageDirectory([], "43"))).Count());
        Assert.Equal("文件超过 1,048,576 行（Excel 一个工作表的上限），请分成几个文件上传", e.Message);
    }

    [Fact]
    public void Csv_WithExactly1048576Rows_IsRead()
    {
        var sb = new StringBuilder("姓名,性别,身份证号\n", 16 << 20);
        for (var i = 1; i < 1_048_576; i++)
        {
            sb.Append(",,\n");
        }

        using var source = SurveySources.Open(Encoding.UTF8.GetBytes(sb.ToString()), null, out _)!;
        Assert.Equal(1_048_576, source.Rows(source.Sheets[0]).Count());
    }

    [Fact]
    public void Open_EmptySheet_SaysItIsEmpty()
    {
        var empty = new XlsxBuilder().Sheet("儿童", []).Build();
        Assert.Equal("工作表“儿童”是空的", Refusal(empty));
    }

    [Fact]
    public void Open_SheetWithoutAHeaderRow_SaysNoHeaderWasFound()
    {
        var noHeader = new XlsxBuilder().Sheet("儿童", [SheetRowSpec.Of("甲", "乙"), SheetRowSpec.Of("1", "2")]).Build();
        Assert.StartsWith("工作表“儿童”的前 20 行中没有找到表头", Refusal(noHeader), StringComparison.Ordinal);
    }

    [Fact]
    public void Open_OnlyHiddenSheets_SaysNothingCanBeRead()
    {
        var hidden = new XlsxBuilder().Sheet("儿童", [SheetRowSpec.Of("姓名", "性别", "身份证号")], hidden: true).Build();
        Assert.Equal("文件中没有可读取的工作表（隐藏的工作表不读取）", Refusal(hidden));
    }

    private static byte[] Ole(params string[] streams)
    {
        var bytes = new byte[4096];
        byte[] header = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        header.CopyTo(bytes, 0);
        var at = 1024;
        foreach (var s in streams)
        {
            var name = Encoding.Unicode.GetBytes(s);
            name.CopyTo(bytes, at);
            at += 128;
        }

        return bytes;
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                s.Write(content);
            }
        }

        return ms.ToArray();
    }
}
