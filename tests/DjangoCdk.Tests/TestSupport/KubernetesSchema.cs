using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Json.Schema;

namespace DjangoCdk.Tests.TestSupport;

/// <summary>
/// Validates Kubernetes manifests against the OpenAPI schema of the cluster's Kubernetes version, as strictly as
/// <c>kubeconform -strict</c> and the API server's strict field validation (kubectl's default): an unknown field, a
/// wrong type, a missing required field or an unknown apiVersion/kind is an error. The schemas are test fixtures in
/// tests/DjangoCdk.Tests/Eks/Fixtures (their README names the sources): the Kubernetes definitions of the default version, and the
/// custom resources DjangoEks creates (External Secrets Operator's ExternalSecret and SecretStore).
/// </summary>
/// <remarks>
/// What a schema cannot say is not checked: CEL rules of custom resources (<c>x-kubernetes-validations</c>), the
/// API server's own validation (name formats, label syntax, immutable fields) and admission webhooks. A <c>null</c>
/// value is an error, except where a custom resource's schema says <c>nullable</c>: our manifests omit what they
/// do not set.
/// </remarks>
internal static class KubernetesSchema
{
    /// <summary>The Kubernetes version whose schema the manifests are validated against (DjangoEks's cluster version).</summary>
    public const string KubernetesVersion = KubernetesVersions.Default;

    private const string BaseUri = "https://djangocdk.test/kubernetes-" + KubernetesVersion + ".json";
    private const string ObjectMetaDefinition = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";

    /// <summary>The custom resources' schemas: apiVersion, kind, and the fixture holding the CRD's openAPIV3Schema.</summary>
    private static readonly (string ApiVersion, string Kind, string File)[] CustomResources =
    [
        ("external-secrets.io/v1", "ExternalSecret", "external-secrets-2.9.0-externalsecret-v1.json"),
        ("external-secrets.io/v1", "SecretStore", "external-secrets-2.9.0-secretstore-v1.json"),
    ];

    private static readonly Lazy<Definitions> Loaded = new(Load);

    /// <summary>The apiVersion/kind pairs the validator knows, as "apiVersion kind".</summary>
    public static IReadOnlyCollection<string> Kinds => Loaded.Value.ByKind.Keys.ToList();

    /// <summary>
    /// The schema errors of one manifest (an object with apiVersion and kind), as "path: problem" lines with paths
    /// such as <c>spec.template.spec.containers[0].imagePullPolice</c>; empty when the manifest is valid.
    /// </summary>
    public static IReadOnlyList<string> Errors(JsonNode manifest)
    {
        if (manifest is not JsonObject body) return [$"(root): a manifest is an object, not {manifest?.GetValueKind().ToString() ?? "null"}"];
        var apiVersion = body["apiVersion"] is JsonValue v1 && v1.TryGetValue<string>(out var a) ? a : null;
        var kind = body["kind"] is JsonValue v2 && v2.TryGetValue<string>(out var k) ? k : null;
        if (apiVersion is null || kind is null) return ["(root): apiVersion and kind are required strings"];

        var definitions = Loaded.Value;
        if (!definitions.ByKind.TryGetValue(Key(apiVersion, kind), out var schema))
        {
            return [$"(root): Kubernetes {KubernetesVersion} serves no kind {kind} in apiVersion {apiVersion} (nor does any custom resource the tests know)"];
        }

        var results = schema.Value.Evaluate(JsonSerializer.SerializeToElement(body), new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (results.IsValid) return [];
        var errors = new List<string>();
        CollectErrors(results, errors);
        return errors.Count > 0 ? errors.Distinct().ToList() : ["(root): invalid"];
    }

    /// <summary>
    /// The schema errors of every Kubernetes manifest in <paramref name="template"/> (see
    /// <see cref="KubernetesManifests.In"/>), each line prefixed with the resource's logical ID, the manifest's
    /// index in it and its kind and name; empty when all are valid.
    /// </summary>
    public static IReadOnlyList<string> ErrorsIn(Template template) =>
        KubernetesManifests.In(template)
            .SelectMany(m => Errors(m.Body).Select(e => $"{m.LogicalId}[{m.Index}] {m.Body["kind"]}/{m.Body["metadata"]?["name"]}: {e}"))
            .ToList();

    /// <summary>Walks the failed branches only: a passing branch of an anyOf or oneOf is no error.</summary>
    private static void CollectErrors(EvaluationResults node, List<string> errors)
    {
        if (node.IsValid) return;
        var path = Path(node.InstanceLocation.ToString());
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            errors.Add($"{path}: {Describe(node, keyword, message)}");
        }

        foreach (var child in node.Details ?? [])
        {
            CollectErrors(child, errors);
        }
    }

    /// <summary>The message, with the false schema that <c>additionalProperties: false</c> leaves named for what it means.</summary>
    private static string Describe(EvaluationResults node, string keyword, string message)
    {
        var schemaPath = node.EvaluationPath.ToString();
        return schemaPath.EndsWith("/additionalProperties", StringComparison.Ordinal) && message.Contains("false schema", StringComparison.OrdinalIgnoreCase)
            ? "unknown field (the schema does not define it)"
            : $"{message} ({keyword})";
    }

