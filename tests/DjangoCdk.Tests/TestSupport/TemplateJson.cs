using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;

namespace DjangoCdk.Tests.TestSupport;

/// <summary>The synthesized template as JSON, for assertions that Match cannot express (every container, no name anywhere).</summary>
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

    public string LogicalId(string type, Func<JsonObject, bool> predicate) =>
        OfType(type).Single(r => predicate(r.Value)).Key;

    /// <summary>Every container definition of every task definition.</summary>
    public IEnumerable<JsonObject> Containers =>
        OfType("AWS::ECS::TaskDefinition").SelectMany(t => t.Value["Properties"]!["ContainerDefinitions"]!.AsArray().Select(c => c!.AsObject()));

    public JsonObject Container(string name) => Containers.Single(c => (string?)c["Name"] == name);

    public static Dictionary<string, JsonNode?> Environment(JsonObject container) =>
        (container["Environment"]?.AsArray() ?? []).ToDictionary(e => (string)e!["Name"]!, e => e!["Value"]?.DeepClone());

    public static Dictionary<string, JsonNode?> Secrets(JsonObject container) =>
        (container["Secrets"]?.AsArray() ?? []).ToDictionary(e => (string)e!["Name"]!, e => e!["ValueFrom"]?.DeepClone());

    public static string[] Command(JsonObject container) =>
        container["Command"]?.AsArray().Select(c => (string)c!).ToArray() ?? [];

    public static JsonNode Ref(string logicalId) => new JsonObject { ["Ref"] = logicalId };
}
