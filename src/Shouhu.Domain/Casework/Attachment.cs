using System.IO.Compression;
using System.Text;

namespace Shouhu.Domain.Casework;

/// <summary>What kind of file an attachment is, as read from its content.</summary>
public enum AttachmentKind
{
    /// <summary>图片 JPEG, PNG, GIF, WebP, HEIC.</summary>
    Image = 1,
    /// <summary>PDF.</summary>
    Pdf = 2,
    /// <summary>Office document: Word/Excel/PowerPoint (OOXML or legacy OLE, incl. WPS), OpenDocument.</summary>
    OfficeDocument = 3,
    /// <summary>录音 MP3, WAV, AAC, M4A, AMR, OGG, FLAC.</summary>
    Audio = 4,
}

/// <summary>A file attached to a report, a case or a referral's feedback (photos, statements, recordings, 告诫书); stored under the data folder, never in the database.</summary>
public class Attachment : IAudited
{
    /// <summary>Identifier; also the stored file's name.</summary>
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The report it came with, if any.</summary>
    public Guid? ReportId { get; set; }

    /// <summary>The case it belongs to, if any.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>
    /// The referral whose receiver attached it (a 告诫书, a medical report, the receiver's written feedback), if any; such a
    /// file also belongs to the referral's case (<see cref="CaseId"/>), so the case staff read it in the case file, while
    /// the receiver reads only the files of its own referral.
    /// </summary>
    public Guid? ReferralId { get; set; }

    /// <summary>Region of the report or case.</summary>
    public required string RegionCode { get; set; }

    /// <summary>File name as uploaded (shown, never used as a path), at most 200 characters.</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>Kind found in the content.</summary>
    public AttachmentKind Kind { get; set; }

    /// <summary>MIME type found in the content (not the one the browser claimed).</summary>
    public string ContentType { get; set; } = string.Empty;

    /// <summary>Size in bytes (1 … <see cref="AttachmentRules.MaxBytes"/>).</summary>
    public long SizeBytes { get; set; }

    /// <summary>SHA-256 of the content, lower-case hex.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>Who uploaded it, and when (UTC).</summary>
    public string UploadedBy { get; set; } = string.Empty;

    /// <inheritdoc cref="UploadedBy"/>
    public string UploadedByName { get; set; } = string.Empty;

    /// <inheritdoc cref="UploadedBy"/>
    public DateTime UploadedAt { get; set; }
}

/// <summary>
/// Which files may be attached (issue #4): images, PDF, office documents and audio, at most 20 MB, recognised by their
/// content (magic numbers; for ZIP-based office files, the package's parts), never by name or claimed type.
/// </summary>
public static class AttachmentRules
{
    /// <summary>Largest attachment: 20 MB (20 × 1024 × 1024 bytes).</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    /// <summary>Message for a file that is too large.</summary>
    public const string TooLarge = "文件超过 20 MB";

    /// <summary>Message for a file whose name does not end in an extension of an allowed kind (programs, scripts, web pages, macro documents).</summary>
    public const string DangerousName = "文件扩展名须为图片、PDF、Office 文档或录音（如 .jpg .pdf .docx .xlsx .mp3）";

