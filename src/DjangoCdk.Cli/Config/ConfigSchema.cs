using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace DjangoCdk.Cli;

/// <summary>
/// The JSON Schema of django-cdk.yaml, generated from the same props types and the same classification the binder
/// uses (<see cref="ConfigProp"/>), with each key's description taken from the constructs' XML documentation. Editors
/// (the YAML language server in VS Code, JetBrains IDEs) complete and check the file with it.
/// </summary>
public static partial class ConfigSchema
{
    /// <summary>The schema's file name, written by <c>django-cdk schema</c> and shipped in the repository's schema folder.</summary>
    public const string FileName = "django-cdk.schema.json";

    /// <summary>The schema document.</summary>
    public static JsonObject Generate()
    {
        var docs = XmlDocs.Load();
        var definitions = new JsonObject();
        var properties = new JsonObject
        {
            ["name"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[A-Za-z][A-Za-z0-9-]{0,127}$", ["description"] = "The CloudFormation stack name: letters, digits and hyphens, starting with a letter." },
            ["target"] = new JsonObject { ["enum"] = Array(DeployTargets.Names), ["description"] = "What to deploy: " + string.Join(" ", DeployTargets.All.Select(t => $"{t.Name}: {t.Description}")) },
            ["preset"] = new JsonObject { ["enum"] = Array(Enum.GetNames<Preset>().Select(n => n.ToLowerInvariant())), ["default"] = "starter", ["description"] = "Sizing defaults under your own values. starter: the lowest monthly cost that is still safe. production: Multi-AZ database, two or more web tasks, autoscaling headroom." },
            ["account"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9]{12}$", ["description"] = "The AWS account (quoted). Default: the deploying credentials' account." },
            ["region"] = new JsonObject { ["type"] = "string", ["pattern"] = "^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$", ["description"] = "The AWS region. Default: the deploying credentials' region." },
            ["tags"] = new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" }, ["description"] = "Tags on every resource of the stack." },
        };
        foreach (var target in DeployTargets.All)
            properties[target.Name] = new JsonObject { ["$ref"] = Define(target.PropsType, definitions, docs), ["description"] = $"The props of target {target.Name}: {target.Description}" };

        return new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["title"] = "django-cdk.yaml",
            ["description"] = "One Django app deployed to AWS by django-cdk: a target and its construct's props in snake_case.",
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = Array(["name", "target"]),
            ["properties"] = properties,
            // The one section allowed is the one named by target.
            ["allOf"] = new JsonArray(DeployTargets.All.Select(target => (JsonNode)new JsonObject
            {
                ["if"] = new JsonObject { ["properties"] = new JsonObject { ["target"] = new JsonObject { ["const"] = target.Name } }, ["required"] = Array(["target"]) },
                ["then"] = new JsonObject { ["not"] = new JsonObject { ["anyOf"] = new JsonArray(DeployTargets.Names.Where(n => n != target.Name).Select(n => (JsonNode)new JsonObject { ["required"] = Array([n]) }).ToArray()) } },
            }).ToArray()),
            ["definitions"] = definitions,
        };
    }

    private static string Define(Type type, JsonObject definitions, XmlDocs docs)
    {
        var reference = $"#/definitions/{type.Name}";
        if (definitions.ContainsKey(type.Name)) return reference;
        var properties = new JsonObject();
        var definition = new JsonObject { ["type"] = "object", ["additionalProperties"] = false };
        definitions[type.Name] = definition;
        var summary = docs.Summary(type);
        if (summary is not null) definition["description"] = summary;
        var props = ConfigProp.Of(type).Where(p => p.Kind != ValueKind.Unsupported).ToList();
        foreach (var prop in props)
        {
            var schema = Schema(prop, definitions, docs);
            var description = docs.Describe(prop.Property);
            if (description is not null) schema["description"] = description;
            properties[prop.Key] = schema;
        }

        var required = props.Where(p => p.Required).Select(p => p.Key).ToList();
        if (required.Count > 0) definition["required"] = Array(required);
        definition["properties"] = properties;
        return reference;
    }

