using System.Text;
using System.Text.Json.Nodes;

namespace DjangoCdk.Cli;

/// <summary>
/// The reference of every django-cdk.yaml key as Markdown (docs/django-cdk-config.md), written from the JSON Schema so
/// the two never disagree: one table per props type, each key with what it takes and its documentation.
/// </summary>
public static class ConfigReference
{
    /// <summary>The reference document.</summary>
    public static string Markdown()
    {
        var schema = ConfigSchema.Generate();
        var text = new StringBuilder();
        text.AppendLine("# django-cdk.yaml: every key");
        text.AppendLine();
        text.AppendLine("Generated from the JSON Schema (`django-cdk schema --format markdown`); the README's django-cdk section explains the file.");
        text.AppendLine("Keys are the construct props in snake_case; each description is the construct's own documentation.");
        text.AppendLine();
        text.AppendLine("## Top level");
        text.AppendLine();
        Table(text, schema["properties"]!.AsObject(), Required(schema));
        foreach (var (name, definition) in schema["definitions"]!.AsObject())
        {
            text.AppendLine();
            text.AppendLine($"## {name}");
            text.AppendLine();
            if ((string?)definition!["description"] is { } description) text.AppendLine(description).AppendLine();
            Table(text, definition["properties"]!.AsObject(), Required(definition.AsObject()));
        }

        return text.ToString();
    }

    private static HashSet<string> Required(JsonObject definition) =>
        (definition["required"]?.AsArray() ?? []).Select(n => (string)n!).ToHashSet();

    private static void Table(StringBuilder text, JsonObject properties, HashSet<string> required)
    {
        text.AppendLine("| Key | Takes | Description |");
        text.AppendLine("|---|---|---|");
        foreach (var (key, property) in properties)
            text.AppendLine($"| `{key}`{(required.Contains(key) ? " (required)" : "")} | {Takes(property!.AsObject())} | {Cell((string?)property["description"] ?? "")} |");
    }

    private static string Takes(JsonObject property) => property switch
    {
        _ when property["$ref"] is { } reference => $"[{Name(reference)}](#{Name(reference).ToLowerInvariant()})",
        _ when property["enum"] is JsonArray values => string.Join(" \\| ", values.Select(v => $"`{v}`")),
        _ when (string?)property["type"] == "array" && property["items"] is JsonObject { } items && items["$ref"] is { } item => $"list of [{Name(item)}](#{Name(item).ToLowerInvariant()})",
        _ when (string?)property["type"] == "array" && property["items"] is JsonObject { } commands && commands["oneOf"] is not null => "list of commands (a line or a list of arguments)",
        _ when (string?)property["type"] == "array" => "list of text",
        _ when (string?)property["type"] == "object" && property["additionalProperties"] is JsonObject { } values && values["oneOf"] is not null => "mapping of names to secrets",
        _ when (string?)property["type"] == "object" && property["properties"] is JsonObject keys => "mapping: " + string.Join(" or ", keys.Select(k => $"`{k.Key}`")),
        _ when (string?)property["type"] == "object" => "mapping of names to text",
        _ when property["pattern"] is { } pattern && (string?)property["type"] == "string" => $"text matching `{Cell((string)pattern!)}`",
        _ when property["oneOf"] is not null => "text or mapping",
        _ => (string?)property["type"] ?? "value",
    };

    private static string Name(JsonNode reference) => ((string)reference!)["#/definitions/".Length..];

    private static string Cell(string value) => value.Replace("|", "\\|").Replace("\n", " ");
}