    /// <summary>
    /// The extensions a file name may end with (after trailing dots and spaces, which Windows drops, are removed): images,
    /// PDF, Office and WPS documents without macros, OpenDocument, audio. Anything else — programs, scripts, web pages,
    /// .docm — is refused whatever its content.
    /// </summary>
    public static readonly IReadOnlySet<string> AllowedExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif",
        ".pdf",
        ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".wps", ".et", ".dps", ".odt", ".ods", ".odp",
        ".mp3", ".wav", ".m4a", ".aac", ".amr", ".ogg", ".oga", ".flac",
    };

    /// <summary>True when <paramref name="fileName"/> ends in an allowed extension, trailing dots and spaces ignored.</summary>
    public static bool HasAllowedExtension(string fileName) =>
        AllowedExtensions.Contains(Path.GetExtension(fileName.TrimEnd('.', ' ')));

    /// <summary>Message for a file of another type.</summary>
    public const string WrongType = "只能上传图片、PDF、Office 文档或录音文件（按文件内容识别）";

    /// <summary>
    /// The kind and MIME type of <paramref name="content"/> (a seekable stream, read from its start and left there), or
    /// null when it is none of the allowed kinds.
    /// </summary>
    public static (AttachmentKind Kind, string ContentType)? Detect(Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var head = new byte[64];
        content.Position = 0;
        var n = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var h = head.AsSpan(0, n);

        if (h.StartsWith((byte[])[0xFF, 0xD8, 0xFF])) return (AttachmentKind.Image, "image/jpeg");
        if (h.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return (AttachmentKind.Image, "image/png");
        if (Ascii(h, 0, "GIF87a") || Ascii(h, 0, "GIF89a")) return (AttachmentKind.Image, "image/gif");
        if (Ascii(h, 0, "RIFF") && Ascii(h, 8, "WEBP")) return (AttachmentKind.Image, "image/webp");
        if (Ascii(h, 0, "RIFF") && Ascii(h, 8, "WAVE")) return (AttachmentKind.Audio, "audio/wav");
        if (Ascii(h, 4, "ftyp"))
        {
            var brand = n >= 12 ? Encoding.ASCII.GetString(h[8..12]) : string.Empty;
            return brand switch
            {
                "heic" or "heix" or "heif" or "mif1" or "msf1" or "hevc" => (AttachmentKind.Image, "image/heic"),
                "M4A " or "M4B " => (AttachmentKind.Audio, "audio/mp4"),
                _ => null,
            };
        }

        if (Ascii(h, 0, "%PDF-")) return (AttachmentKind.Pdf, "application/pdf");
        if (h.StartsWith((byte[])[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return (AttachmentKind.OfficeDocument, "application/x-ole-storage");
        if (h.StartsWith((byte[])[0x50, 0x4B, 0x03, 0x04])) return OfficePackage(content);
        if (Ascii(h, 0, "ID3")) return (AttachmentKind.Audio, "audio/mpeg");
        if (Ascii(h, 0, "OggS")) return (AttachmentKind.Audio, "audio/ogg");
        if (Ascii(h, 0, "fLaC")) return (AttachmentKind.Audio, "audio/flac");
        if (Ascii(h, 0, "#!AMR")) return (AttachmentKind.Audio, "audio/amr");
        // MPEG audio / ADTS AAC frame: 11 sync bits, a valid layer, and a bitrate index that is not "bad".
        if (n >= 3 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0 && (h[1] & 0x06) != 0 && (h[2] & 0xF0) != 0xF0) return (AttachmentKind.Audio, "audio/mpeg");
        if (n >= 2 && h[0] == 0xFF && (h[1] & 0xF6) == 0xF0) return (AttachmentKind.Audio, "audio/aac");
        return null;
    }

    private static bool Ascii(ReadOnlySpan<byte> h, int at, string text) =>
        h.Length >= at + text.Length && h.Slice(at, text.Length).SequenceEqual(Encoding.ASCII.GetBytes(text));

    // A ZIP is an office file only when its parts say so: OOXML has [Content_Types].xml and a word/, xl/ or ppt/ part;
    // OpenDocument has a "mimetype" entry naming an OpenDocument type. Any other ZIP (or a broken one) is refused.
    private static (AttachmentKind, string)? OfficePackage(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Contains("word/document.xml")) return (AttachmentKind.OfficeDocument, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                if (names.Contains("xl/workbook.xml")) return (AttachmentKind.OfficeDocument, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                if (names.Contains("ppt/presentation.xml")) return (AttachmentKind.OfficeDocument, "application/vnd.openxmlformats-officedocument.presentationml.presentation");
            }

            if (zip.GetEntry("mimetype") is { Length: < 200 } mime)
            {
                using var reader = new StreamReader(mime.Open(), Encoding.ASCII);
                var type = reader.ReadToEnd().Trim();
                if (type.StartsWith("application/vnd.oasis.opendocument.", StringComparison.Ordinal)) return (AttachmentKind.OfficeDocument, type);
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }
}
