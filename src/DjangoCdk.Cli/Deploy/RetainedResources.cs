namespace DjangoCdk.Cli;

/// <summary>What survives <c>django-cdk destroy</c>: the resources whose deletion policy keeps them or a snapshot of them.</summary>
public static class RetainedResources
{
    /// <summary>One kept resource: its stack, logical ID, type and what deletion does to it.</summary>
    public sealed record Kept(string StackName, string LogicalId, string Type, string Fate);

    /// <summary>The kept resources of the synthesized templates.</summary>
    public static IReadOnlyList<Kept> Of(IEnumerable<SynthesizedStack> stacks) =>
        stacks.SelectMany(stack => stack.Resources.Select(r => (stack.StackName, r.LogicalId, Type: (string?)r.Resource["Type"] ?? "", Policy: (string?)r.Resource["DeletionPolicy"])))
            .Where(r => r.Policy is "Retain" or "Snapshot" or "RetainExceptOnCreate")
            .Select(r => new Kept(r.StackName, r.LogicalId, r.Type, r.Policy == "Snapshot"
                ? "deleted after a final snapshot, which is kept"
                : "kept, and billed until you delete it"))
            .ToList();
}
