using DjangoCdk.Tests.Ec2;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Common;

/// <summary>
/// EnvironmentAliases is checked once (AppSettings.Aliases) for DjangoEcs, DjangoEks and DockerEc2: each rule through a
/// settings resolver, in plain C# (no CDK runtime for the plain values), with the prop name and a stable code.
/// </summary>
public sealed class EnvironmentAliasesValidationTests
{
    private const string Prop = "EnvironmentAliases";
    private static readonly ConstructSite Site = new("Test/Django", TestStacks.Account, TestStacks.Region);
    private static readonly ConstructSite HostSite = new(Hosts.HostPath, TestStacks.Account, TestStacks.Region);

    private static DjangoEcsProps Ecs(params (string Alias, string Target)[] aliases) => new()
    {
        ImageDirectory = TestStacks.Backend,
        EnvironmentAliases = aliases.ToDictionary(a => a.Alias, a => a.Target),
    };

    private static DjangoCdkValidationException Rejects(DjangoEcsProps props) =>
        Assert.Throws<DjangoCdkValidationException>(() => DjangoEcsSettings.Resolve(props, Site));

    [Fact]
    public void Aliases_of_contract_and_composed_values_resolve_as_given()
    {
        // Given the aliases a project reading django-environ's names needs
        var props = Ecs(("SECRET_KEY", "DJANGO_SECRET_KEY"), ("DATABASE_URL", "DATABASE_URL"), ("CELERY_BROKER_URL", "REDIS_URL"), ("DJANGO_ALLOWED_HOSTS", "ALLOWED_HOSTS"));

        // When resolved
        var settings = DjangoEcsSettings.Resolve(props, Site);

        // Then they are kept, alias to target
        Assert.Equal(props.EnvironmentAliases, settings.App.Environment.Aliases);
    }

    [Fact]
    public void No_aliases_resolve_to_none()
    {
        var settings = DjangoEcsSettings.Resolve(new DjangoEcsProps { ImageDirectory = TestStacks.Backend }, Site);
        Assert.Empty(settings.App.Environment.Aliases);
    }

