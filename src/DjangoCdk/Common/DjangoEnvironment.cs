using System.Text.RegularExpressions;
using Amazon.CDK.AWS.SecretsManager;

namespace DjangoCdk;

/// <summary>A value the application receives from Secrets Manager at start, never as plain text.</summary>
/// <param name="Secret">The secret.</param>
/// <param name="Field">The JSON field of the secret, or null for the whole value.</param>
internal sealed record SecretReference(ISecret Secret, string? Field);

/// <summary>What the environment contract is computed from.</summary>
internal sealed record DjangoEnvironmentInputs(
    string SettingsModule,
    bool Debug,
    string AllowedHosts,
    string CsrfTrustedOrigins,
    string FrontendUrl,
    string AssetsDomain,
    string MediaDomain,
    bool Https,
    string HealthCheckPath,
    string DatabaseHost,
    string DatabasePort,
    string DatabaseName,
    ISecret DatabaseSecret,
    string RedisHost,
    ISecret? RedisAuthToken,
    string BucketName,
    string Region,
    ISecret SecretKey);

/// <summary>
/// The environment contract between DjangoCdk and a Django project: the variable names every construct sets, in one
/// place. Plain values are configuration only; passwords and keys are <see cref="SecretReference"/>s. The README's
/// "Environment contract" table documents the same names.
/// </summary>
internal sealed class DjangoEnvironment
{
    public const string SettingsModule = "DJANGO_SETTINGS_MODULE";
    public const string Debug = "DEBUG";
    public const string SecretKey = "DJANGO_SECRET_KEY";
    public const string AllowedHosts = "ALLOWED_HOSTS";
    public const string CsrfTrustedOrigins = "CSRF_TRUSTED_ORIGINS";
    public const string FrontendUrl = "FRONTEND_URL";
    public const string PostgresHost = "POSTGRES_SERVICE_HOST";
    public const string PostgresPort = "POSTGRES_SERVICE_PORT";
    public const string PostgresName = "POSTGRES_NAME";
    public const string PostgresUsername = "POSTGRES_USERNAME";
    public const string PostgresPassword = "POSTGRES_PASSWORD";
    public const string DbSecretName = "DB_SECRET_NAME";
    public const string RedisHost = "REDIS_SERVICE_HOST";
    public const string RedisPort = "REDIS_SERVICE_PORT";
    public const string RedisPassword = "REDIS_PASSWORD";
    public const string RedisTls = "REDIS_TLS";
    public const string S3BucketName = "S3_BUCKET_NAME";
    public const string StorageBucketName = "AWS_STORAGE_BUCKET_NAME";
    public const string S3Region = "AWS_S3_REGION_NAME";
    public const string AssetsDomain = "ASSETS_DOMAIN";
    public const string MediaDomain = "MEDIA_DOMAIN";
    public const string Https = "HTTPS";
    public const string HealthCheckPath = "HEALTH_CHECK_PATH";

    /// <summary>Every name the contract sets; users may not set them through EnvironmentVariables or Secrets.</summary>
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(StringComparer.Ordinal)
    {
        SettingsModule, Debug, SecretKey, AllowedHosts, CsrfTrustedOrigins, FrontendUrl,
        PostgresHost, PostgresPort, PostgresName, PostgresUsername, PostgresPassword, DbSecretName,
        RedisHost, RedisPort, RedisPassword, RedisTls, S3BucketName, StorageBucketName, S3Region, AssetsDomain,
        MediaDomain, Https, HealthCheckPath,
    };

    private static readonly Regex NamePattern = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    public DjangoEnvironment(DjangoEnvironmentInputs inputs)
    {
        Variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [SettingsModule] = inputs.SettingsModule,
            [Debug] = inputs.Debug ? "1" : "0",
            [AllowedHosts] = inputs.AllowedHosts,
            [CsrfTrustedOrigins] = inputs.CsrfTrustedOrigins,
            [FrontendUrl] = inputs.FrontendUrl,
            [PostgresHost] = inputs.DatabaseHost,
            [PostgresPort] = inputs.DatabasePort,
            [PostgresName] = inputs.DatabaseName,
            [PostgresUsername] = Defaults.DatabaseUsername,
            // The ARN: Secrets Manager accepts it wherever a name is expected, and unlike the generated name it is exact.
            [DbSecretName] = inputs.DatabaseSecret.SecretArn,
            [RedisHost] = inputs.RedisHost,
            [RedisPort] = Defaults.RedisPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // ElastiCache: TLS and AUTH. A Redis without a token (DockerEc2's, on a private Docker network): neither.
            [RedisTls] = inputs.RedisAuthToken is null ? "0" : "1",
            [S3BucketName] = inputs.BucketName,
            [StorageBucketName] = inputs.BucketName,
            [S3Region] = inputs.Region,
            [AssetsDomain] = inputs.AssetsDomain,
            [MediaDomain] = inputs.MediaDomain,
            [Https] = inputs.Https ? "1" : "0",
            [HealthCheckPath] = inputs.HealthCheckPath,
        };
        var secrets = new Dictionary<string, SecretReference>(StringComparer.Ordinal)
        {
            [SecretKey] = new(inputs.SecretKey, null),
            [PostgresPassword] = new(inputs.DatabaseSecret, "password"),
        };
        if (inputs.RedisAuthToken is not null) secrets[RedisPassword] = new(inputs.RedisAuthToken, null);
        Secrets = secrets;
    }

    /// <summary>Plain configuration values.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>Values injected from Secrets Manager.</summary>
    public IReadOnlyDictionary<string, SecretReference> Secrets { get; }

    /// <summary>
    /// Checks the user's variable and secret names: well-formed, not reserved, not both a variable and a secret.
    /// </summary>
    public static void ValidateUserNames(string path, string variablesProp, IEnumerable<string> variables, string secretsProp, IEnumerable<string> secrets)
    {
        var variableNames = variables.ToList();
        foreach (var (prop, names) in new[] { (variablesProp, variableNames), (secretsProp, secrets.ToList()) })
        {
            foreach (var name in names)
            {
                if (!NamePattern.IsMatch(name))
                    throw Errors.Invalid(path, prop, name, "Environment variable names must match [A-Za-z_][A-Za-z0-9_]* (letters, digits and underscores, not starting with a digit).");
                if (ReservedNames.Contains(name))
                    throw Errors.Reserved(path, prop, name, "see the environment contract in the README");
                if (!ReferenceEquals(names, variableNames) && variableNames.Contains(name, StringComparer.Ordinal))
                    throw Errors.Conflict(path, secretsProp, name, $"'{name}' is also set in {variablesProp}; a variable is either plain configuration or a secret, not both.");
            }
        }
    }
}
