namespace DjangoCdk.Cli;

/// <summary>
/// Draws a synthesized app's request path and data stores: users, DNS, CloudFront, the load balancer (or the
/// DjangoEks Ingress), web, each Celery worker, beat, the release phase, PostgreSQL, Redis, the buckets, the DockerEc2
/// host and S3BucketResources' IAM user, one group per stack. Reads only the templates: nothing is deployed or looked up.
/// </summary>
public static class DiagramBuilder
{
    /// <summary>The ID of the one node outside every stack, the people using the site.</summary>
    public const string UsersNodeId = "users";

    /// <summary>The diagram of <paramref name="stacks"/> (as <see cref="CloudAssemblyReader.Read"/> returns them); stacks with nothing to draw get no group.</summary>
    public static ArchitectureDiagram Build(IReadOnlyList<SynthesizedStack> stacks)
    {
        var groups = new List<DiagramGroup>();
        var nodes = new List<DiagramNode>();
        var edges = new List<DiagramEdge>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal) { UsersNodeId };
        foreach (var stack in stacks)
        {
            var groupId = UniqueGroupId(groups, "stack_" + TemplateText.Slug(stack.StackName));
            var (stackNodes, stackEdges) = StackDiagramReader.Read(stack, groupId, usedIds);
            if (stackNodes.Count == 0) continue;
            groups.Add(new DiagramGroup(groupId, stack.Region is null ? stack.StackName : $"{stack.StackName} ({stack.Region})"));
            nodes.AddRange(stackNodes);
            edges.AddRange(stackEdges);
        }

        if (nodes.Count == 0) return new ArchitectureDiagram(groups, nodes, []);

        // Users reach every DNS name, and every distribution, load balancer or host no DNS name or distribution leads to.
        var reached = edges.Select(e => e.To).ToHashSet();
        var entries = nodes.Where(n => n.Kind == NodeKind.Dns
            || (n.Kind is NodeKind.Cdn or NodeKind.LoadBalancer or NodeKind.Host && !reached.Contains(n.Id)));
        var userEdges = entries.Select(n => new DiagramEdge(UsersNodeId, n.Id)).ToList();
        nodes.Insert(0, new DiagramNode(UsersNodeId, NodeKind.Users, "Users (internet)", null));
        return new ArchitectureDiagram(groups, nodes, userEdges.Concat(edges).Distinct().ToList());
    }

    private static string UniqueGroupId(List<DiagramGroup> groups, string id)
    {
        var unique = id;
        for (var i = 2; groups.Any(g => g.Id == unique); i++) unique = $"{id}_{i}";
        return unique;
    }
}
