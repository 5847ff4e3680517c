namespace DjangoCdk;

/// <summary>
/// The two values of the environment contract that exist only when a project asks for them through
/// <c>EnvironmentAliases</c> (<see cref="DjangoEcsProps.EnvironmentAliases"/>, <see cref="DjangoEksProps.EnvironmentAliases"/>,
/// <see cref="DockerEc2Props.EnvironmentAliases"/>): connection URLs composed from the contract's parts, in the forms
/// dj-database-url, django-environ, Celery and redis-py read.
/// </summary>
public static class ComposedValues
{
    /// <summary>
    /// <c>postgres://&lt;username&gt;:&lt;password&gt;@&lt;host&gt;:&lt;port&gt;/&lt;dbname&gt;</c>: delivered as a secret, from a
    /// Secrets Manager secret that CloudFormation composes from the database secret.
    /// </summary>
    public const string DatabaseUrl = "DATABASE_URL";

    /// <summary>
    /// <c>rediss://:&lt;token&gt;@&lt;host&gt;:6379/0?ssl_cert_reqs=required</c> when the cache has an AUTH token
    /// (ElastiCache, on DjangoEcs and DjangoEks: a secret composed from the token's; Celery refuses a rediss:// URL
    /// without ssl_cert_reqs, and redis-py and django-redis read it too), <c>redis://&lt;host&gt;:6379/0</c> when it has none (DockerEc2's
    /// private Redis: a plain value, since it holds no password).
    /// </summary>
    public const string RedisUrl = "REDIS_URL";
}
