using YamlDotNet.RepresentationModel;

namespace DjangoCdk.Cli;

/// <summary>A loaded django-cdk.yaml: its top-level settings and the props section of its target, presets applied.</summary>
/// <param name="File">The file as the user named it (for messages).</param>
/// <param name="Directory">The folder holding the file: relative paths in it start there.</param>
/// <param name="Name">The stack name.</param>
/// <param name="Target">What it deploys.</param>
/// <param name="Preset">The sizing preset.</param>
/// <param name="Account">The AWS account, or null to take the deploying credentials'.</param>
/// <param name="Region">The AWS region, or null to take the deploying credentials'.</param>
/// <param name="Tags">Tags on every resource of the stack.</param>
/// <param name="Section">The target's props: the preset's values under the file's own.</param>
/// <param name="SectionLocation">Where the target's section starts (or <c>target:</c> when the file has none).</param>
/// <param name="PresetLocation">Where <c>preset:</c> is (or <c>target:</c>), for errors in values the preset set.</param>
/// <param name="PresetNodes">The nodes of <paramref name="Section"/> that came from the preset, not the file.</param>
/// <param name="OwnSection">The target's props as the file has them, before the preset.</param>
public sealed record AppConfig(
    string File,
    string Directory,
    string Name,
    DeployTarget Target,
    Preset Preset,
    string? Account,
    string? Region,
    IReadOnlyDictionary<string, string> Tags,
    YamlMappingNode Section,
    ConfigLocation SectionLocation,
    ConfigLocation PresetLocation,
    IReadOnlySet<YamlNode> PresetNodes,
    YamlMappingNode OwnSection)
{
    /// <summary>The same config under another preset (for comparing presets' costs).</summary>
    public AppConfig WithPreset(Preset preset)
    {
        var (section, presetNodes) = Presets.Apply(Target, preset, OwnSection);
        return this with { Preset = preset, Section = section, PresetNodes = presetNodes };
    }

    /// <summary>The default file name, looked for in the current folder.</summary>
    public const string DefaultFile = "django-cdk.yaml";

    /// <summary>A location in this file.</summary>
    public ConfigLocation At(YamlNode node) => PresetNodes.Contains(node)
        ? PresetLocation with { }
        : new(File, node.Start.Line, node.Start.Column);

    /// <summary>Whether <paramref name="node"/> came from the preset rather than the file.</summary>
    public bool FromPreset(YamlNode node) => PresetNodes.Contains(node);
}
