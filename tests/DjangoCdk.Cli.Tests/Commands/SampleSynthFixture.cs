using System.Text.Json.Nodes;

namespace DjangoCdk.Cli.Tests.Commands;

/// <summary>The bundled sample config (django-cdk.yaml at the repository root) synthesized once with synth --json.</summary>
public sealed class SampleSynthFixture : IDisposable
{
    private readonly TempDirectory _out = new();

    public SampleSynthFixture()
    {
        var cli = new CliRun(Repository.Root);
        Result = cli.Run("synth", "--json", "--out", _out.Path);
        Report = JsonNode.Parse(Result.Output)!.AsObject();
        Template = JsonNode.Parse(File.ReadAllText(Path.Combine(_out.Path, "ublog.template.json")))!.AsObject();
    }

    internal CliResult Result { get; }

    public JsonObject Report { get; }

    public JsonObject Template { get; }

    public IEnumerable<JsonObject> Resources(string type) =>
        Template["Resources"]!.AsObject().Select(r => r.Value!.AsObject()).Where(r => (string?)r["Type"] == type);

    public void Dispose() => _out.Dispose();
}