    /// <summary>A JSON pointer (/spec/containers/0/name) as a path (spec.containers[0].name).</summary>
    private static string Path(string pointer)
    {
        if (pointer is "" or "/" or "#") return "(root)";
        var path = new System.Text.StringBuilder();
        foreach (var raw in pointer.TrimStart('#').TrimStart('/').Split('/'))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (int.TryParse(segment, out _)) path.Append('[').Append(segment).Append(']');
            else path.Append(path.Length == 0 ? "" : ".").Append(segment);
        }

        return path.ToString();
    }

    private static string Key(string apiVersion, string kind) => apiVersion + " " + kind;

    private sealed record Definitions(IReadOnlyDictionary<string, Lazy<JsonSchema>> ByKind);

    /// <summary>
    /// One schema document with every definition under <c>$defs</c>, made strict, registered under
    /// <see cref="BaseUri"/>; each kind's schema is a <c>$ref</c> into it, built on first use.
    /// </summary>
    private static Definitions Load()
    {
        var fixtures = System.IO.Path.Combine(TestStacks.RepositoryRoot, "tests", "DjangoCdk.Tests", "Eks", "Fixtures");
        JsonObject kubernetes;
        using (var file = File.OpenRead(System.IO.Path.Combine(fixtures, $"kubernetes-{KubernetesVersion}-definitions.json.gz")))
        using (var gzip = new GZipStream(file, CompressionMode.Decompress))
        {
            kubernetes = JsonNode.Parse(gzip)!["definitions"]!.AsObject();
        }

        var defs = new JsonObject();
        var byKind = new Dictionary<string, string>();
        foreach (var (name, definition) in kubernetes.ToList())
        {
            kubernetes.Remove(name);
            var schema = definition!.AsObject();
            foreach (var gvk in schema["x-kubernetes-group-version-kind"]?.AsArray() ?? [])
            {
                var group = (string)gvk!["group"]!;
                var apiVersion = group == "" ? (string)gvk["version"]! : $"{group}/{gvk["version"]}";
                byKind.TryAdd(Key(apiVersion, (string)gvk["kind"]!), name);
            }

            MakeStrict(schema);
            defs[name] = schema;
        }

        foreach (var (apiVersion, kind, fileName) in CustomResources)
        {
            var schema = JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(fixtures, fileName)))!.AsObject();
            MakeStrict(schema);
            // A custom resource's metadata is an ObjectMeta like any object's (the API server validates it so); the
            // CRD only says "object".
            schema["properties"]!["metadata"] = new JsonObject { ["$ref"] = $"#/$defs/{ObjectMetaDefinition}" };
            var name = $"crd.{apiVersion.Replace('/', '.')}.{kind}";
            byKind.Add(Key(apiVersion, kind), name);
            defs[name] = schema;
        }

        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = BaseUri,
            ["$defs"] = defs,
        };
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var root = JsonSchema.Build(JsonSerializer.SerializeToElement(document), options);
        options.SchemaRegistry.Register(root);

        return new Definitions(byKind.ToDictionary(
            kv => kv.Key,
            kv => new Lazy<JsonSchema>(() => JsonSchema.FromText(
                new JsonObject { ["$schema"] = "https://json-schema.org/draft/2020-12/schema", ["$ref"] = $"{BaseUri}#/$defs/{kv.Value}" }.ToJsonString(),
                options))));
    }

    /// <summary>
    /// Makes one schema object (and every schema inside it) strict and JSON Schema 2020-12: an object that lists
    /// properties and says nothing of others allows no others, unless it preserves unknown fields
    /// (<c>x-kubernetes-preserve-unknown-fields</c>); <c>nullable</c> (OpenAPI 3.0) allows null; int-or-string allows
    /// both; references point into <c>$defs</c>. The branches of allOf/anyOf/oneOf only add constraints to the object
    /// around them (a CRD's structural schema lists its properties outside them), so they stay open.
    /// </summary>
    private static void MakeStrict(JsonObject schema, bool isBranch = false)
    {
        if (schema["$ref"] is JsonValue reference && reference.TryGetValue<string>(out var target) && target.StartsWith("#/definitions/", StringComparison.Ordinal))
        {
            schema["$ref"] = "#/$defs/" + target["#/definitions/".Length..];
        }

        var preservesUnknownFields = schema["x-kubernetes-preserve-unknown-fields"] is JsonValue preserve && preserve.TryGetValue<bool>(out var p) && p;
        if (schema.ContainsKey("properties") && !schema.ContainsKey("additionalProperties") && !preservesUnknownFields && !isBranch)
        {
            schema["additionalProperties"] = false;
        }

        if (schema["x-kubernetes-int-or-string"] is JsonValue intOrString && intOrString.TryGetValue<bool>(out var i) && i
            && !schema.ContainsKey("anyOf") && !schema.ContainsKey("oneOf"))
        {
            schema.Remove("type");
            schema["anyOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" });
        }

        if (schema["nullable"] is JsonValue nullable && nullable.TryGetValue<bool>(out var n) && n && schema["type"] is JsonValue type)
        {
            schema["type"] = new JsonArray((string)type!, "null");
        }

        foreach (var property in (schema["properties"] as JsonObject)?.Select(kv => kv.Value) ?? [])
        {
            if (property is JsonObject child) MakeStrict(child);
        }

        foreach (var keyword in new[] { "items", "additionalProperties", "not" })
        {
            if (schema[keyword] is JsonObject child) MakeStrict(child);
        }

        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            foreach (var child in (schema[keyword] as JsonArray)?.OfType<JsonObject>() ?? [])
            {
                MakeStrict(child, isBranch: true);
            }
        }
    }
}
