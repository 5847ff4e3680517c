using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

namespace DjangoCdk;

/// <summary>PostgreSQL, Redis and the SECRET_KEY of one Django application.</summary>
internal sealed record DataStores(DatabaseInstance Database, RedisCache Cache, ISecret SecretKey)
{
    /// <summary>Construct IDs: renaming one replaces the database, cache or key, so they are stable API.</summary>
    internal const string DatabaseId = "Database";
    internal const string CacheId = "Cache";
    internal const string SecretKeyId = "SecretKey";

    /// <summary>Creates the three under <paramref name="scope"/>, each reachable only from <paramref name="app"/>.</summary>
    public static DataStores Create(Construct scope, IVpc vpc, DatabaseSettings database, string cacheNodeType, ISecurityGroup app)
    {
        var instance = PostgresDatabase.Create(scope, DatabaseId, new PostgresDatabaseOptions(
            vpc, database.InstanceType ?? new InstanceType(Defaults.DatabaseInstanceType), database.AllocatedStorageGiB,
            database.MultiAz, database.Name, database.BackupRetentionDays));
        instance.Connections.AllowFrom(app, Port.Tcp(Defaults.PostgresPort), "PostgreSQL from the Django application");
        var cache = new RedisCache(scope, CacheId, vpc, cacheNodeType);
        cache.AllowFrom(app);
        var secretKey = new Amazon.CDK.AWS.SecretsManager.Secret(scope, SecretKeyId, new SecretProps
        {
            Description = "Django SECRET_KEY",
            GenerateSecretString = new SecretStringGenerator { PasswordLength = 64, ExcludeCharacters = "'\"\\` $%" },
            // A new value logs every user out and invalidates signed tokens: kept on deletion and replacement (removed
            // only when the deployment that created it rolls back). The generator settings above are pinned by a test.
            RemovalPolicy = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
        });
        NagSuppressions.Add(secretKey, new NagSuppression("AwsSolutions-SMG4",
            "Rotating SECRET_KEY invalidates every session and signed token; Django 4.1+ supports SECRET_KEY_FALLBACKS for a planned rotation, which is a deliberate operation rather than a schedule."));
        return new DataStores(instance, cache, secretKey);
    }

    /// <summary>
    /// Deletion protection last: only a deployment in which everything else under <paramref name="scope"/> succeeded
    /// turns it on (see <see cref="DatabaseProtection"/>); with <paramref name="protect"/> false, none.
    /// </summary>
    public DatabaseProtection? Protect(Construct scope, string id, bool protect)
    {
        if (!protect)
        {
            NagSuppressions.Add(Database, new NagSuppression("AwsSolutions-RDS10",
                "DatabaseDeletionProtection is explicitly false for this app (e.g. a preview environment); deleting the stack still takes a final snapshot (DeletionPolicy Snapshot)."));
            return null;
        }

        var siblings = scope.Node.Children.ToArray();
        var protection = new DatabaseProtection(scope, id, Database);
        protection.Node.AddDependency(siblings);
        NagSuppressions.Add(Database, new NagSuppression("AwsSolutions-RDS10",
            "Deletion protection is turned on by the DatabaseProtection step as the last resource of every successful deployment, not at creation, so that a failed first deployment can roll back and delete the new instance instead of ending in ROLLBACK_FAILED."));
        return protection;
    }
}
