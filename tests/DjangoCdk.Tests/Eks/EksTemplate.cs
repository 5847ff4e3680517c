using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Eks;

/// <summary>
/// A synthesized DjangoEks template read as its parts: the Kubernetes objects (<see cref="KubernetesManifests"/>), the
/// release steps' Jobs, and the DependsOn graph, which the CDK's Match cannot follow transitively.
/// </summary>
internal sealed class EksTemplate
{
    private readonly Stack stack;

    public EksTemplate(Stack stack, DjangoEks django, Template template)
    {
        this.stack = stack;
        Django = django;
        Json = new TemplateJson(template);
        Manifests = KubernetesManifests.In(template);
    }

    public DjangoEks Django { get; }

    public TemplateJson Json { get; }

    /// <summary>Every Kubernetes object of the template, tokens read as <see cref="KubernetesManifests.Placeholder"/>.</summary>
    public IReadOnlyList<TemplateManifest> Manifests { get; }

    /// <summary>The logical ID of <paramref name="construct"/>'s resource.</summary>
    public string Id(Constructs.IConstruct construct) => stack.LogicalId(construct);

    /// <summary>The one object of <paramref name="kind"/> named <paramref name="name"/>, and the resource that applies it.</summary>
    public TemplateManifest Object(string kind, string name) =>
        Assert.Single(Manifests, m => (string?)m.Body["kind"] == kind && (string?)m.Body["metadata"]?["name"] == name);

    /// <summary>Whether an object of <paramref name="kind"/> named <paramref name="name"/> exists.</summary>
    public bool Has(string kind, string name) => Manifests.Any(m => (string?)m.Body["kind"] == kind && (string?)m.Body["metadata"]?["name"] == name);

    /// <summary>The pod template's spec of the Deployment <paramref name="name"/>.</summary>
    public JsonObject PodSpec(string name) => Object("Deployment", name).Body["spec"]!["template"]!["spec"]!.AsObject();

    /// <summary>The one container of the Deployment <paramref name="name"/>.</summary>
    public JsonObject Container(string name) => Assert.Single(PodSpec(name)["containers"]!.AsArray())!.AsObject();

    /// <summary>Every container of every Deployment and release Job.</summary>
    public IEnumerable<(string Owner, JsonObject Container)> AllContainers =>
        Manifests.Where(m => (string?)m.Body["kind"] == "Deployment")
            .SelectMany(m => m.Body["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => ((string)m.Body["metadata"]!["name"]!, c!.AsObject())))
            .Concat(Django.ReleaseSteps.SelectMany(s => Job(s)["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => ("release " + Id(s), c!.AsObject()))));

    /// <summary>The raw properties of the resource <paramref name="logicalId"/>.</summary>
    public JsonObject Properties(string logicalId) => Json.Resources[logicalId]!["Properties"]!.AsObject();

    /// <summary>
    /// The Job manifest of a release step: its <c>Job</c> property is a JSON string, or an <c>Fn::Join</c> when the
    /// image URI is a token; read like a Kubernetes manifest, tokens as <see cref="KubernetesManifests.Placeholder"/>.
    /// </summary>
    public JsonObject Job(Constructs.IConstruct step)
    {
        var job = Properties(Id(step))["Job"]!;
        JsonNode asArray = job is JsonObject intrinsic && intrinsic["Fn::Join"] is JsonArray join
            ? new JsonObject { ["Fn::Join"] = new JsonArray((string)join[0]!, new JsonArray([JsonValue.Create("["), .. join[1]!.AsArray().Select(p => p?.DeepClone()), JsonValue.Create("]")])) }
            : JsonValue.Create("[" + (string)job! + "]");
        Assert.Equal("", (string?)(job as JsonObject)?["Fn::Join"]?[0] ?? "");
        return Assert.Single(KubernetesManifests.Parse(asArray));
    }

    /// <summary>
    /// The intrinsic (Ref, GetAtt, Sub...) that a token-bearing JSON property of <paramref name="logicalId"/> (a
    /// manifest, a Job) holds right after the literal text <paramref name="precedingText"/>: what a
    /// <see cref="KubernetesManifests.Placeholder"/> stands for. E.g. <c>"certificate-arn":"</c> → <c>{"Ref": "Certificate"}</c>.
    /// </summary>
    public JsonNode TokenAfter(string logicalId, string property, string precedingText)
    {
        var parts = Properties(logicalId)[property]!["Fn::Join"]![1]!.AsArray();
        var matches = parts.Select((part, i) => (part, i))
            .Where(p => p.part is JsonValue v && v.TryGetValue<string>(out var s) && s.EndsWith(precedingText, StringComparison.Ordinal) && p.i + 1 < parts.Count)
            .Select(p => parts[p.i + 1]!)
            .ToList();
        return Assert.Single(matches);
    }

    /// <summary>A token (an ARN, a name, an image URI) as the template writes it: a Ref, GetAtt, Join or Sub.</summary>
    public JsonNode Resolved(object token) => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(stack.Resolve(token)))!;

    /// <summary>Asserts that <paramref name="actual"/> is <paramref name="token"/> as the template writes it.</summary>
    public void AssertIsToken(object token, JsonNode? actual)
    {
        var expected = Resolved(token);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected {expected.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}.");
    }

    /// <summary>The resources <paramref name="logicalId"/> names in its DependsOn.</summary>
    public IReadOnlyList<string> DependsOn(string logicalId) =>
        Json.Resources[logicalId]!["DependsOn"] is JsonArray list ? list.Select(d => (string)d!).ToList() : [];

    /// <summary>Whether <paramref name="logicalId"/> is deployed after <paramref name="prerequisite"/>: DependsOn, followed transitively.</summary>
    public bool DependsOnTransitively(string logicalId, string prerequisite)
    {
        var seen = new HashSet<string>();
        var pending = new Stack<string>(DependsOn(logicalId));
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (next == prerequisite) return true;
            if (seen.Add(next)) foreach (var d in DependsOn(next)) pending.Push(d);
        }

        return false;
    }
}
