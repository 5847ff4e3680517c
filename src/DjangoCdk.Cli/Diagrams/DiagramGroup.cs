namespace DjangoCdk.Cli;

/// <summary>A frame around nodes: one stack (a Mermaid subgraph, a DOT cluster).</summary>
/// <param name="Id">A stable identifier of letters, digits and underscores.</param>
/// <param name="Label">The text shown, e.g. the stack's name and region.</param>
public sealed record DiagramGroup(string Id, string Label);