    private static JsonObject Schema(ConfigProp prop, JsonObject definitions, XmlDocs docs) => prop.Kind switch
    {
        ValueKind.String or ValueKind.Path or ValueKind.KubectlLayer => Type("string"),
        ValueKind.Integer => Type("integer"),
        ValueKind.Number => Type("number"),
        ValueKind.Boolean => Type("boolean"),
        ValueKind.StringList => new JsonObject { ["type"] = "array", ["items"] = Type("string") },
        ValueKind.StringMap => new JsonObject { ["type"] = "object", ["additionalProperties"] = Type("string") },
        ValueKind.CommandList => new JsonObject
        {
            ["type"] = "array",
            ["items"] = new JsonObject { ["oneOf"] = new JsonArray(Type("string"), new JsonObject { ["type"] = "array", ["items"] = Type("string") }) },
        },
        ValueKind.Choice => new JsonObject { ["enum"] = Array(prop.Allowed!) },
        ValueKind.Duration => new JsonObject { ["type"] = "string", ["pattern"] = @"^[0-9]+(\.[0-9]+)?\s*(s|m|h|d|seconds?|minutes?|hours?|days?)$" },
        ValueKind.InstanceType => new JsonObject { ["type"] = "string", ["pattern"] = @"^[a-z0-9-]+\.[a-z0-9-]+$" },
        ValueKind.Object => new JsonObject { ["$ref"] = Define(prop.ElementType!, definitions, docs) },
        ValueKind.ObjectList => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = Define(prop.ElementType!, definitions, docs) } },
        ValueKind.SecretMap => new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = new JsonObject
            {
                ["oneOf"] = new JsonArray(
                    new JsonObject { ["type"] = "string", ["description"] = "A Secrets Manager secret's ARN or name." },
                    new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["required"] = Array(["secret"]), ["properties"] = new JsonObject { ["secret"] = Type("string"), ["field"] = Type("string") } },
                    new JsonObject { ["type"] = "object", ["additionalProperties"] = false, ["required"] = Array(["parameter"]), ["properties"] = new JsonObject { ["parameter"] = Type("string") } }),
            },
        },
        ValueKind.VpcId => new JsonObject { ["type"] = "string", ["pattern"] = "^vpc-[0-9a-f]+$" },
        ValueKind.TopicArn => new JsonObject { ["type"] = "string", ["pattern"] = PropsBinder.TopicArnPattern },
        ValueKind.MachineImage => new JsonObject { ["oneOf"] = new JsonArray(Type("string"), new JsonObject { ["type"] = "object", ["additionalProperties"] = Type("string") }) },
        ValueKind.GeoRestriction => new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["minProperties"] = 1,
            ["maxProperties"] = 1,
            ["properties"] = new JsonObject
            {
                ["allowlist"] = new JsonObject { ["type"] = "array", ["items"] = Type("string") },
                ["denylist"] = new JsonObject { ["type"] = "array", ["items"] = Type("string") },
            },
        },
        _ => throw new InvalidOperationException($"No schema for {prop.Kind}."),
    };

    private static JsonObject Type(string name) => new() { ["type"] = name };

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)v).ToArray());

    /// <summary>The constructs' XML documentation (DjangoCdk.xml beside DjangoCdk.dll), as plain text.</summary>
    private sealed partial class XmlDocs(Dictionary<string, XElement> members)
    {
        public static XmlDocs Load()
        {
            var file = Path.ChangeExtension(typeof(DjangoEcsProps).Assembly.Location, ".xml");
            if (!File.Exists(file)) return new XmlDocs([]);
            var document = XDocument.Load(file);
            return new XmlDocs(document.Descendants("member")
                .Where(m => m.Attribute("name") is not null)
                .GroupBy(m => m.Attribute("name")!.Value)
                .ToDictionary(g => g.Key, g => g.First()));
        }

        public string? Summary(Type type) => Text(Member($"T:{type.FullName}")?.Element("summary"));

        public string? Describe(System.Reflection.PropertyInfo property)
        {
            var member = Member($"P:{property.DeclaringType!.FullName}.{property.Name}");
            var parts = new[] { Text(member?.Element("summary")), Text(member?.Element("remarks")) }.Where(p => !string.IsNullOrEmpty(p));
            var text = string.Join(" ", parts);
            return text.Length == 0 ? null : text;
        }

        private XElement? Member(string name) => members.GetValueOrDefault(name);

        // <see cref="T:DjangoCdk.NatStrategy"/> becomes NatStrategy, <c>x</c> becomes x, whitespace collapses.
        private static string? Text(XElement? element)
        {
            if (element is null) return null;
            foreach (var see in element.Descendants().Where(e => e.Name == "see" || e.Name == "paramref" || e.Name == "typeparamref").ToList())
            {
                var target = see.Attribute("cref")?.Value ?? see.Attribute("name")?.Value ?? see.Attribute("langword")?.Value ?? "";
                see.ReplaceWith(see.Value.Length > 0 ? see.Value : target[(target.LastIndexOf('.') + 1)..]);
            }

            return Whitespace().Replace(element.Value, " ").Trim();
        }

        [GeneratedRegex(@"\s+")]
        private static partial Regex Whitespace();
    }
}
