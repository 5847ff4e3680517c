using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using DjangoCdk.Samples;

namespace DjangoCdk.Benchmarks;

/// <summary>Synthesizes one case as the sample app does (cdk.json's feature flags, the cdk.context.json lookup cache), and reports its size.</summary>
internal static class Synth
{
    /// <summary>The environment every case is synthesized for: the fixture account, whose lookups cdk.context.json answers.</summary>
    public static readonly Amazon.CDK.Environment Environment = new() { Account = "123456789012", Region = "us-east-1" };

    public static int Run(string name, string outDirectory)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var app = NewApp(outDirectory);
        var started = clock.Elapsed.TotalSeconds;
        BenchmarkCase.Named(name).Build(app, Environment);
        var built = clock.Elapsed.TotalSeconds;
        app.Synth();
        var synthesized = clock.Elapsed.TotalSeconds;
        var size = Measure(outDirectory);
        // Where the time inside the process goes: the jsii runtime's start (the first App), building the constructs
        // (every call from C# into the CDK), and the synthesis itself (in Node.js).
        size["runtimeStartSeconds"] = Math.Round(started, 3);
        size["buildSeconds"] = Math.Round(built - started, 3);
        size["synthSeconds"] = Math.Round(synthesized - built, 3);
        Console.WriteLine(size.ToJsonString());
        return 0;
    }

    /// <summary>An app writing to <paramref name="outDirectory"/> with the context the CDK CLI would pass in this repository.</summary>
    public static App NewApp(string outDirectory)
    {
        if (Directory.Exists(outDirectory)) Directory.Delete(outDirectory, recursive: true);
        return new App(new AppProps { Outdir = outDirectory, Context = CdkCliContext.Load(SamplePaths.RepositoryRoot) });
    }

    /// <summary>Resource count and template bytes (minified, as CloudFormation counts them) over every template of an assembly.</summary>
    public static JsonObject Measure(string outDirectory)
    {
        var templates = Directory.EnumerateFiles(outDirectory, "*.template.json", SearchOption.TopDirectoryOnly)
            .Concat(Directory.EnumerateFiles(outDirectory, "*.nested.template.json", SearchOption.AllDirectories))
            .Distinct()
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject())
            .ToList();
        return new JsonObject
        {
            ["templates"] = templates.Count,
            ["resources"] = templates.Sum(t => (t["Resources"] as JsonObject)?.Count ?? 0),
            ["largestTemplateResources"] = templates.Select(t => (t["Resources"] as JsonObject)?.Count ?? 0).DefaultIfEmpty(0).Max(),
            ["largestTemplateBytes"] = templates.Select(t => System.Text.Encoding.UTF8.GetByteCount(t.ToJsonString())).DefaultIfEmpty(0).Max(),
        };
    }
}
