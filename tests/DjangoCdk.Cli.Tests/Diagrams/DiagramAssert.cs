using DjangoCdk.Cli;
using Xunit;

namespace DjangoCdk.Cli.Tests.Diagrams;

/// <summary>Finds nodes and edges of a built diagram by kind and label, with messages that list what is there.</summary>
internal static class DiagramAssert
{
    /// <summary>The one node of <paramref name="kind"/> whose label starts with <paramref name="labelStart"/>.</summary>
    public static DiagramNode Node(ArchitectureDiagram diagram, NodeKind kind, string labelStart = "")
    {
        var matches = diagram.Nodes.Where(n => n.Kind == kind && n.Label.StartsWith(labelStart, StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count == 1,
            $"Expected one {kind} node labelled '{labelStart}...', found {matches.Count} among:\n" + string.Join('\n', diagram.Nodes.Select(n => $"  {n.Kind} {n.Id}: {n.Label}")));
        return matches[0];
    }

    /// <summary>Asserts an edge from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static void Edge(ArchitectureDiagram diagram, DiagramNode from, DiagramNode to) =>
        Assert.True(diagram.Edges.Any(e => e.From == from.Id && e.To == to.Id),
            $"No edge {from.Id} -> {to.Id} among:\n" + string.Join('\n', diagram.Edges.Select(e => $"  {e.From} -> {e.To}")));
}
