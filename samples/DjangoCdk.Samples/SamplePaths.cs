namespace DjangoCdk.Samples;

/// <summary>Finds the sample Django project whatever folder the samples are run from.</summary>
public static class SamplePaths
{
    /// <summary>The folder of the sample Django project (samples/backend), searched upwards from the current directory.</summary>
    public static string FindBackend()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "backend");
            if (File.Exists(Path.Combine(candidate, "Dockerfile"))) return candidate;
        }

        throw new DirectoryNotFoundException($"samples/backend/Dockerfile was not found above {Directory.GetCurrentDirectory()}; run the samples from inside the DjangoCdk repository.");
    }
}
