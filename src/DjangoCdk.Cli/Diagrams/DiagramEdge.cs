namespace DjangoCdk.Cli;

/// <summary>One arrow of an <see cref="ArchitectureDiagram"/>: a request or a connection from one node to another.</summary>
/// <param name="From">The <see cref="DiagramNode.Id"/> the arrow starts at.</param>
/// <param name="To">The <see cref="DiagramNode.Id"/> the arrow points to.</param>
/// <param name="Label">Text on the arrow (e.g. the origin's domain name), or null for none.</param>
public sealed record DiagramEdge(string From, string To, string? Label = null);
