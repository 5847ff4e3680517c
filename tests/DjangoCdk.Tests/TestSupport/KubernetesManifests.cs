using System.Text;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace DjangoCdk.Tests.TestSupport;

/// <summary>
/// The Kubernetes manifests of a synthesized template: the <c>Manifest</c> property of every
/// <c>Custom::AWSCDK-EKS-KubernetesResource</c> (what <c>Cluster.AddManifest</c> and <c>KubernetesManifest</c> make).
/// That property is a JSON string of an array of objects; when a value in it is a token (an image URI, a role ARN) it
/// is an <c>Fn::Join</c> of literal parts and intrinsics instead. Each intrinsic is read as <see cref="Placeholder"/>,
/// so the manifest parses and the rest of it can be checked.
/// </summary>
internal static class KubernetesManifests
{
    /// <summary>The CloudFormation type of the CDK's Kubernetes-resource custom resource.</summary>
    public const string ResourceType = "Custom::AWSCDK-EKS-KubernetesResource";

    /// <summary>What a token reads as: a string inside a JSON string, the JSON string "TOKEN" where a whole value is one.</summary>
    public const string Placeholder = "TOKEN";

    /// <summary>Every manifest of every Kubernetes resource in <paramref name="template"/>, in template order.</summary>
    public static IReadOnlyList<TemplateManifest> In(Template template) =>
        new TemplateJson(template).OfType(ResourceType)
            .SelectMany(resource => Parse(resource.Value["Properties"]!["Manifest"]!)
                .Select((body, index) => new TemplateManifest(resource.Key, index, body)))
            .ToList();

    /// <summary>
    /// The manifests of one <c>Manifest</c> property: a JSON string, or an <c>Fn::Join</c> whose non-literal parts
    /// become <see cref="Placeholder"/>.
    /// </summary>
    public static IReadOnlyList<JsonObject> Parse(JsonNode manifestProperty)
    {
        var json = manifestProperty switch
        {
            JsonValue text when text.TryGetValue<string>(out var s) => s,
            JsonObject intrinsic when intrinsic["Fn::Join"] is JsonArray join => Join(join),
            _ => throw new ArgumentException($"A Manifest property is a string or an Fn::Join, not {manifestProperty.ToJsonString()}.", nameof(manifestProperty)),
        };
        return JsonNode.Parse(json)!.AsArray().Select(m => m!.AsObject()).ToList();
    }

    /// <summary>
    /// Joins the literal parts with the delimiter and a placeholder for each intrinsic: bare inside a JSON string
    /// (<c>"image":"</c> + Ref + <c>"</c>), quoted where the intrinsic stands for a whole value.
    /// </summary>
    private static string Join(JsonArray join)
    {
        var delimiter = (string)join[0]!;
        var text = new StringBuilder();
        var inString = false;
        var escaped = false;
        var first = true;
        foreach (var part in join[1]!.AsArray())
        {
            if (!first) Append(delimiter);
            first = false;
            if (part is JsonValue literal && literal.TryGetValue<string>(out var s)) Append(s);
            else text.Append(inString ? Placeholder : $"\"{Placeholder}\"");
        }

        return text.ToString();

        void Append(string literal)
        {
            foreach (var c in literal)
            {
                if (escaped) escaped = false;
                else if (c == '\\' && inString) escaped = true;
                else if (c == '"') inString = !inString;
                text.Append(c);
            }
        }
    }
}
