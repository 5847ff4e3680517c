namespace DjangoCdk.Cli.Tests;

/// <summary>A temporary project folder with a django-cdk.yaml, run through django-cdk in-process.</summary>
internal sealed class ConfigProject : IDisposable
{
    private readonly TempDirectory _dir = new();

    public ConfigProject(string yaml)
    {
        ConfigFile = _dir.Write("django-cdk.yaml", yaml.Replace("{backend}", Repository.Backend.Replace("\\", "/")));
        Cli = new CliRun(_dir.Path);
    }

    /// <summary>A minimal valid config for target ecs, with <paramref name="sectionLines"/> added under ecs: (each indented by two spaces).</summary>
    public static ConfigProject Ecs(params string[] sectionLines) => new(
        "name: blog\ntarget: ecs\nregion: us-east-1\necs:\n  image_directory: {backend}\n" + string.Concat(sectionLines.Select(l => "  " + l + "\n")));

    public string Path => _dir.Path;

    public string ConfigFile { get; }

    public CliRun Cli { get; }

    public string Write(string relativePath, string text) => _dir.Write(relativePath, text);

    public CliResult Run(params string[] args) => Cli.Run(args);

    public void Dispose() => _dir.Dispose();
}
