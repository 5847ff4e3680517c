using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElastiCache;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// ElastiCache for Redis as every DjangoCdk construct deploys it (Celery broker and Django cache): encrypted at rest
/// and in transit, Redis AUTH with a token generated in Secrets Manager, isolated subnets, reachable only from the
/// security groups that are allowed in.
/// </summary>
internal sealed class RedisCache : Construct
{
    internal const string SubnetGroupId = "SubnetGroup";
    internal const string SecurityGroupId = "SecurityGroup";
    internal const string AuthTokenId = "AuthToken";
    internal const string ReplicationGroupId = "ReplicationGroup";

    public RedisCache(Construct scope, string id, IVpc vpc, string nodeType) : base(scope, id)
    {
        var subnets = vpc.SelectSubnets(Network.DataSubnets(vpc));
        var subnetGroup = new CfnSubnetGroup(this, SubnetGroupId, new CfnSubnetGroupProps
        {
            Description = "Subnets of the Django Redis cache",
            SubnetIds = subnets.SubnetIds,
        });

        SecurityGroup = new SecurityGroup(this, SecurityGroupId, new SecurityGroupProps
        {
            Vpc = vpc,
            // EC2 accepts only a-z A-Z 0-9 spaces and ._-:/()#,@[]+=&;{}!$* in descriptions (no apostrophe).
            Description = "Django Redis cache: reachable only from the application tasks",
            AllowAllOutbound = false,
        });

        AuthToken = new Secret(this, AuthTokenId, new SecretProps
        {
            Description = "Redis AUTH token of the Django cache",
            GenerateSecretString = new SecretStringGenerator { PasswordLength = 64, ExcludePunctuation = true },
        });
        NagSuppressions.Add(AuthToken, new NagSuppression("AwsSolutions-SMG4",
            "ElastiCache reads the AUTH token only when the replication group is modified; rotating the secret alone would lock the application out. Rotate with ElastiCache's two-token ROTATE then SET procedure (docs/operations.md)."));

        ReplicationGroup = new CfnReplicationGroup(this, ReplicationGroupId, new CfnReplicationGroupProps
        {
            ReplicationGroupDescription = "Django cache and Celery broker",
            Engine = "redis",
            EngineVersion = Defaults.RedisEngineVersion,
            CacheNodeType = nodeType,
            NumCacheClusters = 1,
            AutomaticFailoverEnabled = false,
            CacheSubnetGroupName = subnetGroup.Ref,
            SecurityGroupIds = [SecurityGroup.SecurityGroupId],
            Port = Defaults.RedisPort,
            AtRestEncryptionEnabled = true,
            TransitEncryptionEnabled = true,
            AuthToken = AuthToken.SecretValue.UnsafeUnwrap(),
            SnapshotRetentionLimit = 1,
            AutoMinorVersionUpgrade = true,
        });
        NagSuppressions.Add(ReplicationGroup,
            new NagSuppression("AwsSolutions-AEC4", "One node is the cost-conscious default: the cache holds disposable data and Celery messages that producers can re-enqueue; a daily snapshot is kept."),
            new NagSuppression("AwsSolutions-AEC5", "The standard Redis port is kept so Celery and Django work unchanged; the cache sits in isolated subnets, requires TLS and AUTH, and admits only the application's tasks."));
    }

    /// <summary>The security group of the cache; allow the application in with <see cref="AllowFrom"/>.</summary>
    public SecurityGroup SecurityGroup { get; }

    /// <summary>The generated Redis AUTH token.</summary>
    public Secret AuthToken { get; }

    /// <summary>The replication group.</summary>
    public CfnReplicationGroup ReplicationGroup { get; }

    /// <summary>The primary endpoint host name.</summary>
    public string Host => ReplicationGroup.AttrPrimaryEndPointAddress;

    /// <summary>Admits <paramref name="peer"/> to the Redis port.</summary>
    public void AllowFrom(ISecurityGroup peer) =>
        SecurityGroup.AddIngressRule(peer, Port.Tcp(Defaults.RedisPort), "Redis from the Django application");
}
