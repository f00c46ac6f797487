using Shouhu.Web.Shared;

namespace Shouhu.Web.Features.Exports;

/// <summary>
/// Where background exports are kept until fetched or expired: <c>SHOUHU_DATA_DIR/exports/{id}.xlsx</c>, mode 0600, written
/// under <c>{id}.xlsx.part</c> and renamed when complete, so a crash never leaves half a file under the real name.
/// </summary>
public sealed class ExportFiles(ShouhuOptions options)
{
    /// <summary>The folder of the kept files.</summary>
    public string Directory => Path.Combine(options.DataDirectory, "exports");

    /// <summary>The finished file of job <paramref name="id"/>.</summary>
    public string PathOf(Guid id) => Path.Combine(Directory, id.ToString("N") + ".xlsx");

    /// <summary>A new (or emptied) file <c>{id}.xlsx.part</c> to write job <paramref name="id"/> into.</summary>
    public FileStream CreatePart(Guid id)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var options = new FileStreamOptions
        {
            Mode = FileMode.Create,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
            BufferSize = 64 * 1024,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(PathOf(id) + ".part", options);
    }

    /// <summary>Renames the written part of job <paramref name="id"/> to its final name.</summary>
    public void Finish(Guid id) => File.Move(PathOf(id) + ".part", PathOf(id), overwrite: true);

    /// <summary>Opens the finished file of job <paramref name="id"/>, or null when it is gone.</summary>
    public FileStream? Open(Guid id) =>
        File.Exists(PathOf(id)) ? new FileStream(PathOf(id), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan) : null;

    /// <summary>Deletes the file of job <paramref name="id"/> and any part of it.</summary>
    public void Delete(Guid id)
    {
        File.Delete(PathOf(id));
        File.Delete(PathOf(id) + ".part");
    }
}
