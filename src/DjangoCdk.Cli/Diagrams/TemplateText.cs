using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DjangoCdk.Cli;

/// <summary>Reads CloudFormation values for drawing: their text (references shown as placeholders) and the resources they refer to.</summary>
internal static class TemplateText
{
    /// <summary>The resource's construct path (Metadata aws:cdk:path), or null when the template carries none.</summary>
    public static string? ConstructPath(JsonObject resource) => (string?)resource["Metadata"]?["aws:cdk:path"];

    /// <summary>The value as text: strings as they are, numbers and booleans printed, Fn::Join joined, anything else ${...}.</summary>
    public static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => (string)v!,
        JsonValue v => v.ToJsonString(),
        JsonObject o when o["Fn::Join"] is JsonArray { Count: 2 } join && join[1] is JsonArray parts =>
            string.Join(Text(join[0]), parts.Select(Text)),
        JsonObject o when o["Ref"] is { } r => "${" + Text(r) + "}",
        JsonObject o when o["Fn::GetAtt"] is JsonArray a => "${" + string.Join('.', a.Select(Text)) + "}",
        _ => "${token}",
    };

    /// <summary>The value's text when it holds no reference (a literal the diagram can show), else null.</summary>
    public static string? Literal(JsonNode? value)
    {
        if (value is null) return null;
        var text = Text(value);
        return text.Contains("${", StringComparison.Ordinal) ? null : text;
    }

    /// <summary>The logical IDs the value refers to through Ref and Fn::GetAtt, at any depth.</summary>
    public static IEnumerable<string> References(JsonNode? value)
    {
        switch (value)
        {
            case JsonObject o:
                foreach (var (key, inner) in o)
                {
                    if (key == "Ref" && inner is JsonValue r && r.GetValueKind() == JsonValueKind.String)
                        yield return (string)r!;
                    else if (key == "Fn::GetAtt" && inner is JsonArray { Count: > 0 } a && a[0] is JsonValue id && id.GetValueKind() == JsonValueKind.String)
                        yield return (string)id!;
                    else if (key == "Fn::GetAtt" && inner is JsonValue s && s.GetValueKind() == JsonValueKind.String)
                        yield return ((string)s!).Split('.')[0];
                    else
                        foreach (var reference in References(inner)) yield return reference;
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                    foreach (var reference in References(item)) yield return reference;
                break;
        }
    }

    /// <summary>Letters, digits and underscores only (anything else becomes one underscore), never starting with a digit: safe in Mermaid and DOT.</summary>
    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c)) builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '_') builder.Append('_');
        }

        var slug = builder.ToString().TrimEnd('_');
        return slug.Length == 0 || char.IsAsciiDigit(slug[0]) ? "n" + slug : slug;
    }
}