    [Theory]
    [InlineData("1SECRET_KEY")]
    [InlineData("SECRET-KEY")]
    [InlineData("")]
    [InlineData("DATABASE URL")]
    public void An_alias_that_is_not_an_environment_variable_name_is_rejected(string alias)
    {
        var error = Rejects(Ecs((alias, "DJANGO_SECRET_KEY")));
        Assert.Equal(Prop, error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Contains("[A-Za-z_][A-Za-z0-9_]*", error.Message);
    }

    [Theory]
    [InlineData("DJANGO_SECRET_KEY")]
    [InlineData("ALLOWED_HOSTS")]
    [InlineData("POSTGRES_PASSWORD")]
    public void An_alias_that_is_a_contract_name_is_rejected(string alias)
    {
        var error = Rejects(Ecs((alias, "S3_BUCKET_NAME")));
        Assert.Equal(Prop, error.ParamName);
        Assert.Equal(ValidationErrorCode.Reserved, error.Code);
        Assert.Contains(alias, error.Message);
    }

    [Fact]
    public void An_alias_also_set_in_EnvironmentVariables_is_rejected()
    {
        var props = Ecs(("SECRET_KEY", "DJANGO_SECRET_KEY")) with { EnvironmentVariables = new Dictionary<string, string> { ["SECRET_KEY"] = "x" } };
        var error = Rejects(props);
        Assert.Equal(Prop, error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
        Assert.Contains("EnvironmentVariables", error.Message);
    }

    [Fact]
    public void An_alias_also_set_in_Secrets_is_rejected()
    {
        // Given DjangoEks (its secrets are plain records) with SENTRY_DSN both a secret and an alias
        var secret = EksSecret.FromSecretsManager(Amazon.CDK.AWS.SecretsManager.Secret.FromSecretNameV2(TestStacks.New(), "S", "sentry"));
        var props = Eks.DjangoEksValidationTests.Valid with
        {
            Secrets = new Dictionary<string, EksSecret> { ["SENTRY_DSN"] = secret },
            EnvironmentAliases = new Dictionary<string, string> { ["SENTRY_DSN"] = "S3_BUCKET_NAME" },
        };

        // When resolved / Then the conflict names both props
        var error = Assert.Throws<DjangoCdkValidationException>(() => DjangoEksSettings.Resolve(props, Site, new DateOnly(2026, 11, 26)));
        Assert.Equal(Prop, error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
        Assert.Contains("Secrets", error.Message);
    }

    [Theory]
    [InlineData("DJANGO_SECRETKEY", "DJANGO_SECRET_KEY")]
    [InlineData("SECRET_KEY", "DJANGO_SECRET_KEY")]
    [InlineData("database_url", "DATABASE_URL")]
    [InlineData("REDIS_URI", "REDIS_URL")]
    [InlineData("ALLOWED_HOST", "ALLOWED_HOSTS")]
    public void An_unknown_target_is_rejected_with_the_allowed_names_and_the_closest_one(string target, string closest)
    {
        var error = Rejects(Ecs(("X", target)));
        Assert.Equal(Prop, error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Contains($"'{target}'", error.Message);
        Assert.Contains("S3_BUCKET_NAME, AWS_STORAGE_BUCKET_NAME", error.Message);
        Assert.Contains("DATABASE_URL, REDIS_URL", error.Message);
        Assert.Contains($"Did you mean '{closest}'?", error.Message);
    }

    [Fact]
    public void DockerEc2_checks_aliases_with_the_same_rules()
    {
        var props = new DockerEc2Props { ImageDirectory = TestStacks.Backend, EnvironmentAliases = new Dictionary<string, string> { ["DEBUG"] = "DEBUG" } };
        var error = Assert.Throws<DjangoCdkValidationException>(() => DockerEc2Settings.Resolve(props, HostSite));
        Assert.Equal(Prop, error.ParamName);
        Assert.Equal(ValidationErrorCode.Reserved, error.Code);
    }

    [Fact]
    public void DockerEc2_rejects_an_alias_also_set_in_EnvironmentVariables()
    {
        var props = new DockerEc2Props
        {
            ImageDirectory = TestStacks.Backend,
            EnvironmentVariables = new Dictionary<string, string> { ["DATABASE_URL"] = "sqlite:///db" },
            EnvironmentAliases = new Dictionary<string, string> { ["DATABASE_URL"] = "DATABASE_URL" },
        };
        var error = Assert.Throws<DjangoCdkValidationException>(() => DockerEc2Settings.Resolve(props, HostSite));
        Assert.Equal(Prop, error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
    }

    [Fact]
    public void DockerEc2_rejects_an_alias_of_the_Redis_password_it_does_not_have()
    {
        // Given DockerEc2, whose Redis on the private Docker network has no AUTH token
        var props = new DockerEc2Props { ImageDirectory = TestStacks.Backend, EnvironmentAliases = new Dictionary<string, string> { ["REDIS_PASS"] = "REDIS_PASSWORD" } };

        // When resolved / Then the alias is refused, saying why
        var error = Assert.Throws<DjangoCdkValidationException>(() => DockerEc2Settings.Resolve(props, HostSite));
        Assert.Equal(Prop, error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Contains("no password", error.Message);
    }

    [Fact]
    public void DockerEc2_accepts_the_composed_values()
    {
        var props = new DockerEc2Props
        {
            ImageDirectory = TestStacks.Backend,
            EnvironmentAliases = new Dictionary<string, string> { ["DATABASE_URL"] = "DATABASE_URL", ["CELERY_BROKER_URL"] = "REDIS_URL" },
        };
        Assert.Equal(2, DockerEc2Settings.Resolve(props, HostSite).Aliases.Count);
    }
}
