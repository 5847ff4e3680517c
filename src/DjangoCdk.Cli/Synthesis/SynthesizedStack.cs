using System.Text.Json.Nodes;

namespace DjangoCdk.Cli;

/// <summary>One CloudFormation template of a synthesized app: a stack, or a nested stack inside one.</summary>
/// <param name="StackName">The stack's name (for a nested stack: the parent's name, a slash and the nested stack's logical ID).</param>
/// <param name="TemplateFile">The template's path in the cloud assembly.</param>
/// <param name="Template">The parsed template.</param>
/// <param name="Account">The stack's account, or null when environment-agnostic.</param>
/// <param name="Region">The stack's region, or null when environment-agnostic.</param>
/// <param name="IsNested">Whether this is a nested stack's template.</param>
public sealed record SynthesizedStack(string StackName, string TemplateFile, JsonObject Template, string? Account, string? Region, bool IsNested = false)
{
    /// <summary>The template's resources: logical ID to resource object (with Type, Properties, Metadata...).</summary>
    public IEnumerable<(string LogicalId, JsonObject Resource)> Resources =>
        (Template["Resources"] as JsonObject ?? [])
            .Where(r => r.Value is JsonObject)
            .Select(r => (r.Key, (JsonObject)r.Value!));

    /// <summary>The resources of one CloudFormation type, e.g. "AWS::RDS::DBInstance".</summary>
    public IEnumerable<(string LogicalId, JsonObject Resource)> ResourcesOfType(string type) =>
        Resources.Where(r => (string?)r.Resource["Type"] == type);
}
