using System.Text.Json;

namespace DjangoCdk.Tests.TestSupport;

/// <summary>Terse object literals for Template assertions: <c>Props(("Port", 443), ("Protocol", "HTTPS"))</c>.</summary>
internal static class Json
{
    public static Dictionary<string, object> Props(params (string Key, object Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    /// <summary><c>{ "Ref": logicalId }</c>.</summary>
    public static Dictionary<string, object> Ref(string logicalId) => Props(("Ref", logicalId));

    /// <summary><c>{ "Fn::GetAtt": [logicalId, attribute] }</c>.</summary>
    public static Dictionary<string, object> GetAtt(string logicalId, string attribute) => Props(("Fn::GetAtt", new object[] { logicalId, attribute }));

    /// <summary><c>{ "Fn::Join": ["", parts] }</c>.</summary>
    public static Dictionary<string, object> Join(params object[] parts) => Props(("Fn::Join", new object[] { "", parts }));

    /// <summary>JSON text as plain objects (dictionaries, arrays, strings, numbers, booleans) that Match accepts as a pattern.</summary>
    public static object Parse(string json) => ToPlain(JsonDocument.Parse(json).RootElement);

    private static object ToPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToPlain(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlain).ToArray(),
        JsonValueKind.String => element.GetString()!,
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw new ArgumentException($"JSON {element.ValueKind} has no pattern form."),
    };
}
