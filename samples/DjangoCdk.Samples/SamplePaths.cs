namespace DjangoCdk.Samples;

/// <summary>
/// The one place that finds the DjangoCdk repository on disk: the samples use it for their Docker build context and
/// their built SPA, the tests (which reference this project) for the same folders and their snapshots.
/// </summary>
public static class SamplePaths
{
    /// <summary>The file that marks the repository's root folder.</summary>
    public const string RepositoryMarker = "DjangoCdk.slnx";

    /// <summary>
    /// The repository's root folder: the nearest folder holding <see cref="RepositoryMarker"/>, searched upwards from the
    /// current directory and then from the running assembly's folder (so <c>dotnet run</c>, the AWS CDK CLI and
    /// <c>dotnet test</c> find it wherever they start).
    /// </summary>
    public static string RepositoryRoot => repositoryRoot.Value;

    private static readonly Lazy<string> repositoryRoot = new(FindRepositoryRoot);

    /// <summary>A path below the repository's root, e.g. <c>InRepository("samples", "backend")</c>.</summary>
    public static string InRepository(params string[] relative) => Path.Combine([RepositoryRoot, .. relative]);

    /// <summary>The folder of the sample Django project (samples/backend), the Docker build context of the samples.</summary>
    public static string FindBackend() => Existing(InRepository("samples", "backend"), "Dockerfile");

    /// <summary>The built single-page app the frontend samples deploy (samples/frontend/dist).</summary>
    public static string FindDist() => Existing(InRepository("samples", "frontend", "dist"), "index.html");

    private static string FindRepositoryRoot()
    {
        var starts = new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory };
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, RepositoryMarker))) return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"{RepositoryMarker} was not found above {string.Join(" or ", starts.Distinct())}; run the samples and tests from inside the DjangoCdk repository.");
    }

    private static string Existing(string folder, string expectedFile)
    {
        if (File.Exists(Path.Combine(folder, expectedFile))) return folder;
        throw new DirectoryNotFoundException($"{Path.Combine(folder, expectedFile)} is missing; the DjangoCdk repository at {RepositoryRoot} looks incomplete.");
    }
}
