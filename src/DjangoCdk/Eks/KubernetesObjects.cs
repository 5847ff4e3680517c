using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace DjangoCdk;

/// <summary>
/// Turns typed Kubernetes objects (the KubernetesClient models, and <see cref="ExternalSecrets"/>' records) into the
/// plain nested dictionaries the CDK's <c>KubernetesManifest</c> takes. CDK tokens in strings (the image URI, role
/// ARNs, endpoints) pass through and are resolved when the template is written.
/// </summary>
internal static class KubernetesObjects
{
    private static readonly JsonSerializerOptions RecordOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The object as a JSON-ready dictionary.</summary>
    public static Dictionary<string, object> ToManifest(object kubernetesObject)
    {
        var json = kubernetesObject.GetType().Namespace == "k8s.Models"
            ? k8s.KubernetesJson.Serialize(kubernetesObject)
            : JsonSerializer.Serialize(kubernetesObject, kubernetesObject.GetType(), RecordOptions);
        return (Dictionary<string, object>)Plain(JsonNode.Parse(json))!;
    }

    /// <summary>Parsed JSON as nested dictionaries, arrays, strings, numbers and booleans, as jsii passes them to the CDK.</summary>
    public static object? Plain(JsonNode? node) => node switch
    {
        JsonObject o => o.ToDictionary(p => p.Key, p => Plain(p.Value)!),
        JsonArray a => a.Select(Plain).ToArray(),
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<long>(out var l) => l is >= int.MinValue and <= int.MaxValue ? (object)(int)l : l,
        JsonValue v when v.TryGetValue<double>(out var d) => d,
        JsonValue v => v.GetValue<string>(),
        _ => null,
    };
}
