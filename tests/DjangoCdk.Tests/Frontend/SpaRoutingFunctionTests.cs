using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Frontend;

/// <summary>The routing function's JavaScript, run under Node with tests/frontend-function/spa-routing.test.js.</summary>
public sealed class SpaRoutingFunctionTests(StaticSiteDefaultsFixture fixture) : IClassFixture<StaticSiteDefaultsFixture>
{
    [Fact]
    public async Task Synthesized_routing_function_passes_its_node_tests()
    {
        // Given the function code exactly as the template deploys it
        var functions = JsonNode.Parse(JsonSerializer.Serialize(fixture.Template.FindResources("AWS::CloudFront::Function")))!.AsObject();
        var code = Assert.Single(functions).Value!["Properties"]!["FunctionCode"]!.GetValue<string>();
        var file = Path.Combine(Directory.CreateTempSubdirectory("djangocdk-spa-function-").FullName, "spa-routing.js");
        File.WriteAllText(file, code);

        // When node:test runs the harness against it
        var start = new ProcessStartInfo("node", ["--test", Path.Combine("tests", "frontend-function", "spa-routing.test.js")])
        {
            WorkingDirectory = TestStacks.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["SPA_FUNCTION_FILE"] = file },
        };
        using var node = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = node.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = node.StandardError.ReadToEndAsync(timeout.Token);
        await node.WaitForExitAsync(timeout.Token);
        var output = await stdout + "\n" + await stderr;

        // Then every case passes (CDK objects are only touched before the first await: the runtime is single-threaded)
        Assert.True(node.ExitCode == 0, $"node --test failed (exit {node.ExitCode}):\n{output}");
        Assert.Contains("# fail 0", output, StringComparison.Ordinal);
    }
}
