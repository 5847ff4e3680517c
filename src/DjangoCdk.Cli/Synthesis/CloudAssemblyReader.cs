using System.Text.Json.Nodes;

namespace DjangoCdk.Cli;

/// <summary>Reads the templates of a synthesized cloud assembly (a cdk.out folder), nested stacks included.</summary>
public static class CloudAssemblyReader
{
    /// <summary>Every stack template in <paramref name="outDirectory"/>, each followed by its nested stacks' templates.</summary>
    public static IReadOnlyList<SynthesizedStack> Read(string outDirectory)
    {
        var manifestFile = Path.Combine(outDirectory, "manifest.json");
        if (!File.Exists(manifestFile))
            throw new CliException($"{outDirectory} holds no cloud assembly (no manifest.json): run django-cdk synth first.");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestFile))!.AsObject();
        var stacks = new List<SynthesizedStack>();
        foreach (var (artifactId, artifact) in manifest["artifacts"]?.AsObject() ?? [])
        {
            if ((string?)artifact?["type"] != "aws:cloudformation:stack") continue;
            var properties = artifact!["properties"]!.AsObject();
            var templateFile = Path.Combine(outDirectory, (string)properties["templateFile"]!);
            var stackName = (string?)properties["stackName"] ?? artifactId;
            var (account, region) = Environment((string?)artifact["environment"]);
            var template = JsonNode.Parse(File.ReadAllText(templateFile))!.AsObject();
            var stack = new SynthesizedStack(stackName, templateFile, template, account, region);
            stacks.Add(stack);
            stacks.AddRange(NestedStacks(outDirectory, stack));
        }

        return stacks;
    }

    // aws://123456789012/us-east-1, with unknown-account / unknown-region for an environment-agnostic stack.
    private static (string? Account, string? Region) Environment(string? environment)
    {
        var parts = (environment ?? "").Replace("aws://", "").Split('/');
        string? Known(string value) => value.StartsWith("unknown-", StringComparison.Ordinal) || value.Length == 0 ? null : value;
        return parts.Length == 2 ? (Known(parts[0]), Known(parts[1])) : (null, null);
    }

    private static IEnumerable<SynthesizedStack> NestedStacks(string outDirectory, SynthesizedStack parent)
    {
        foreach (var (logicalId, resource) in parent.ResourcesOfType("AWS::CloudFormation::Stack"))
        {
            var assetPath = (string?)resource["Metadata"]?["aws:asset:path"];
            if (assetPath is null) continue;
            var file = Path.Combine(outDirectory, assetPath);
            if (!File.Exists(file)) continue;
            var nested = new SynthesizedStack($"{parent.StackName}/{logicalId}", file, JsonNode.Parse(File.ReadAllText(file))!.AsObject(), parent.Account, parent.Region, IsNested: true);
            yield return nested;
            foreach (var deeper in NestedStacks(outDirectory, nested)) yield return deeper;
        }
    }
}
