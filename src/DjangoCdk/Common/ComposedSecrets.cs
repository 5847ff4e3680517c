using Amazon.CDK;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// The Secrets Manager secrets that hold the composed values an alias asks for (<see cref="ComposedValues"/>), created
/// only then. Their SecretString is text with CloudFormation dynamic references to the secrets they derive from, so the
/// template holds <c>{{resolve:secretsmanager:...}}</c> and never a password; CloudFormation resolves the references
/// when it creates or updates the secret (never in Init metadata or a custom resource, where they are not allowed).
/// Encrypted with the account's Secrets Manager key, like the secrets they derive from.
/// </summary>
internal static class ComposedSecrets
{
    /// <summary>Construct IDs, under the construct: stable API, as for every secret.</summary>
    internal const string DatabaseUrlId = "DatabaseUrl";
    internal const string RedisUrlId = "RedisUrl";

    /// <summary>As the database secrets (PostgresDatabase's, DockerEc2's): kept on deletion and replacement, removed only when the deployment that created it rolls back.</summary>
    internal static readonly RemovalPolicy DatabaseUrlRemoval = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE;

    /// <summary>As the Redis AUTH token (RedisCache's): deleted with the stack, like the cache it opens.</summary>
    internal static readonly RemovalPolicy RedisUrlRemoval = RemovalPolicy.DESTROY;

    /// <summary>Why no rotation function: shared by every composed secret.</summary>
    private const string RotationReason =
        "This secret is composed by CloudFormation, through dynamic references, from {0}, which is not rotated by a function either ({1}); " +
        "a rotation function here would only break the derivation. CloudFormation re-resolves the references only when it updates this secret, so after a manual change of {0} the composed secret is refreshed by a deployment that changes it (docs/operations.md).";

    /// <summary>
    /// The composed secrets that <paramref name="targets"/> (the aliases' targets) need, by composed name: DATABASE_URL
    /// always, REDIS_URL only when the cache has a password. Each is removed or kept like the secret it derives from.
    /// </summary>
    public static IReadOnlyDictionary<string, ISecret> Create(Construct scope, IEnumerable<string> targets, DjangoEnvironment contract)
    {
        var wanted = targets.ToHashSet(StringComparer.Ordinal);
        var secrets = new Dictionary<string, ISecret>(StringComparer.Ordinal);
        if (wanted.Contains(DjangoEnvironment.DatabaseUrl))
        {
            secrets[DjangoEnvironment.DatabaseUrl] = New(scope, DatabaseUrlId, "DATABASE_URL of the Django app, composed by CloudFormation from the database secret",
                contract.DatabaseUrlValue, DatabaseUrlRemoval,
                string.Format(System.Globalization.CultureInfo.InvariantCulture, RotationReason, "the database password", "tasks read it at start; rotating it underneath them would break their connections"));
        }

        if (wanted.Contains(DjangoEnvironment.RedisUrl) && contract.RedisUrlIsSecret)
        {
            secrets[DjangoEnvironment.RedisUrl] = New(scope, RedisUrlId, "REDIS_URL of the Django app, composed by CloudFormation from the Redis AUTH token",
                contract.RedisUrlValue, RedisUrlRemoval,
                string.Format(System.Globalization.CultureInfo.InvariantCulture, RotationReason, "the Redis AUTH token", "ElastiCache reads it only when the replication group is modified"));
        }

        return secrets;
    }

    private static Secret New(Construct scope, string id, string description, string value, RemovalPolicy removal, string rotationReason)
    {
        var secret = new Secret(scope, id, new SecretProps
        {
            Description = description,
            SecretStringValue = SecretValue.UnsafePlainText(value),
            RemovalPolicy = removal,
        });
        NagSuppressions.Add(secret, new NagSuppression("AwsSolutions-SMG4", rotationReason));
        return secret;
    }
}
