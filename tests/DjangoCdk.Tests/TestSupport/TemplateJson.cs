using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace DjangoCdk.Tests.TestSupport;

/// <summary>
/// The synthesized template as JSON. Assert with <see cref="Template"/>, <see cref="Match"/> and <see cref="Capture"/>
/// (and the shorthands in <see cref="Patterns"/>) whenever they can say it; use this only for what they cannot: a
/// condition over every resource of a type where a value may be absent or take several forms (no physical name, or
/// one built from the stack ID), or a scan of every string of a kind wherever it sits (every security-group
/// description).
/// </summary>
internal sealed class TemplateJson
{
    public TemplateJson(Template template)
    {
        Root = JsonNode.Parse(JsonSerializer.Serialize(template.ToJSON()))!.AsObject();
    }

    public JsonObject Root { get; }

    public JsonObject Resources => Root["Resources"]!.AsObject();

    public IEnumerable<KeyValuePair<string, JsonObject>> OfType(string type) =>
        Resources.Where(r => (string?)r.Value!["Type"] == type).Select(r => new KeyValuePair<string, JsonObject>(r.Key, r.Value!.AsObject()));

    /// <summary>Every container definition of every task definition.</summary>
    public IEnumerable<JsonObject> Containers =>
        OfType("AWS::ECS::TaskDefinition").SelectMany(t => t.Value["Properties"]!["ContainerDefinitions"]!.AsArray().Select(c => c!.AsObject()));

    public JsonObject Container(string name) => Containers.Single(c => (string?)c["Name"] == name);

    /// <summary>
    /// A container's environment as a dictionary. Prefer <see cref="Patterns.WithContainer"/> with
    /// <see cref="Patterns.Variable"/>, which checks the same value with Match (the Frontend tests still use this).
    /// </summary>
    public static Dictionary<string, JsonNode?> Environment(JsonObject container) =>
        (container["Environment"]?.AsArray() ?? []).ToDictionary(e => (string)e!["Name"]!, e => e!["Value"]?.DeepClone());
}
