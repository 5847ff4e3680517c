namespace DjangoCdk.Cli.Tests;

/// <summary>Paths in this repository, found from the test assembly's folder.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The sample Django project (has a Dockerfile): a valid image_directory.</summary>
    public static string Backend => Path.Combine(Root, "samples", "backend");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DjangoCdk.slnx"))) return dir.FullName;
        }

        throw new InvalidOperationException("DjangoCdk.slnx not found above " + AppContext.BaseDirectory);
    }
}
