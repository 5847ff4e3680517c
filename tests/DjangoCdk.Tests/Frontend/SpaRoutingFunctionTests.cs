using System.Diagnostics;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Frontend;

/// <summary>The routing function's JavaScript: shipped as spa-routing.js, run under Node with tests/frontend-function/spa-routing.test.js.</summary>
public sealed class SpaRoutingFunctionTests(StaticSiteDefaultsFixture fixture) : IClassFixture<StaticSiteDefaultsFixture>
{
    private static string SourceFile => Path.Combine(TestStacks.RepositoryRoot, "src", "DjangoCdk", "Frontend", "SpaRouting", "spa-routing.js");

    [Fact]
    public void The_assembly_ships_the_function_that_the_repository_tests()
    {
        // The Node tests run the file in src/; the template inlines what the assembly embeds: they must be the same bytes.
        Assert.Equal(File.ReadAllBytes(SourceFile), SpaRoutingFunction.Source());
    }

    [Fact]
    public void The_template_inlines_the_file_without_its_final_newline()
    {
        var onDisk = File.ReadAllText(SourceFile);

        Assert.EndsWith("\n", onDisk, StringComparison.Ordinal);
        Assert.Equal(onDisk.TrimEnd('\n'), SpaRoutingFunction.Code);
    }

    [Fact]
    public async Task Synthesized_routing_function_passes_its_node_tests()
    {
        // Given the function code exactly as the template deploys it
        var code = new Capture();
        fixture.Template.HasResourceProperties("AWS::CloudFront::Function", new Dictionary<string, object> { ["FunctionCode"] = code });
        var file = Path.Combine(Directory.CreateTempSubdirectory("djangocdk-spa-function-").FullName, "spa-routing.js");
        File.WriteAllText(file, code.AsString());

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
