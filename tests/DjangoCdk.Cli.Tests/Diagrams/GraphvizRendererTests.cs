using DjangoCdk.Cli;
using Xunit;

namespace DjangoCdk.Cli.Tests.Diagrams;

public sealed class GraphvizRendererTests
{
    private const string Dot = "digraph architecture {\n}\n";

    [Fact]
    public void Dot_runs_with_the_format_the_output_file_and_a_file_holding_the_DOT_text()
    {
        // Given Graphviz installed
        var processes = new FakeProcessRunner { Installed = { "dot" } };
        string? input = null;
        processes.OnRun = command => input = File.ReadAllText(command.Arguments[^1]);

        // When an SVG is rendered
        GraphvizRenderer.Render(processes, Dot, "svg", "/out/architecture.svg");

        // Then dot -Tsvg -o <output> <temporary .dot file> ran once, the file holding the DOT text
        var command = Assert.Single(processes.Commands);
        Assert.Equal("dot", command.Program);
        Assert.Equal(["-Tsvg", "-o", "/out/architecture.svg"], command.Arguments.Take(3));
        Assert.EndsWith(".dot", command.Arguments[3]);
        Assert.Equal(4, command.Arguments.Count);
        Assert.Equal(Dot, input);
    }

    [Fact]
    public void The_temporary_DOT_file_is_removed_afterwards()
    {
        // Given Graphviz installed
        var processes = new FakeProcessRunner { Installed = { "dot" } };

        // When a PNG is rendered
        GraphvizRenderer.Render(processes, Dot, "png", "/out/architecture.png");

        // Then the input file is gone
        Assert.Equal("-Tpng", processes.Commands[0].Arguments[0]);
        Assert.False(File.Exists(processes.Commands[0].Arguments[3]));
    }

    [Fact]
    public void Missing_Graphviz_says_how_to_install_it_and_that_Mermaid_and_DOT_need_nothing()
    {
        // Given no dot program on PATH
        var processes = new FakeProcessRunner();

        // When an SVG is rendered
        var error = Assert.Throws<CliException>(() => GraphvizRenderer.Render(processes, Dot, "svg", "out.svg"));

        // Then the message names the install commands and the alternatives, and nothing ran
        Assert.Contains("Graphviz is not installed", error.Message);
        Assert.Contains("apt-get install graphviz", error.Message);
        Assert.Contains("brew install graphviz", error.Message);
        Assert.Contains("winget install graphviz", error.Message);
        Assert.Contains("Mermaid or DOT output, which need nothing installed", error.Message);
        Assert.Empty(processes.Commands);
    }

    [Fact]
    public void A_failing_dot_is_a_user_error_with_its_exit_code()
    {
        // Given dot exiting with 2
        var processes = new FakeProcessRunner { Installed = { "dot" }, RunExitCode = 2 };

        // When an SVG is rendered
        var error = Assert.Throws<CliException>(() => GraphvizRenderer.Render(processes, Dot, "svg", "out.svg"));

        // Then the message gives the exit code
        Assert.Contains("exit code 2", error.Message);
        Assert.Equal(ExitCode.UserError, error.ExitCode);
    }

    [Theory]
    [InlineData("pdf")]
    [InlineData("SVG")]
    [InlineData("")]
    public void Only_svg_and_png_are_accepted(string format)
    {
        // Given Graphviz installed
        var processes = new FakeProcessRunner { Installed = { "dot" } };

        // When another format is asked for
        var error = Assert.Throws<CliException>(() => GraphvizRenderer.Render(processes, Dot, format, "out"));

        // Then it is refused before dot runs
        Assert.Contains("use svg or png", error.Message);
        Assert.Empty(processes.Commands);
    }
}
