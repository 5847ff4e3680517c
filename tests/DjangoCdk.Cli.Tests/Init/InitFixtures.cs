using YamlDotNet.RepresentationModel;

namespace DjangoCdk.Cli.Tests.Init;

/// <summary>
/// The sample Django projects init is tested on: "ours" is samples/backend, "environ" and "plain" live in
/// Init/Projects. They are read where they are in the source tree (found from the test assembly by walking up to
/// DjangoCdk.slnx); tests that write copy them to a temp folder first.
/// </summary>
internal static class InitFixtures
{
    public static string RepositoryRoot => Repository.Root;

    public static string Ours => Path.Combine(RepositoryRoot, "samples", "backend");

    public static string Environ => Path.Combine(RepositoryRoot, "tests", "DjangoCdk.Cli.Tests", "Init", "Projects", "environ");

    public static string Plain => Path.Combine(RepositoryRoot, "tests", "DjangoCdk.Cli.Tests", "Init", "Projects", "plain");

    public static string Project(string name) => name switch
    {
        "ours" => Ours,
        "environ" => Environ,
        "plain" => Plain,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "ours, environ or plain"),
    };

    /// <summary>Copies a fixture project into <paramref name="target"/> (a temp folder) and returns its path.</summary>
    public static string CopyTo(string name, string target)
    {
        var source = Project(name);
        var destination = Path.Combine(target, name);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "__pycache__" or "node_modules" or "django-cdk.yaml")) continue;
            var copy = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return destination;
    }

    /// <summary>The YAML text's root mapping.</summary>
    public static YamlMappingNode ParseYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    /// <summary>The node at a dotted path ("ecs.celery_workers"), or null.</summary>
    public static YamlNode? At(this YamlMappingNode root, string path)
    {
        YamlNode? node = root;
        foreach (var key in path.Split('.'))
        {
            if (node is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode(key), out node)) return null;
        }

        return node;
    }

    /// <summary>The scalar value at a dotted path, or null.</summary>
    public static string? Scalar(this YamlMappingNode root, string path) => (root.At(path) as YamlScalarNode)?.Value;
}
