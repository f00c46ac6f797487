using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Imports;

/// <summary>
/// Where an import's uploaded file is kept while the import lives: <c>SHOUHU_DATA_DIR/imports/{id}.upload</c>, written to a
/// temporary name and renamed when complete, so a crash never leaves half a file under the real name. The dry run reads
/// it (again after a restart), the validation report annotates it, and it is deleted once the import is committed.
/// </summary>
public sealed class ImportFiles(ShouhuOptions options)
{
    /// <summary>Largest survey file accepted, in bytes (50 MB; issue #12 "Bad input").</summary>
    public const long MaxBytes = 50L * 1024 * 1024;

    /// <summary>The message for a file over <see cref="MaxBytes"/>.</summary>
    public const string TooLarge = "文件超过 50 MB，请按乡镇分成几个文件分别导入";

    /// <summary>The folder of the kept files.</summary>
    public string Directory => Path.Combine(options.DataDirectory, "imports");

    /// <summary>The kept file of import <paramref name="id"/>.</summary>
    public string PathOf(Guid id) => Path.Combine(Directory, id.ToString("N") + ".upload");

    /// <summary>Copies <paramref name="content"/> to the kept file of <paramref name="id"/>; returns its SHA-256 (lower-case hex) and size.</summary>
    public async Task<(string Sha256, long Size)> KeepAsync(Guid id, Stream content, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var final = PathOf(id);
        var temporary = final + ".part";
        long size;
        string hash;
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        using (var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            await file.FlushAsync(ct);
            file.Flush(flushToDisk: true);
            size = file.Length;
            hash = Convert.ToHexStringLower(sha.GetHashAndReset());
        }

        File.Move(temporary, final, overwrite: true);
        return (hash, size);
    }

    /// <summary>Opens the kept file of <paramref name="id"/> for reading.</summary>
    /// <exception cref="FileNotFoundException">The file is gone (deleted after the commit, or the data folder was not restored with it).</exception>
    public Stream Open(Guid id) => new FileStream(PathOf(id), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>
    /// The whole of <paramref name="file"/> in one array (the reader works on bytes): read straight into an array of the
    /// file's length when the stream knows it, so a 50 MB upload is held once, not twice.
    /// </summary>
    public static async Task<byte[]> ReadAllAsync(Stream file, CancellationToken ct)
    {
        if (file.CanSeek)
        {
            var bytes = new byte[file.Length - file.Position];
            await file.ReadExactlyAsync(bytes, ct);
            return bytes;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>Deletes the kept file of <paramref name="id"/> (nothing when it is gone).</summary>
    public void Delete(Guid id) => File.Delete(PathOf(id));
}
