using Xunit;

namespace Shouhu.UnitTests.Support;

/// <summary>
/// The project's own documents stay documents: a scripted edit once replaced the empty string in docs/performance.md and
/// inserted a paragraph between every character (7.5 MB). Any Markdown file of the repository over 256 KB fails here.
/// </summary>
public sealed class RepositoryDocsTests
{
    [Fact]
    public void MarkdownFiles_AreOfReadableSize()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Shouhu.slnx")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        var docs = Directory.EnumerateFiles(root.FullName, "*.md", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}artifacts{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(docs, p => p.EndsWith("performance.md", StringComparison.Ordinal));
        Assert.All(docs, p => Assert.True(new FileInfo(p).Length < 256 * 1024, $"{p} is {new FileInfo(p).Length:N0} bytes"));
    }
}
