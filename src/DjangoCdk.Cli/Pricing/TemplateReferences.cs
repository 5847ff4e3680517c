using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DjangoCdk.Cli;

/// <summary>
/// Reads property values of one template through the intrinsic functions the CDK emits: Ref, Fn::GetAtt and Fn::Join.
/// A value that depends on something only known at deploy time (an attribute, a pseudo parameter) resolves to null.
/// </summary>
internal sealed class TemplateReferences(JsonObject template)
{
    private JsonObject Resources => template["Resources"] as JsonObject ?? [];

    /// <summary>The resource with this logical ID, or null.</summary>
    public JsonObject? Resource(string? logicalId) =>
        logicalId is null ? null : Resources[logicalId] as JsonObject;

    /// <summary>The resource a { "Ref": id } or { "Fn::GetAtt": [id, attribute] } points at, or null.</summary>
    public JsonObject? Target(JsonNode? value) => Resource(TargetId(value));

    /// <summary>The logical ID a Ref or Fn::GetAtt points at (either GetAtt form), or null.</summary>
    public static string? TargetId(JsonNode? value)
    {
        if (value is not JsonObject { Count: 1 } function) return null;
        if (function["Ref"] is JsonValue reference && reference.TryGetValue<string>(out var id)) return id;
        return function["Fn::GetAtt"] switch
        {
            JsonArray { Count: >= 1 } parts when parts[0] is JsonValue first && first.TryGetValue<string>(out var target) => target,
            JsonValue dotted when dotted.TryGetValue<string>(out var text) => text.Split('.')[0],
            _ => null,
        };
    }

    /// <summary>Every logical ID referenced (Ref or Fn::GetAtt) anywhere inside <paramref name="value"/>.</summary>
    public static IEnumerable<string> ReferencedIds(JsonNode? value)
    {
        if (TargetId(value) is { } id)
        {
            yield return id;
            yield break;
        }

        var children = value switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
            foreach (var nested in ReferencedIds(child))
                yield return nested;
    }

    /// <summary>A string value: a literal, a Ref to a parameter with a default, or an Fn::Join of such parts; otherwise null.</summary>
    public string? String(JsonNode? value)
    {
        switch (value)
        {
            case JsonValue literal when literal.GetValueKind() == JsonValueKind.String:
                return literal.GetValue<string>();
            case JsonValue number when number.GetValueKind() == JsonValueKind.Number:
                return number.ToJsonString();
            case JsonValue boolean when boolean.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return boolean.GetValue<bool>() ? "true" : "false";
            case JsonObject { Count: 1 } function when function["Ref"] is JsonValue reference && reference.TryGetValue<string>(out var name):
                return String(template["Parameters"]?[name]?["Default"]);
            case JsonObject { Count: 1 } function when function["Fn::Join"] is JsonArray { Count: 2 } join && join[1] is JsonArray parts:
                var separator = String(join[0]) ?? "";
                var resolved = parts.Select(String).ToList();
                return resolved.Any(p => p is null) ? null : string.Join(separator, resolved);
            default:
                return null;
        }
    }

    /// <summary>
    /// Like <see cref="String"/>, but each part known only at deploy time (an attribute, a resource's name) becomes
    /// <paramref name="placeholder"/>: the shape of a value the CDK joins from literals and references, e.g. a JSON
    /// document naming a service. Null when the value is not text at all.
    /// </summary>
    public string? Text(JsonNode? value, string placeholder)
    {
        if (String(value) is { } resolved) return resolved;
        return value switch
        {
            JsonObject { Count: 1 } function when function["Fn::Join"] is JsonArray { Count: 2 } join && join[1] is JsonArray parts =>
                string.Join(String(join[0]) ?? "", parts.Select(part => Text(part, placeholder) ?? placeholder)),
            JsonObject { Count: 1 } function when function.First().Key is "Ref" or "Fn::GetAtt" or "Fn::Select" or "Fn::ImportValue" or "Fn::Sub" => placeholder,
            _ => null,
        };
    }

    /// <summary>A number: a literal number or a numeric string (the CDK writes "512" for task CPU); otherwise null.</summary>
    public decimal? Number(JsonNode? value) =>
        decimal.TryParse(String(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>A boolean: a literal or "true"/"false"; otherwise null.</summary>
    public bool? Bool(JsonNode? value) => String(value)?.ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    /// <summary>The number of items of a literal list, or null when the list is computed at deploy time.</summary>
    public static int? Count(JsonNode? value) => value is JsonArray array ? array.Count : null;
}
