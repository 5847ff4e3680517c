using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// Orders every service of a cluster after the cluster's capacity-provider association. A service that uses
/// FARGATE_SPOT fails to create while the association is still being made, and a stack deletion that removes the
/// association before the service ends in DELETE_FAILED; the CDK orders neither. The association only exists once
/// the cluster's own aspect has run at synthesis, hence an aspect here too, added to the cluster after the CDK's
/// (so it runs right after it, on the cluster) and to the cluster only: an aspect written in C# is a call from the
/// CDK runtime into .NET for every construct it visits, and the cluster's subtree is a handful of constructs where
/// the app's is hundreds.
/// </summary>
internal sealed class CapacityProviderDependency(Cluster cluster, Func<IEnumerable<FargateService>> services) : DeputyBase, IAspect
{
    /// <summary>Adds the dependency, for the services <paramref name="services"/> returns at synthesis.</summary>
    public static void Apply(Cluster cluster, Func<IEnumerable<FargateService>> services) =>
        Aspects.Of(cluster).Add(new CapacityProviderDependency(cluster, services));

    /// <summary>The construct ID the CDK gives the association: the cluster's own ID, under the cluster.</summary>
    private string AssociationId => cluster.Node.Id;

    public void Visit(IConstruct node)
    {
        if (!ReferenceEquals(node, cluster) && node.Node.Path != cluster.Node.Path) return;
        if (cluster.Node.TryFindChild(AssociationId) is not CfnClusterCapacityProviderAssociations association) return;
        foreach (var service in services()) service.Node.AddDependency(association);
    }
}
