using System.Text;

namespace DjangoCdk.Cli;

/// <summary>Writes an <see cref="ArchitectureDiagram"/> in Graphviz's DOT language, for <c>dot -Tsvg</c> or any DOT viewer.</summary>
public static class DotRenderer
{
    /// <summary>The graph text: a <c>digraph</c> laid out left to right, a <c>cluster_</c> subgraph per group, every ID and label double-quoted.</summary>
    public static string Render(ArchitectureDiagram diagram)
    {
        var text = new StringBuilder();
        text.Append("digraph architecture {\n");
        text.Append("    rankdir=LR;\n");
        text.Append("    graph [fontname=\"Helvetica\", fontsize=12];\n");
        text.Append("    node [shape=box, style=filled, fontname=\"Helvetica\", fontsize=11];\n");
        text.Append("    edge [fontname=\"Helvetica\", fontsize=9];\n");
        foreach (var node in diagram.NodesIn(null)) text.Append("    ").Append(Node(node)).Append('\n');
        foreach (var group in diagram.Groups)
        {
            text.Append("    subgraph ").Append(Quote("cluster_" + group.Id)).Append(" {\n");
            text.Append("        label=").Append(Quote(group.Label)).Append(";\n");
            text.Append("        style=\"rounded,dashed\";\n");
            foreach (var node in diagram.NodesIn(group.Id)) text.Append("        ").Append(Node(node)).Append('\n');
            text.Append("    }\n");
        }

        foreach (var edge in diagram.Edges)
        {
            text.Append("    ").Append(Quote(edge.From)).Append(" -> ").Append(Quote(edge.To));
            if (edge.Label is not null) text.Append(" [label=").Append(Quote(edge.Label)).Append(']');
            text.Append(";\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    /// <summary>A DOT double-quoted string: backslashes and quotes escaped, line breaks as <c>\n</c>; brackets and angle brackets need nothing inside quotes.</summary>
    public static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", "", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static string Node(DiagramNode node)
    {
        var shape = node.Kind switch
        {
            NodeKind.Users => "ellipse",
            NodeKind.Dns => "hexagon",
            NodeKind.Database or NodeKind.Cache or NodeKind.Bucket => "cylinder",
            NodeKind.Host => "box3d",
            NodeKind.IamUser => "parallelogram",
            _ => "box",
        };
        var style = shape == "box" ? ", style=\"rounded,filled\"" : "";
        return $"{Quote(node.Id)} [label={Quote(node.Label)}, shape={shape}{style}, fillcolor={Quote(NodeColors.Fill(node.Kind))}];";
    }
}
