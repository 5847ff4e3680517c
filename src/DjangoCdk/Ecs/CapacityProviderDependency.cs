using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.JSII.Runtime.Deputy;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// Orders every service of a cluster after the cluster's capacity-provider association. A service that uses
/// FARGATE_SPOT fails to create while the association is still being made, and a stack deletion that removes the
/// association before the service ends in DELETE_FAILED; the CDK orders neither. The association only exists once
/// the cluster's own aspect has run at synthesis, hence an aspect here too (it visits the cluster before the services
/// created after it).
/// </summary>
internal sealed class CapacityProviderDependency(Cluster cluster) : DeputyBase, IAspect
{
    /// <summary>The construct ID the CDK gives the association: the cluster's own ID, under the cluster.</summary>
    private string AssociationId => cluster.Node.Id;

    public void Visit(IConstruct node)
    {
        if (node is not FargateService service) return;
        if (cluster.Node.TryFindChild(AssociationId) is CfnClusterCapacityProviderAssociations association)
            service.Node.AddDependency(association);
    }
}
