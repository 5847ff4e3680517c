namespace DjangoCdk.Cli;

/// <summary>One box of an <see cref="ArchitectureDiagram"/>.</summary>
/// <param name="Id">A stable identifier of letters, digits and underscores, safe as a Mermaid and a DOT node ID.</param>
/// <param name="Kind">What the node stands for.</param>
/// <param name="Label">The text shown, e.g. "web (ECS Fargate, 0.5 vCPU / 1 GB)"; renderers escape it.</param>
/// <param name="GroupId">The <see cref="DiagramGroup.Id"/> the node is drawn in (its stack), or null for a node outside every stack (the users).</param>
public sealed record DiagramNode(string Id, NodeKind Kind, string Label, string? GroupId);
