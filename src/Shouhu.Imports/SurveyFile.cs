using System.IO.Compression;
using System.Text;

namespace Shouhu.Imports;

/// <summary>What an uploaded file is, judged by its content, never by its name.</summary>
public enum SurveyFileKind
{
    /// <summary>An Office Open XML workbook (.xlsx): a zip whose <c>[Content_Types].xml</c> names a spreadsheet.</summary>
    Xlsx = 1,
    /// <summary>Comma-separated text in UTF-8 (with or without BOM) or GBK/GB18030.</summary>
    Csv = 2,
}

/// <summary>
/// The content check of an upload (issue #12 "Bad input"): xlsx or CSV, or a Chinese refusal saying what the file is
/// instead — an executable (MZ), an old binary .xls or an encrypted workbook (both OLE compound files, D0 CF 11 E0), a
/// zip that is corrupt, not a workbook or a zip bomb (limits of <see cref="ImportLimits"/> read from the zip directory
/// before inflating), an empty or oversized upload, binary content.
/// </summary>
public static class SurveyFile
{
    /// <summary>The refusal for anything that is neither.</summary>
    public const string NotSpreadsheet = "文件不是 Excel（.xlsx）或 CSV 文件";

    private static readonly byte[] OleHeader = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The kind of <paramref name="content"/>, or null with the Chinese reason in <paramref name="refusal"/>.</summary>
    /// <param name="content">The whole upload.</param>
    /// <param name="limits">The limits; <see cref="ImportLimits.Default"/> when null.</param>
    /// <param name="refusal">Why the file is refused.</param>
    public static SurveyFileKind? Check(ReadOnlySpan<byte> content, ImportLimits? limits, out string? refusal)
    {
        limits ??= ImportLimits.Default;
        refusal = null;
        if (content.Length == 0)
        {
            refusal = "文件是空的";
            return null;
        }

        if (content.Length > limits.MaxUploadBytes)
        {
            refusal = $"文件超过 {limits.MaxUploadBytes / 1000 / 1000} MB，请分成几个文件上传";
            return null;
        }

        if (content.StartsWith(OleHeader))
        {
            // An encrypted .xlsx is wrapped in an OLE compound file with these two streams (MS-OFFCRYPTO 2.3.4).
            refusal = content.IndexOf(Encoding.Unicode.GetBytes("EncryptedPackage")) >= 0
                ? "工作簿已加密（设置了打开密码），请在 Excel 中取消密码并另存为 .xlsx 后上传"
                : "这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 后上传";
            return null;
        }

        if (content.StartsWith("MZ"u8))
        {
            refusal = NotSpreadsheet + "（这是一个可执行程序）";
            return null;
        }

        if (content.StartsWith("PK"u8))
        {
            refusal = CheckZip(content, limits);
            return refusal is null ? SurveyFileKind.Xlsx : null;
        }

        if (LooksBinary(content))
        {
            refusal = NotSpreadsheet;
            return null;
        }

        return SurveyFileKind.Csv;
    }

    // The zip's central directory declares every entry's sizes: a bomb is refused before a byte is inflated. The reader
    // inflates through System.IO.Packaging, whose zip streams end at the declared uncompressed size, so a directory that
    // lies cannot make it inflate more than was checked here.
    private static string? CheckZip(ReadOnlySpan<byte> content, ImportLimits limits)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            long total = 0;
            long compressed = 0;
            var types = false;
            foreach (var e in zip.Entries)
            {
                if (e.Length > limits.MaxEntryBytes)
                {
                    return $"文件中的“{e.FullName}”解压后超过 {limits.MaxEntryBytes >> 20} MB，疑似压缩炸弹，已拒绝";
                }

                if (e.Length > 1 << 20 && e.Length / Math.Max(1, e.CompressedLength) > limits.MaxExpansionRatio)
                {
                    return $"文件中的“{e.FullName}”压缩比超过 {limits.MaxExpansionRatio} 倍，疑似压缩炸弹，已拒绝";
                }

                total += e.Length;
                compressed += e.CompressedLength;
                if (total > limits.MaxUncompressedBytes)
                {
                    return $"文件解压后超过 {limits.MaxUncompressedBytes >> 20} MB，疑似压缩炸弹，已拒绝";
                }

                types |= e.FullName == "[Content_Types].xml";
            }

            if (total > 1 << 20 && total / Math.Max(1, compressed) > limits.MaxExpansionRatio)
            {
                return $"文件压缩比超过 {limits.MaxExpansionRatio} 倍，疑似压缩炸弹，已拒绝";
            }

            if (!types)
            {
                return NotSpreadsheet + "（这是一个 zip 压缩包）";
            }

            using var reader = new StreamReader(zip.GetEntry("[Content_Types].xml")!.Open(), Encoding.UTF8);
            var text = reader.ReadToEnd();
            if (text.Contains("spreadsheetml.sheet.main+xml", StringComparison.Ordinal) || text.Contains("ms-excel.sheet.macroEnabled.main+xml", StringComparison.Ordinal))
            {
                return null;
            }

            return text.Contains("wordprocessingml", StringComparison.Ordinal) || text.Contains("presentationml", StringComparison.Ordinal)
                ? NotSpreadsheet + "（这是 Word 或 PowerPoint 文档）"
                : NotSpreadsheet + "（这是一个 zip 压缩包）";
        }
        catch (InvalidDataException)
        {
            return "Excel 文件已损坏，无法打开：请在 Excel 中打开并重新保存后上传";
        }
    }

    // Text has no NUL and few control characters; binary formats (PDF, images, archives) have many in their first bytes.
    private static bool LooksBinary(ReadOnlySpan<byte> content)
    {
        var head = content[..Math.Min(content.Length, 8192)];
        if (head.IndexOf((byte)0) >= 0)
        {
            return true;
        }

        var control = 0;
        foreach (var b in head)
        {
            control += b < 0x20 && b is not ((byte)'\r' or (byte)'\n' or (byte)'\t') ? 1 : 0;
        }

        return control > head.Length / 100;
    }
}
