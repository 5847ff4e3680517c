using Xunit;

namespace DjangoCdk.Cli.Tests.Init;

public sealed class EnvironmentContractTests
{
    [Theory]
    [InlineData("SECRET_KEY", "DJANGO_SECRET_KEY")]
    [InlineData("DJANGO_DEBUG", "DEBUG")]
    [InlineData("DJANGO_ALLOWED_HOSTS", "ALLOWED_HOSTS")]
    [InlineData("DJANGO_CSRF_TRUSTED_ORIGINS", "CSRF_TRUSTED_ORIGINS")]
    [InlineData("DATABASE_URL", "DATABASE_URL")]
    [InlineData("DB_URL", "DATABASE_URL")]
    [InlineData("CELERY_BROKER_URL", "REDIS_URL")]
    [InlineData("BROKER_URL", "REDIS_URL")]
    [InlineData("CELERY_RESULT_BACKEND", "REDIS_URL")]
    [InlineData("CACHE_URL", "REDIS_URL")]
    [InlineData("REDIS_CACHE_URL", "REDIS_URL")]
    [InlineData("DB_HOST", "POSTGRES_SERVICE_HOST")]
    [InlineData("POSTGRES_HOST", "POSTGRES_SERVICE_HOST")]
    [InlineData("DB_PORT", "POSTGRES_SERVICE_PORT")]
    [InlineData("POSTGRES_DB", "POSTGRES_NAME")]
    [InlineData("DB_USER", "POSTGRES_USERNAME")]
    [InlineData("DB_PASSWORD", "POSTGRES_PASSWORD")]
    [InlineData("DATABASE_PASSWORD", "POSTGRES_PASSWORD")]
    [InlineData("DJANGO_AWS_STORAGE_BUCKET_NAME", "S3_BUCKET_NAME")]
    [InlineData("AWS_S3_BUCKET_NAME", "S3_BUCKET_NAME")]
    [InlineData("REDIS_HOST", "REDIS_SERVICE_HOST")]
    public void A_known_name_is_an_alias_of_the_value_that_provides_it(string name, string provider)
    {
        var mapping = EnvironmentContract.Map(name);

        Assert.Equal(EnvNameKind.Alias, mapping.Kind);
        Assert.Equal(provider, mapping.ProvidedBy);
    }

    [Fact]
    public void A_contract_name_needs_no_alias()
    {
        foreach (var name in EnvironmentContract.ProvidedNames.Keys)
            Assert.Equal(EnvNameKind.Contract, EnvironmentContract.Map(name).Kind);
    }

    [Fact]
    public void No_alias_is_named_after_a_contract_name()
    {
        // The construct rejects an alias equal to a contract name.
        Assert.DoesNotContain(EnvironmentContract.KnownAliases.Keys, EnvironmentContract.ProvidedNames.ContainsKey);
    }

    [Fact]
    public void Every_alias_points_at_a_contract_name_or_a_composed_secret()
    {
        Assert.All(EnvironmentContract.KnownAliases.Values, target =>
            Assert.True(EnvironmentContract.ProvidedNames.ContainsKey(target) || EnvironmentContract.ComposedSecrets.ContainsKey(target), target));
    }

    [Theory]
    [InlineData("AWS_ACCESS_KEY_ID")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    public void AWS_keys_are_provided_by_the_IAM_role_without_an_alias(string name)
    {
        var mapping = EnvironmentContract.Map(name);

        Assert.Equal(EnvNameKind.IamRole, mapping.Kind);
        Assert.True(mapping.Provided);
        Assert.Null(mapping.ProvidedBy);
    }

    [Theory]
    [InlineData("STRIPE_API_KEY", true)]
    [InlineData("SENTRY_DSN", true)]
    [InlineData("EMAIL_HOST_PASSWORD", true)]
    [InlineData("GITHUB_TOKEN", true)]
    [InlineData("LOG_LEVEL", false)]
    [InlineData("EMAIL_HOST", false)]
    public void An_unprovided_name_is_listed_as_a_secret_when_it_looks_like_one(string name, bool secret)
    {
        var mapping = EnvironmentContract.Map(name);

        Assert.Equal(EnvNameKind.NotProvided, mapping.Kind);
        Assert.Equal(secret, mapping.Secret);
    }

    [Fact]
    public void The_environ_projects_names_map_to_aliases_and_its_unprovided_names_are_listed()
    {
        var scan = DjangoProjectScanner.Scan(InitFixtures.Environ);

        Assert.Equal("DJANGO_SECRET_KEY", scan.Aliases["SECRET_KEY"]);
        Assert.Equal("DATABASE_URL", scan.Aliases["DATABASE_URL"]);
        Assert.Equal("REDIS_URL", scan.Aliases["CELERY_BROKER_URL"]);
        Assert.Equal("ALLOWED_HOSTS", scan.Aliases["DJANGO_ALLOWED_HOSTS"]);
        Assert.Equal("S3_BUCKET_NAME", scan.Aliases["DJANGO_AWS_STORAGE_BUCKET_NAME"]);
        Assert.Equal(["DJANGO_TIME_ZONE", "EMAIL_HOST", "EMAIL_HOST_PASSWORD", "STRIPE_API_KEY"], scan.UnprovidedNames.Select(n => n.Name));
    }
}
