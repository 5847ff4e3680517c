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

    /// <summary>
    /// <paramref name="target"/> checked against the Dockerfile's named stages (<c>FROM image AS name</c>); null when no
    /// target is given (the last stage is built).
    /// </summary>
    public string? Target(string path, string? target, string targetProp)
    {
        if (target is null) return null;
        var stages = File.ReadLines(Path.Combine(Directory, Dockerfile))
            .Select(line => System.Text.RegularExpressions.Regex.Match(line, @"^\s*FROM\s+.+\s+AS\s+([A-Za-z0-9_.-]+)\s*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToList();
        if (!stages.Contains(target, StringComparer.OrdinalIgnoreCase))
            throw Errors.Invalid(path, targetProp, target, stages.Count == 0
                ? $"{Dockerfile} has no named stage (FROM image AS name). Remove {targetProp} to build the whole file."
                : $"{Dockerfile} names the stages {string.Join(", ", stages)}.");
        return target;
    }
}
