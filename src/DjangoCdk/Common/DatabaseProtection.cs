using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.CustomResources;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// Turns on RDS deletion protection as the last step of a successful deployment. The instance is created without it,
/// so a first deployment that fails (a migration, a missing parameter) rolls back cleanly instead of stopping at a
/// database CloudFormation may not delete (ROLLBACK_FAILED, with an instance left running and billing). Once this
/// resource exists the instance cannot be deleted by accident: a stack deletion stops at it until protection is
/// turned off by hand, and the instance's DeletionPolicy still takes a final snapshot. Nothing is undone on delete.
/// Make it depend on everything that must succeed first (<see cref="Construct.Node"/>.AddDependency).
/// </summary>
internal sealed class DatabaseProtection : Construct
{
    internal const string ResourceId = "Resource";

    public DatabaseProtection(Construct scope, string id, DatabaseInstance database) : base(scope, id)
    {
        var call = new AwsSdkCall
        {
            Service = "RDS",
            Action = "modifyDBInstance",
            Parameters = new Dictionary<string, object>
            {
                ["DBInstanceIdentifier"] = database.InstanceIdentifier,
                ["DeletionProtection"] = true,
                ["ApplyImmediately"] = true,
            },
            PhysicalResourceId = PhysicalResourceId.Of("deletion-protection-" + database.InstanceIdentifier),
        };
        Resource = new AwsCustomResource(this, ResourceId, new AwsCustomResourceProps
        {
            OnCreate = call,
            OnUpdate = call,
            Policy = AwsCustomResourcePolicy.FromStatements(
            [
                new PolicyStatement(new PolicyStatementProps { Actions = ["rds:ModifyDBInstance"], Resources = [database.InstanceArn] }),
            ]),
            InstallLatestAwsSdk = false,
            Timeout = Amazon.CDK.Duration.Minutes(2),
        });
        Resource.Node.AddDependency(database);
    }

    /// <summary>The custom resource that enables protection.</summary>
    public AwsCustomResource Resource { get; }
}
