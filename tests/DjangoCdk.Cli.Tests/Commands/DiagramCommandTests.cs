using Xunit;

namespace DjangoCdk.Cli.Tests.Commands;

public sealed class DiagramCommandTests
{
    [Fact]
    public void Diagram_prints_a_mermaid_flowchart_of_the_app()
    {
        using var project = ConfigProject.Ecs("nat_strategy: single_gateway");

        var result = project.Run("diagram");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("flowchart LR", result.Output);
        Assert.Contains("web (ECS Fargate", result.Output);
        Assert.Contains("PostgreSQL", result.Output);
    }

    [Fact]
    public void A_printed_diagram_is_the_whole_output_so_it_can_be_redirected_to_a_file()
    {
        using var project = ConfigProject.Ecs("nat_strategy: single_gateway");

        var result = project.Run("diagram", "--format", "dot");

        Assert.StartsWith("digraph", result.Output.TrimStart());
        Assert.EndsWith("}", result.Output.TrimEnd());
    }

    [Fact]
    public void A_picture_without_graphviz_says_how_to_install_it()
    {
        using var project = ConfigProject.Ecs("nat_strategy: single_gateway");

        var result = project.Run("diagram", "--format", "svg");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Graphviz", result.Output);
    }

    [Fact]
    public void An_unknown_format_is_refused_with_the_allowed_ones()
    {
        using var project = ConfigProject.Ecs();

        var result = project.Run("diagram", "--format", "svgg");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--format 'svgg' is not allowed. Did you mean 'svg'? Allowed: mermaid, dot, svg, png.", result.Output);
    }
}
