using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.RDS;
using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;
using Constructs;

namespace DjangoCdk;

/// <summary>What the shared PostgreSQL piece needs to know.</summary>
internal sealed record PostgresDatabaseOptions(
    IVpc Vpc,
    InstanceType InstanceType,
    int AllocatedStorageGiB,
    bool MultiAz,
    string DatabaseName,
    int BackupRetentionDays);

/// <summary>
/// RDS for PostgreSQL as every DjangoCdk construct deploys it: current engine, encrypted storage that grows on demand,
/// automated backups, a final snapshot when the stack is deleted, isolated subnets, logs kept 30 days, and a password
/// generated in Secrets Manager (kept when the stack is deleted, so the snapshot stays usable; removed only when the
/// deployment that created it rolls back). Deletion protection is not set here but by <see cref="DatabaseProtection"/>
/// once a deployment has succeeded, so that a failed first deployment can roll back.
/// </summary>
internal static class PostgresDatabase
{
    /// <summary>
    /// PostgreSQL 17, the newest major version RDS offers. Only the major is pinned: RDS creates the instance with its
    /// current default minor version (a pinned minor is eventually withdrawn for new instances) and upgrades minors in
    /// the maintenance window. Amazon.CDK.Lib 2.160 has no constant for 17, hence <c>Of</c>.
    /// </summary>
    public static readonly PostgresEngineVersion EngineVersion = PostgresEngineVersion.Of("17", "17");

    public static DatabaseInstance Create(Construct scope, string id, PostgresDatabaseOptions options)
    {
        var instance = new DatabaseInstance(scope, id, new DatabaseInstanceProps
        {
            Engine = DatabaseInstanceEngine.Postgres(new PostgresInstanceEngineProps { Version = EngineVersion }),
            InstanceType = options.InstanceType,
            Vpc = options.Vpc,
            VpcSubnets = Network.DataSubnets(options.Vpc),
            Credentials = Credentials.FromGeneratedSecret(Defaults.DatabaseUsername, new CredentialsBaseOptions
            {
                // Characters that break connection URLs or shell quoting when users copy the password.
                ExcludeCharacters = " %+~`#$&*()|[]{}:;<>?!'/@\"\\",
            }),
            DatabaseName = options.DatabaseName,
            Port = Defaults.PostgresPort,
            AllocatedStorage = options.AllocatedStorageGiB,
            MaxAllocatedStorage = Math.Max(options.AllocatedStorageGiB, Defaults.DatabaseMaxAllocatedStorageGiB),
            StorageType = StorageType.GP3,
            StorageEncrypted = true,
            MultiAz = options.MultiAz,
            BackupRetention = Duration.Days(options.BackupRetentionDays),
            // Off at creation so a failed first deployment can delete it; DatabaseProtection turns it on afterwards.
            DeletionProtection = false,
            RemovalPolicy = RemovalPolicy.SNAPSHOT,
            AutoMinorVersionUpgrade = true,
            CloudwatchLogsExports = ["postgresql", "upgrade"],
            // RDS creates the export log groups itself, without retention; the CDK's LogRetention function sets it.
            CloudwatchLogsRetention = Amazon.CDK.AWS.Logs.RetentionDays.ONE_MONTH,
            PubliclyAccessible = false,
            CopyTagsToSnapshot = true,
        });
        // instance.Secret is the attachment; the generated secret itself is the child "Secret".
        var secret = (DatabaseSecret)instance.Node.FindChild("Secret");
        // Kept on deletion and replacement (the final snapshot needs it), removed only if the deployment that created it rolls back.
        secret.ApplyRemovalPolicy(RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE);

        var suppressions = new List<NagSuppression>
        {
            new("AwsSolutions-RDS11", "The standard PostgreSQL port is kept so Django and tooling work unchanged; the instance sits in isolated subnets and its security group admits only the application's tasks."),
        };
        if (!options.MultiAz)
        {
            suppressions.Add(new("AwsSolutions-RDS3", "Single-AZ is the cost-conscious default for small Django apps; daily backups and point-in-time recovery protect the data, and MultiAz (DatabaseMultiAz) is one prop away for production."));
        }

        NagSuppressions.Add(instance, suppressions.ToArray());
        NagSuppressions.Add(secret, new NagSuppression("AwsSolutions-SMG4",
            "The password is injected into running tasks at start; rotating it underneath them would break their database connections. Rotate by redeploying after a manual rotation, as documented."));
        return instance;
    }
}
