using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace DjangoCdk.Cli.Tests.Config;

public sealed class ConfigSchemaTests
{
    private static readonly string SchemaFile = Path.Combine(Repository.Root, "schema", ConfigSchema.FileName);

    [Fact]
    public void The_shipped_schema_is_the_one_the_tool_generates()
    {
        // Regenerate with: dotnet run --project src/DjangoCdk.Cli -- schema --out schema/django-cdk.schema.json
        var shipped = JsonNode.Parse(File.ReadAllText(SchemaFile));

        Assert.True(JsonNode.DeepEquals(ConfigSchema.Generate(), shipped), "schema/django-cdk.schema.json is out of date: regenerate it with django-cdk schema.");
    }

    [Fact]
    public void The_key_reference_in_docs_is_the_one_the_tool_generates()
    {
        // Regenerate with: dotnet run --project src/DjangoCdk.Cli -- schema --format markdown --out docs/django-cdk-config.md
        var shipped = File.ReadAllText(Path.Combine(Repository.Root, "docs", "django-cdk-config.md"));

        Assert.True(shipped == ConfigReference.Markdown(), "docs/django-cdk-config.md is out of date: regenerate it with django-cdk schema --format markdown.");
    }

    [Fact]
    public void The_bundled_sample_config_is_valid_against_the_schema()
    {
        var result = Evaluate(File.ReadAllText(Path.Combine(Repository.Root, "django-cdk.yaml")));

        Assert.True(result.IsValid, JsonSerializer.Serialize(result));
    }

    [Fact]
    public void The_schema_rejects_a_misspelled_key()
    {
        var result = Evaluate("name: blog\ntarget: ecs\necs:\n  image_directory: .\n  web_cpus: 512\n");

        Assert.False(result.IsValid);
    }

    [Fact]
    public void The_schema_rejects_a_section_of_another_target()
    {
        var result = Evaluate("name: blog\ntarget: ecs\neks:\n  image_directory: .\n");

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Schema_keys_carry_the_construct_documentation()
    {
        var webCpu = ConfigSchema.Generate()["definitions"]!["DjangoEcsProps"]!["properties"]!["web_cpu"]!;

        Assert.Contains("Default: 512", (string?)webCpu["description"]);
    }

    private static EvaluationResults Evaluate(string yaml)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(SchemaFile));
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return schema.Evaluate(JsonSerializer.SerializeToElement(ToJson(stream.Documents[0].RootNode)), new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    // YAML to JSON with YAML 1.2 core types: plain true/false, integers and numbers are typed, the rest is text.
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode list => new JsonArray(list.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar when scalar.Value is "true" or "false" => JsonValue.Create(scalar.Value == "true"),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar when long.TryParse(scalar.Value, out var n) => JsonValue.Create(n),
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar when double.TryParse(scalar.Value, System.Globalization.CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => null,
    };
}
