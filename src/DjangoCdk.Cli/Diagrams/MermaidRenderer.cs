using System.Text;

namespace DjangoCdk.Cli;

/// <summary>Writes an <see cref="ArchitectureDiagram"/> as a Mermaid flowchart, which GitHub renders in a ```mermaid block.</summary>
public static class MermaidRenderer
{
    /// <summary>The flowchart text: <c>flowchart LR</c>, a subgraph per group, then the edges (<c>a --&gt; b</c>) and a style class per node kind.</summary>
    public static string Render(ArchitectureDiagram diagram)
    {
        var text = new StringBuilder();
        text.Append("flowchart LR\n");
        foreach (var node in diagram.NodesIn(null)) text.Append("    ").Append(Node(node)).Append('\n');
        foreach (var group in diagram.Groups)
        {
            text.Append("    subgraph ").Append(group.Id).Append("[\"").Append(Escape(group.Label)).Append("\"]\n");
            foreach (var node in diagram.NodesIn(group.Id)) text.Append("        ").Append(Node(node)).Append('\n');
            text.Append("    end\n");
        }

        foreach (var edge in diagram.Edges)
        {
            text.Append("    ").Append(edge.From).Append(" -->");
            if (edge.Label is not null) text.Append("|\"").Append(Escape(edge.Label)).Append("\"|");
            text.Append(' ').Append(edge.To).Append('\n');
        }

        foreach (var kind in diagram.Nodes.Select(n => n.Kind).Distinct())
        {
            var className = ClassName(kind);
            text.Append("    classDef ").Append(className).Append(" fill:").Append(NodeColors.Fill(kind)).Append(",stroke:#555\n");
            text.Append("    class ").Append(string.Join(',', diagram.Nodes.Where(n => n.Kind == kind).Select(n => n.Id))).Append(' ').Append(className).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// A label safe inside Mermaid's double quotes: quotes, angle brackets, ampersands, hashes and backticks become
    /// Mermaid entity codes (<c>#quot;</c>, <c>#lt;</c>...), line breaks spaces. Brackets need nothing inside quotes.
    /// </summary>
    public static string Escape(string label)
    {
        var text = new StringBuilder(label.Length);
        foreach (var c in label)
        {
            text.Append(c switch
            {
                '#' => "#35;",
                '"' => "#quot;",
                '<' => "#lt;",
                '>' => "#gt;",
                '&' => "#amp;",
                '`' => "#96;",
                '\r' => "",
                '\n' => " ",
                _ => c.ToString(),
            });
        }

        return text.ToString();
    }

    private static string Node(DiagramNode node)
    {
        var (open, close) = node.Kind switch
        {
            NodeKind.Users => ("([", "])"),
            NodeKind.Dns => ("{{", "}}"),
            NodeKind.Cdn or NodeKind.LoadBalancer => ("(", ")"),
            NodeKind.Database or NodeKind.Cache or NodeKind.Bucket => ("[(", ")]"),
            NodeKind.Host => ("[[", "]]"),
            NodeKind.IamUser => ("[/", "/]"),
            _ => ("[", "]"),
        };
        return $"{node.Id}{open}\"{Escape(node.Label)}\"{close}";
    }

    private static string ClassName(NodeKind kind) => "kind" + kind;
}
