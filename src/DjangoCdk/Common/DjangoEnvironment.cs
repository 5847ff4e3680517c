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

    /// <summary>Composed on request only (an alias names it): see <see cref="ComposedValues.DatabaseUrl"/>.</summary>
    public const string DatabaseUrl = ComposedValues.DatabaseUrl;

    /// <summary>Composed on request only (an alias names it): see <see cref="ComposedValues.RedisUrl"/>.</summary>
    public const string RedisUrl = ComposedValues.RedisUrl;

    /// <summary>Every name the contract always sets, in the README's order.</summary>
    private static readonly string[] ContractNames =
    [
        SettingsModule, Debug, SecretKey, AllowedHosts, CsrfTrustedOrigins, FrontendUrl,
        PostgresHost, PostgresPort, PostgresName, PostgresUsername, PostgresPassword, DbSecretName,
        RedisHost, RedisPort, RedisPassword, RedisTls, S3BucketName, StorageBucketName, S3Region, AssetsDomain,
        MediaDomain, Https, HealthCheckPath,
    ];

    /// <summary>Every name the contract sets; users may not set them through EnvironmentVariables or Secrets.</summary>
    public static readonly IReadOnlySet<string> ReservedNames = new HashSet<string>(ContractNames, StringComparer.Ordinal);

    /// <summary>What an alias may name: every contract value, then the two composed ones.</summary>
    public static readonly IReadOnlyList<string> AliasTargets = [.. ContractNames, DatabaseUrl, RedisUrl];

    private static readonly Regex NamePattern = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    private readonly DjangoEnvironmentInputs inputs;

    public DjangoEnvironment(DjangoEnvironmentInputs inputs)
    {
        this.inputs = inputs;
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

    private DjangoEnvironment(DjangoEnvironmentInputs inputs, IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, SecretReference> secrets)
    {
        this.inputs = inputs;
        Variables = variables;
        Secrets = secrets;
    }

    /// <summary>Plain configuration values.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; }

    /// <summary>Values injected from Secrets Manager.</summary>
    public IReadOnlyDictionary<string, SecretReference> Secrets { get; }

    /// <summary>
    /// The value of <see cref="DatabaseUrl"/>: the password is a CloudFormation dynamic reference to the database
    /// secret, so the text is fit only for a Secrets Manager secret's SecretString (see <see cref="ComposedSecrets"/>).
    /// The generated passwords exclude every character that would need percent-encoding in the URL's userinfo except
    /// '^', which URL parsers (urllib, dj-database-url, django-environ) take literally.
    /// </summary>
    public string DatabaseUrlValue =>
        $"postgres://{Defaults.DatabaseUsername}:{inputs.DatabaseSecret.SecretValueFromJson("password").UnsafeUnwrap()}@{inputs.DatabaseHost}:{inputs.DatabasePort}/{inputs.DatabaseName}";

    /// <summary>
    /// The value of <see cref="RedisUrl"/>: with an AUTH token, TLS (rediss) and the token as a dynamic reference (fit
    /// only for a secret's SecretString; the token is letters and digits); without one, a plain URL with no secret in it.
    /// </summary>
    public string RedisUrlValue
    {
        get
        {
            var port = Defaults.RedisPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return inputs.RedisAuthToken is { } token
                // ssl_cert_reqs: Celery refuses a rediss:// URL without it (E_REDIS_SSL_CERT_REQS_MISSING_INVALID);
                // "required" (verify the certificate) is the form both Celery and redis-py accept.
                ? $"rediss://:{token.SecretValue.UnsafeUnwrap()}@{inputs.RedisHost}:{port}/0?ssl_cert_reqs=required"
                : $"redis://{inputs.RedisHost}:{port}/0";
        }
    }

    /// <summary>Whether <see cref="RedisUrl"/> holds a password, and so must be a secret.</summary>
    public bool RedisUrlIsSecret => inputs.RedisAuthToken is not null;

    /// <summary>
    /// The contract with each alias added under its own name: a plain value as a plain variable, a secret as the same
    /// secret, a composed value from <paramref name="composed"/> (its secret) or, for a Redis URL without a password, as
    /// a plain variable. The aliases were checked by <see cref="ValidateAliases"/>.
    /// </summary>
    public DjangoEnvironment WithAliases(IReadOnlyDictionary<string, string> aliases, IReadOnlyDictionary<string, ISecret> composed)
    {
        if (aliases.Count == 0) return this;
        var variables = new Dictionary<string, string>(Variables, StringComparer.Ordinal);
        var secrets = new Dictionary<string, SecretReference>(Secrets, StringComparer.Ordinal);
        foreach (var (alias, target) in aliases)
        {
            if (Variables.TryGetValue(target, out var value)) variables[alias] = value;
            else if (Secrets.TryGetValue(target, out var secret)) secrets[alias] = secret;
            else if (composed.TryGetValue(target, out var composedSecret)) secrets[alias] = new(composedSecret, null);
            else if (target == RedisUrl && !RedisUrlIsSecret) variables[alias] = RedisUrlValue;
            else throw new InvalidOperationException($"The alias {alias} names {target}, which this construct does not provide; the settings should have rejected it. This is a bug in DjangoCdk.");
        }

        return new DjangoEnvironment(inputs, variables, secrets);
    }

    /// <summary>
    /// Checks <paramref name="aliases"/> (alias name to contract name): each alias a well-formed name that the contract
    /// does not set and the user's variables and secrets do not hold, each target a contract or composed name that
    /// this construct provides (<paramref name="unavailable"/>: names it does not, with why). Returns them, or none.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ValidateAliases(
        string path, IDictionary<string, string>? aliases, string variablesProp, IEnumerable<string> variables,
        string secretsProp, IEnumerable<string> secrets, IReadOnlyDictionary<string, string> unavailable)
    {
        const string prop = "EnvironmentAliases";
        if (aliases is null || aliases.Count == 0) return new Dictionary<string, string>(StringComparer.Ordinal);
        var variableNames = variables.ToHashSet(StringComparer.Ordinal);
        var secretNames = secrets.ToHashSet(StringComparer.Ordinal);
        foreach (var (alias, target) in aliases)
        {
            if (!NamePattern.IsMatch(alias))
                throw Errors.Invalid(path, prop, alias, "Alias names are the environment variable names your project reads, so they must match [A-Za-z_][A-Za-z0-9_]* (letters, digits and underscores, not starting with a digit).");
            if (ReservedNames.Contains(alias))
                throw Errors.Reserved(path, prop, alias, "the containers already receive it under that name; an alias adds another name for a contract value");
            if (variableNames.Contains(alias))
                throw Errors.Conflict(path, prop, alias, $"'{alias}' is also set in {variablesProp}; a name gets its value from one place. Remove it from {variablesProp} or from {prop}.");
            if (secretNames.Contains(alias))
                throw Errors.Conflict(path, prop, alias, $"'{alias}' is also set in {secretsProp}; a name gets its value from one place. Remove it from {secretsProp} or from {prop}.");
            if (target is null || !AliasTargets.Contains(target, StringComparer.Ordinal))
                throw Errors.Invalid(path, prop, target,
                    $"The alias '{alias}' must name a value of the environment contract or a composed value: {string.Join(", ", AliasTargets)}." +
                    (target is null ? "" : $" Did you mean '{Closest(target)}'?"));
            if (unavailable.TryGetValue(target, out var why))
                throw Errors.Invalid(path, prop, target, $"The alias '{alias}' names {target}, which this construct does not set: {why}");
        }

        return new Dictionary<string, string>(aliases, StringComparer.Ordinal);
    }

    /// <summary>
    /// The alias target nearest to <paramref name="name"/>: one that contains it first (SECRET_KEY: DJANGO_SECRET_KEY),
    /// then the Levenshtein distance, case ignored.
    /// </summary>
    private static string Closest(string name)
    {
        var upper = name.ToUpperInvariant();
        return AliasTargets.MinBy(t => (upper.Length > 0 && t.Contains(upper, StringComparison.Ordinal) ? 0 : 1, Distance(upper, t)))!;
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }

        return previous[b.Length];
    }

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
