using DjangoCdk.Cli;
using Xunit;

namespace DjangoCdk.Cli.Tests.Diagrams;

public sealed class RendererTests
{
    /// <summary>Users → web (in stack "S") → database, with a label on the second edge.</summary>
    private static ArchitectureDiagram Small(string webLabel = "web") => new(
        [new DiagramGroup("stack_S", "S (us-east-1)")],
        [
            new DiagramNode("users", NodeKind.Users, "Users", null),
            new DiagramNode("S_web", NodeKind.WebService, webLabel, "stack_S"),
            new DiagramNode("S_database", NodeKind.Database, "PostgreSQL", "stack_S"),
        ],
        [new DiagramEdge("users", "S_web"), new DiagramEdge("S_web", "S_database", "5432")]);

    [Fact]
    public void Mermaid_output_is_a_left_to_right_flowchart()
    {
        // Given a small diagram
        // When it is rendered as Mermaid
        var mermaid = MermaidRenderer.Render(Small());

        // Then it starts with the flowchart header
        Assert.StartsWith("flowchart LR\n", mermaid);
    }

    [Fact]
    public void Mermaid_output_has_a_subgraph_per_group_holding_its_nodes()
    {
        // Given a diagram with one group
        // When it is rendered as Mermaid
        var mermaid = MermaidRenderer.Render(Small());

        // Then the group is a subgraph around its nodes, and the users node sits outside it
        Assert.Contains("    users([\"Users\"])\n    subgraph stack_S[\"S (us-east-1)\"]\n        S_web[\"web\"]\n        S_database[(\"PostgreSQL\")]\n    end\n", mermaid);
    }

    [Fact]
    public void Mermaid_edges_are_arrows_with_optional_labels()
    {
        // Given an unlabelled and a labelled edge
        // When they are rendered as Mermaid
        var mermaid = MermaidRenderer.Render(Small());

        // Then each is an arrow line
        Assert.Contains("    users --> S_web\n", mermaid);
        Assert.Contains("    S_web -->|\"5432\"| S_database\n", mermaid);
    }

    [Fact]
    public void Mermaid_labels_escape_quotes_and_angle_brackets()
    {
        // Given a label with quotes, brackets, angle brackets and a hash
        // When it is rendered as Mermaid
        var mermaid = MermaidRenderer.Render(Small("web \"api\" [x] <b> #1"));

        // Then quotes, angle brackets and the hash are entity codes and brackets stay inside the quoted label
        Assert.Contains("S_web[\"web #quot;api#quot; [x] #lt;b#gt; #35;1\"]", mermaid);
    }

    [Fact]
    public void DOT_output_is_a_digraph_with_a_cluster_per_group()
    {
        // Given a diagram with one group
        // When it is rendered as DOT
        var dot = DotRenderer.Render(Small());

        // Then it is a digraph whose group is a cluster subgraph holding its nodes
        Assert.StartsWith("digraph architecture {\n", dot);
        Assert.EndsWith("}\n", dot);
        Assert.Contains("    subgraph \"cluster_stack_S\" {\n        label=\"S (us-east-1)\";\n", dot);
        Assert.Contains("        \"S_database\" [label=\"PostgreSQL\", shape=cylinder", dot);
    }

    [Fact]
    public void DOT_edges_are_quoted_arrows_with_optional_labels()
    {
        // Given an unlabelled and a labelled edge
        // When they are rendered as DOT
        var dot = DotRenderer.Render(Small());

        // Then each is a quoted arrow statement
        Assert.Contains("    \"users\" -> \"S_web\";\n", dot);
        Assert.Contains("    \"S_web\" -> \"S_database\" [label=\"5432\"];\n", dot);
    }

    [Fact]
    public void DOT_labels_escape_quotes_and_backslashes()
    {
        // Given a label with quotes, brackets, angle brackets and a backslash
        // When it is rendered as DOT
        var dot = DotRenderer.Render(Small("web \"api\" [x] <b> C:\\"));

        // Then quotes and backslashes are escaped and the rest stays as is inside the quotes
        Assert.Contains("\"S_web\" [label=\"web \\\"api\\\" [x] <b> C:\\\\\",", dot);
    }
}
