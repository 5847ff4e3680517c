namespace DjangoCdk;

/// <summary>A Docker build context a construct builds an image from: the folder (absolute) and its Dockerfile.</summary>
internal sealed record DockerBuildContext(string Directory, string Dockerfile)
{
    /// <summary>
    /// The build context given by <paramref name="directory"/> and <paramref name="dockerfile"/>, checked on disk; null
    /// when no directory is given. The props' names are <paramref name="directoryProp"/> and <paramref name="dockerfileProp"/>.
    /// </summary>
    public static DockerBuildContext? Resolve(string path, string? directory, string? dockerfile, string directoryProp, string dockerfileProp)
    {
        if (directory is null) return null;
        if (string.IsNullOrWhiteSpace(directory))
            throw Errors.Missing(path, directoryProp, "Pass a Docker build context, e.g. \"./backend\".");
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
            throw Errors.NotFound(path, directoryProp, directory, $"the directory {full}");
        var file = dockerfile ?? Defaults.Dockerfile;
        if (!File.Exists(Path.Combine(full, file)))
            throw Errors.NotFound(path, dockerfileProp, file, $"the file {Path.Combine(full, file)} ({dockerfileProp} is relative to {directoryProp})");
        return new DockerBuildContext(full, file);
    }
}
