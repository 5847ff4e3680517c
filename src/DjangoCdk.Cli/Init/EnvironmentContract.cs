namespace DjangoCdk.Cli;

/// <summary>
/// The environment contract as <c>init</c> sees it, in one place: the names DjangoCdk sets in every container (the
/// README's "The environment contract", <c>DjangoEnvironment</c> in the library), the two composed secrets available
/// only through an alias (DATABASE_URL, REDIS_URL), and the table of names Django projects commonly read for the same
/// values, each mapped to the contract value it stands for.
/// </summary>
public static class EnvironmentContract
{
    /// <summary>The names DjangoCdk sets, with whether each is a secret.</summary>
    public static IReadOnlyDictionary<string, bool> ProvidedNames { get; } = new Dictionary<string, bool>(StringComparer.Ordinal)
    {
        ["DJANGO_SETTINGS_MODULE"] = false,
        ["DEBUG"] = false,
        ["DJANGO_SECRET_KEY"] = true,
        ["ALLOWED_HOSTS"] = false,
        ["CSRF_TRUSTED_ORIGINS"] = false,
        ["FRONTEND_URL"] = false,
        ["POSTGRES_SERVICE_HOST"] = false,
        ["POSTGRES_SERVICE_PORT"] = false,
        ["POSTGRES_NAME"] = false,
        ["POSTGRES_USERNAME"] = false,
        ["POSTGRES_PASSWORD"] = true,
        ["DB_SECRET_NAME"] = false,
        ["REDIS_SERVICE_HOST"] = false,
        ["REDIS_SERVICE_PORT"] = false,
        ["REDIS_PASSWORD"] = true,
        ["REDIS_TLS"] = false,
        ["S3_BUCKET_NAME"] = false,
        ["AWS_STORAGE_BUCKET_NAME"] = false,
        ["AWS_S3_REGION_NAME"] = false,
        ["ASSETS_DOMAIN"] = false,
        ["MEDIA_DOMAIN"] = false,
        ["HTTPS"] = false,
        ["HEALTH_CHECK_PATH"] = false,
    };

    /// <summary>Secrets composed from the contract, available only as the target of an alias.</summary>
    public static IReadOnlyDictionary<string, string> ComposedSecrets { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DATABASE_URL"] = "postgres://user:password@host:port/name",
        ["REDIS_URL"] = "rediss://:token@host:6379/0",
    };

    /// <summary>Names projects commonly read, mapped to the contract value (or composed secret) that provides them.</summary>
    public static IReadOnlyDictionary<string, string> KnownAliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DJANGO_DEBUG"] = "DEBUG",
        ["SECRET_KEY"] = "DJANGO_SECRET_KEY",
        ["DJANGO_ALLOWED_HOSTS"] = "ALLOWED_HOSTS",
        ["DJANGO_CSRF_TRUSTED_ORIGINS"] = "CSRF_TRUSTED_ORIGINS",
        ["DATABASE_URL"] = "DATABASE_URL",
        ["DB_URL"] = "DATABASE_URL",
        ["REDIS_URL"] = "REDIS_URL",
        ["CELERY_BROKER_URL"] = "REDIS_URL",
        ["BROKER_URL"] = "REDIS_URL",
        ["CELERY_RESULT_BACKEND"] = "REDIS_URL",
        ["CACHE_URL"] = "REDIS_URL",
        ["REDIS_CACHE_URL"] = "REDIS_URL",
        ["DB_HOST"] = "POSTGRES_SERVICE_HOST",
        ["POSTGRES_HOST"] = "POSTGRES_SERVICE_HOST",
        ["DATABASE_HOST"] = "POSTGRES_SERVICE_HOST",
        ["DB_PORT"] = "POSTGRES_SERVICE_PORT",
        ["POSTGRES_PORT"] = "POSTGRES_SERVICE_PORT",
        ["DATABASE_PORT"] = "POSTGRES_SERVICE_PORT",
        ["DB_NAME"] = "POSTGRES_NAME",
        ["POSTGRES_DB"] = "POSTGRES_NAME",
        ["DATABASE_NAME"] = "POSTGRES_NAME",
        ["DB_USER"] = "POSTGRES_USERNAME",
        ["POSTGRES_USER"] = "POSTGRES_USERNAME",
        ["DATABASE_USER"] = "POSTGRES_USERNAME",
        ["DB_PASSWORD"] = "POSTGRES_PASSWORD",
        ["DATABASE_PASSWORD"] = "POSTGRES_PASSWORD",
        ["DJANGO_AWS_STORAGE_BUCKET_NAME"] = "S3_BUCKET_NAME",
        ["S3_BUCKET"] = "S3_BUCKET_NAME",
        ["AWS_S3_BUCKET_NAME"] = "S3_BUCKET_NAME",
        ["BUCKET_NAME"] = "S3_BUCKET_NAME",
        ["DJANGO_AWS_S3_REGION_NAME"] = "AWS_S3_REGION_NAME",
        ["REDIS_HOST"] = "REDIS_SERVICE_HOST",
        ["REDIS_PORT"] = "REDIS_SERVICE_PORT",
        ["DJANGO_SETTINGS"] = "DJANGO_SETTINGS_MODULE",
    };

    /// <summary>AWS credential names: the task's IAM role provides credentials, so none of these is set.</summary>
    public static IReadOnlySet<string> IamRoleNames { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "DJANGO_AWS_ACCESS_KEY_ID", "DJANGO_AWS_SECRET_ACCESS_KEY",
    };

    private static readonly string[] SecretWords = ["SECRET", "PASSWORD", "PASSWD", "TOKEN", "KEY", "DSN", "CREDENTIAL", "PRIVATE"];

    /// <summary>What DjangoCdk does about <paramref name="name"/>.</summary>
    public static EnvNameMapping Map(string name)
    {
        if (ProvidedNames.TryGetValue(name, out var secret)) return new EnvNameMapping(name, EnvNameKind.Contract, name, secret);
        if (IamRoleNames.Contains(name)) return new EnvNameMapping(name, EnvNameKind.IamRole, null, true);
        if (KnownAliases.TryGetValue(name, out var target))
            return new EnvNameMapping(name, EnvNameKind.Alias, target, ComposedSecrets.ContainsKey(target) || ProvidedNames[target]);
        return new EnvNameMapping(name, EnvNameKind.NotProvided, null, LooksSecret(name));
    }

    /// <summary>Whether a name nothing provides looks like it holds a secret (…KEY, …PASSWORD, …TOKEN, …DSN, …SECRET…).</summary>
    public static bool LooksSecret(string name) =>
        SecretWords.Any(word => name.Split('_').Any(part => part.StartsWith(word, StringComparison.Ordinal)));
}
