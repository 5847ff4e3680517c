using YamlDotNet.RepresentationModel;

namespace DjangoCdk.Cli;

/// <summary>
/// The presets: for each target, YAML files of props (<c>Presets/&lt;target&gt;.&lt;preset&gt;.yaml</c>, shipped in the
/// tool) laid under the config's own section. The config wins key by key; nested mappings merge; a list in the config
/// replaces the preset's list.
/// </summary>
public static class Presets
{
    /// <summary>The preset's props for <paramref name="target"/> with <paramref name="section"/> over them, and the nodes that came from the preset.</summary>
    public static (YamlMappingNode Section, IReadOnlySet<YamlNode> PresetNodes) Apply(DeployTarget target, Preset preset, YamlMappingNode section)
    {
        var presetSection = Load(target, preset);
        var fromPreset = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
        return (Merge(presetSection, section, fromPreset), fromPreset);
    }

    /// <summary>The preset file's text for a target, or null when the preset changes nothing for it.</summary>
    public static string? Text(DeployTarget target, Preset preset)
    {
        var resource = $"DjangoCdk.Cli.Presets.{target.Name}.{preset.ToString().ToLowerInvariant()}.yaml";
        using var stream = typeof(Presets).Assembly.GetManifestResourceStream(resource);
        return stream is null ? null : new StreamReader(stream).ReadToEnd();
    }

    private static YamlMappingNode Load(DeployTarget target, Preset preset)
    {
        var text = Text(target, preset);
        if (text is null) return [];
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? [] : (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Merge(YamlMappingNode preset, YamlMappingNode own, HashSet<YamlNode> fromPreset)
    {
        var merged = new YamlMappingNode();
        foreach (var (key, value) in own.Children)
        {
            var presetValue = preset.Children.FirstOrDefault(kv => Same(kv.Key, key)).Value;
            merged.Add(key, presetValue is YamlMappingNode presetMap && value is YamlMappingNode ownMap ? Merge(presetMap, ownMap, fromPreset) : value);
        }

        foreach (var (key, value) in preset.Children.Where(kv => !own.Children.Keys.Any(k => Same(k, kv.Key))))
        {
            merged.Add(key, value);
            foreach (var node in value.AllNodes) fromPreset.Add(node);
            fromPreset.Add(key);
        }

        return merged;
    }

    private static bool Same(YamlNode a, YamlNode b) => a is YamlScalarNode x && b is YamlScalarNode y && x.Value == y.Value;
}
