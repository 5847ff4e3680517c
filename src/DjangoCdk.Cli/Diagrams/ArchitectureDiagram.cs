namespace DjangoCdk.Cli;

/// <summary>
/// The request path and data stores of a synthesized app, independent of any drawing format: built by
/// <see cref="DiagramBuilder"/>, drawn by <see cref="MermaidRenderer"/> and <see cref="DotRenderer"/>.
/// </summary>
/// <param name="Groups">The frames (one per stack that has something to draw), in stack order.</param>
/// <param name="Nodes">The boxes, in the order they were found; every <see cref="DiagramNode.GroupId"/> names one of <paramref name="Groups"/> or is null.</param>
/// <param name="Edges">The arrows, without duplicates; each connects two of <paramref name="Nodes"/>.</param>
public sealed record ArchitectureDiagram(IReadOnlyList<DiagramGroup> Groups, IReadOnlyList<DiagramNode> Nodes, IReadOnlyList<DiagramEdge> Edges)
{
    /// <summary>The nodes drawn inside <paramref name="groupId"/> (null: the nodes outside every group).</summary>
    public IEnumerable<DiagramNode> NodesIn(string? groupId) => Nodes.Where(n => n.GroupId == groupId);
}
