using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DjangoCdk.Cli;

/// <summary>
/// Reads django-cdk.yaml: YAML syntax, the top-level keys and their types, the target and its section. The values in
/// the section are the construct's props, bound and then validated by the construct itself (<see cref="PropsBinder"/>),
/// so nothing is checked twice.
/// </summary>
public static partial class ConfigLoader
{
    /// <summary>The top-level keys besides the target sections.</summary>
    public static readonly IReadOnlyList<string> TopLevelKeys = ["name", "target", "preset", "account", "region", "tags"];

    /// <summary>Loads <paramref name="path"/> (as the user gave it, relative to <paramref name="currentDirectory"/>).</summary>
    public static AppConfig Load(string path, string currentDirectory)
    {
        var fullPath = Path.GetFullPath(path, currentDirectory);
        if (!System.IO.File.Exists(fullPath))
            throw new CliException(System.IO.Directory.Exists(fullPath)
                ? $"{path} is a folder; pass the config file (django-cdk.yaml) with --config."
                : $"{path}: no such file. Run django-cdk init in your Django project to write one, or pass another with --config.");
        return Parse(System.IO.File.ReadAllText(fullPath), path, Path.GetDirectoryName(fullPath)!);
    }

    /// <summary>Parses config text; <paramref name="file"/> names it in messages, <paramref name="directory"/> anchors its relative paths.</summary>
    public static AppConfig Parse(string text, string file, string directory)
    {
        var root = ReadRoot(text, file);
        ConfigLocation At(YamlNode node) => new(file, node.Start.Line, node.Start.Column);

        var values = new Dictionary<string, (YamlNode Key, YamlNode Value)>(StringComparer.Ordinal);
        var sectionNames = DeployTargets.Names.ToList();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = keyNode is YamlScalarNode scalarKey ? scalarKey.Value ?? "" : throw ConfigErrors.WrongType(At(keyNode), "key", "a name", Describe(keyNode));
            if (!TopLevelKeys.Contains(key) && !sectionNames.Contains(key))
                throw ConfigErrors.UnknownKey(At(keyNode), key, "the top level", TopLevelKeys.Concat(sectionNames));
            values[key] = (keyNode, value);
        }

        var name = RequiredScalar(values, "name", file, root);
        if (!StackName().IsMatch(name.Value))
            throw ConfigErrors.At(At(name.Node), "name", $"'{name.Value}' is not a valid stack name: letters, digits and hyphens, starting with a letter, at most 128 characters (CloudFormation's rule).");
        var targetValue = RequiredScalar(values, "target", file, root);
        var target = DeployTargets.Find(targetValue.Value)
            ?? throw ConfigErrors.NotAllowed(At(targetValue.Node), "target", targetValue.Value, DeployTargets.Names);

        var preset = Preset.Starter;
        var presetLocation = At(targetValue.Node);
        if (values.TryGetValue("preset", out var presetNode))
        {
            var presetName = Scalar(presetNode.Value, "preset", file);
            preset = Enum.GetValues<Preset>().FirstOrDefault(p => p.ToString().ToLowerInvariant() == presetName, (Preset)(-1));
            if (!Enum.IsDefined(preset))
                throw ConfigErrors.NotAllowed(At(presetNode.Value), "preset", presetName, Enum.GetNames<Preset>().Select(n => n.ToLowerInvariant()));
            presetLocation = At(presetNode.Value);
        }

        var account = OptionalScalar(values, "account", file);
        if (account is not null && !AccountId().IsMatch(account))
            throw ConfigErrors.At(At(values["account"].Value), "account", $"'{account}' is not an AWS account ID: 12 digits (quote it, \"012345678901\", so YAML keeps leading zeros).");
        var region = OptionalScalar(values, "region", file);
        if (region is not null && !RegionName().IsMatch(region))
            throw ConfigErrors.At(At(values["region"].Value), "region", $"'{region}' is not an AWS region name, such as us-east-1 or eu-west-3.");
        var tags = values.TryGetValue("tags", out var tagsNode) ? StringMap(tagsNode.Value, "tags", file) : new Dictionary<string, string>();

        foreach (var other in sectionNames.Where(s => s != target.Name && values.ContainsKey(s)))
            throw ConfigErrors.At(At(values[other].Key), other, $"this section configures target '{other}', but target is '{target.Name}'. Rename the section to '{target.Name}:' or change target.");

        YamlMappingNode section;
        ConfigLocation sectionLocation;
        if (values.TryGetValue(target.Name, out var sectionNode))
        {
            section = sectionNode.Value as YamlMappingNode
                ?? throw ConfigErrors.WrongType(At(sectionNode.Value), target.Name, $"a mapping of {target.PropsType.Name} keys", Describe(sectionNode.Value));
            sectionLocation = At(sectionNode.Key);
        }
        else
        {
            section = [];
            sectionLocation = At(targetValue.Node);
        }

        var (merged, presetNodes) = Presets.Apply(target, preset, section);
        return new AppConfig(file, directory, name.Value, target, preset, account, region, tags, merged, sectionLocation, presetLocation, presetNodes, section);
    }

    /// <summary>How a node is shown in "expected X, got Y" messages.</summary>
    internal static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: null or "" or "~" or "null" } => "nothing (null)",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => node.NodeType.ToString(),
    };

    private static YamlMappingNode ReadRoot(string text, string file)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new CliException($"{file}:{e.Start.Line}:{e.Start.Column}: invalid YAML: {Regex.Replace(reason, @"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", "")}");
        }

        if (stream.Documents.Count == 0)
            throw new CliException($"{file}: the file is empty. It needs at least name: and target: (django-cdk init writes a complete one).");
        if (stream.Documents.Count > 1)
            throw new CliException($"{file}: holds {stream.Documents.Count} YAML documents (separated by ---); it must hold one.");
        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new CliException($"{file}:1:1: the file must be a mapping of keys (name:, target:, ...), not {Describe(stream.Documents[0].RootNode)}.");
    }

    private static (string Value, YamlNode Node) RequiredScalar(Dictionary<string, (YamlNode Key, YamlNode Value)> values, string key, string file, YamlNode root)
    {
        if (!values.TryGetValue(key, out var node))
            throw new CliException($"{file}:{root.Start.Line}:{root.Start.Column}: {key}: required but missing." + (key == "target" ? $" Allowed: {string.Join(", ", DeployTargets.Names)}." : ""));
        return (Scalar(node.Value, key, file), node.Value);
    }

    private static string? OptionalScalar(Dictionary<string, (YamlNode Key, YamlNode Value)> values, string key, string file) =>
        values.TryGetValue(key, out var node) ? Scalar(node.Value, key, file) : null;

    private static string Scalar(YamlNode node, string key, string file) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } && value != "~" && value != "null"
            ? value
            : throw ConfigErrors.WrongType(new ConfigLocation(file, node.Start.Line, node.Start.Column), key, "a single value", Describe(node));

    private static Dictionary<string, string> StringMap(YamlNode node, string key, string file)
    {
        if (node is not YamlMappingNode mapping)
            throw ConfigErrors.WrongType(new ConfigLocation(file, node.Start.Line, node.Start.Column), key, "a mapping of names to values", Describe(node));
        return mapping.Children.ToDictionary(
            kv => Scalar(kv.Key, key, file),
            kv => Scalar(kv.Value, $"{key}.{((YamlScalarNode)kv.Key).Value}", file),
            StringComparer.Ordinal);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,127}$")]
    private static partial Regex StackName();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountId();

    [GeneratedRegex("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$")]
    private static partial Regex RegionName();
}
