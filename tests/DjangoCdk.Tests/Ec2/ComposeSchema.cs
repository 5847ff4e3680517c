using System.Globalization;
using System.Text.Json.Nodes;
using DjangoCdk.Tests.TestSupport;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace DjangoCdk.Tests.Ec2;

/// <summary>
/// Validates a compose file against the Compose specification's JSON schema (tests/DjangoCdk.Tests/Ec2/Fixtures), as
/// docker compose reads it: YAML with merge keys resolved, plain scalars typed as YAML 1.2's core schema types them.
/// </summary>
internal static class ComposeSchema
{
    // The schema names draft-07 as "https://json-schema.org/draft-07/schema"; the validator knows draft-07 by its
    // canonical ID, so the copy in memory names that one. The file itself stays as published.
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(TestStacks.RepositoryRoot, "tests", "DjangoCdk.Tests", "Ec2", "Fixtures", "compose-spec.json"))
            .Replace("\"https://json-schema.org/draft-07/schema\"", "\"http://json-schema.org/draft-07/schema#\"", StringComparison.Ordinal)));

    /// <summary>The schema errors of <paramref name="yaml"/>, as "location: message" lines; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(string yaml)
    {
        var results = Schema.Value.Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(ToJson(yaml)), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];
        return (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid")
            .ToList();
    }

    /// <summary>The YAML document as JSON.</summary>
    public static JsonNode ToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Convert(stream.Documents[0].RootNode)!;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => Mapping(map),
        YamlSequenceNode list => new JsonArray(list.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    /// <summary>A mapping; a merge key (<c>&lt;&lt;: *anchor</c>) adds the anchor's keys that the mapping does not set itself.</summary>
    private static JsonObject Mapping(YamlMappingNode map)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            if (name != "<<") result[name] = Convert(value);
        }

        foreach (var merged in map.Children.Where(kv => ((YamlScalarNode)kv.Key).Value == "<<").Select(kv => (YamlMappingNode)kv.Value))
        {
            foreach (var (name, value) in Mapping(merged))
            {
                if (!result.ContainsKey(name)) result[name] = value?.DeepClone();
            }
        }

        return result;
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(text);
        if (text is "" or "~" or "null" or "Null" or "NULL") return null;
        if (text is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)) return JsonValue.Create(integer);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return JsonValue.Create(number);
        return JsonValue.Create(text);
    }
}
