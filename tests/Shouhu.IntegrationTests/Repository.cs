namespace Shouhu.IntegrationTests;

/// <summary>The checkout the tests run from, for tests that read the source (layout, audit names, page markup).</summary>
public static class Repository
{
    /// <summary>The folder holding <c>Shouhu.slnx</c>, found above the test binaries.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Shouhu.slnx")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("Shouhu.slnx not found above the test binaries");
    }
}
