using Amazon.CDK;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;
using static DjangoCdk.Tests.TestSupport.Patterns;

namespace DjangoCdk.Tests.Ecs;

/// <summary>
/// A DjangoEcs whose project reads other names than the contract's (django-environ style): a plain alias, two secret
/// aliases and the two composed URLs, one of them under two names. Synthesized once.
/// </summary>
public sealed class DjangoEcsAliasesFixture
{
    public static readonly Dictionary<string, string> Aliases = new()
    {
        ["DJANGO_ALLOWED_HOSTS"] = "ALLOWED_HOSTS",
        ["MEDIA_BUCKET"] = "S3_BUCKET_NAME",
        ["SECRET_KEY"] = "DJANGO_SECRET_KEY",
        ["DB_PASSWORD"] = "POSTGRES_PASSWORD",
        ["DATABASE_URL"] = "DATABASE_URL",
        ["CELERY_BROKER_URL"] = "REDIS_URL",
        ["CACHE_URL"] = "REDIS_URL",
    };

    public DjangoEcsAliasesFixture()
    {
        Stack = TestStacks.New();
        Django = new DjangoEcs(Stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, EnvironmentAliases = Aliases });
        (Template, _) = TestStacks.Synthesize(Stack);
    }

    public Stack Stack { get; }
    public DjangoEcs Django { get; }
    public Template Template { get; }

    public string Id(Constructs.IConstruct construct) => Stack.LogicalId(construct);
}

/// <summary>EnvironmentAliases on DjangoEcs: what each kind of alias becomes in the task definitions.</summary>
public sealed class DjangoEcsAliasesTests(DjangoEcsAliasesFixture fixture) : IClassFixture<DjangoEcsAliasesFixture>
{
    private const string SecretType = "AWS::SecretsManager::Secret";
    private readonly Template template = fixture.Template;
    private readonly DjangoEcs django = fixture.Django;

    private string DatabaseUrl => fixture.Id(django.ComposedValueSecrets["DATABASE_URL"]);
    private string RedisUrl => fixture.Id(django.ComposedValueSecrets["REDIS_URL"]);

    [Fact]
    public void A_plain_alias_is_a_plain_variable_with_the_contract_value()
    {
        // Given MEDIA_BUCKET -> S3_BUCKET_NAME and DJANGO_ALLOWED_HOSTS -> ALLOWED_HOSTS
        // Then every container gets them as plain variables with the same values as the contract's names
        template.AllResourcesProperties(TaskDefinition, Props(("ContainerDefinitions", new[]
        {
            Match.ObjectLike(Props(("Environment", Variable("MEDIA_BUCKET", Ref(fixture.Id(django.StaticFileBucket)))))),
        })));
        template.HasResourceProperties(TaskDefinition, WithContainer("web",
            ("Environment", Variable("DJANGO_ALLOWED_HOSTS", GetAtt(fixture.Id(django.LoadBalancer), "DNSName")))));
    }

    [Fact]
    public void A_secret_alias_is_injected_from_the_same_secret()
    {
        // Given SECRET_KEY -> DJANGO_SECRET_KEY and DB_PASSWORD -> POSTGRES_PASSWORD
        // Then every container reads them from the same Secrets Manager values, never as plain variables
        template.AllResourcesProperties(TaskDefinition, Props(("ContainerDefinitions", new[]
        {
            Match.ObjectLike(Props(
                ("Secrets", Match.ArrayWith([
                    Props(("Name", "SECRET_KEY"), ("ValueFrom", Ref(fixture.Id(django.SecretKey)))),
                    Props(("Name", "DB_PASSWORD"), ("ValueFrom", Join(Ref(fixture.Id(django.Database.Secret!)), ":password::"))),
                ])),
                ("Environment", Match.Not(Match.ArrayWith([Match.ObjectLike(Props(("Name", Match.StringLikeRegexp("^(SECRET_KEY|DB_PASSWORD|DATABASE_URL|CELERY_BROKER_URL|CACHE_URL)$"))))])))))
        })));
    }

    [Fact]
    public void DATABASE_URL_is_a_secret_composed_from_dynamic_references_without_password_text()
    {
        // Then its SecretString is the URL with the password as a dynamic reference to the database secret
        var attachment = fixture.Id(django.Database.Secret!);
        template.HasPropertiesWithId(DatabaseUrl, ("SecretString", Join(
            "postgres://django:{{resolve:secretsmanager:", Ref(attachment), ":SecretString:password::}}@",
            GetAtt(fixture.Id(django.Database), "Endpoint.Address"), ":", GetAtt(fixture.Id(django.Database), "Endpoint.Port"), "/django")));
        template.HasPropertiesWithId(DatabaseUrl, ("GenerateSecretString", Match.Absent()), ("KmsKeyId", Match.Absent()));
    }

    [Fact]
    public void REDIS_URL_is_a_TLS_URL_with_the_token_as_a_dynamic_reference()
    {
        template.HasPropertiesWithId(RedisUrl, ("SecretString", Join(
            "rediss://:{{resolve:secretsmanager:", Ref(fixture.Id(django.CacheAuthToken)), ":SecretString:::}}@",
            GetAtt(fixture.Id(django.Cache), "PrimaryEndPoint.Address"), ":6379/0?ssl_cert_reqs=required")));
    }

    [Fact]
    public void Composed_aliases_are_injected_from_their_composed_secrets()
    {
        template.AllResourcesProperties(TaskDefinition, Props(("ContainerDefinitions", new[]
        {
            Match.ObjectLike(Props(("Secrets", Match.ArrayWith([
                Props(("Name", "DATABASE_URL"), ("ValueFrom", Ref(DatabaseUrl))),
                Props(("Name", "CELERY_BROKER_URL"), ("ValueFrom", Ref(RedisUrl))),
                Props(("Name", "CACHE_URL"), ("ValueFrom", Ref(RedisUrl))),
            ])))),
        })));
    }

    [Fact]
    public void Two_aliases_of_one_composed_value_share_one_secret()
    {
        // Given CELERY_BROKER_URL and CACHE_URL both -> REDIS_URL / Then the three generated secrets and two composed ones
        template.ResourceCountIs(SecretType, 5);
    }

    [Fact]
    public void The_execution_role_can_read_the_composed_secrets()
    {
        foreach (var secret in new[] { DatabaseUrl, RedisUrl })
        {
            template.HasResourceProperties("AWS::IAM::Policy", Match.ObjectLike(Props(
                ("PolicyDocument", Match.ObjectLike(Props(("Statement", Match.ArrayWith([Match.ObjectLike(Props(
                    ("Action", new[] { "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret" }),
                    ("Resource", Ref(secret))))]))))),
                ("Roles", new[] { Ref(fixture.Id(django.ExecutionRole)) }))));
        }
    }

    [Fact]
    public void The_task_role_cannot_read_the_composed_secrets()
    {
        var taskRole = fixture.Id(django.TaskRole);
        foreach (var secret in new[] { DatabaseUrl, RedisUrl })
        {
            Assert.Empty(template.FindResources("AWS::IAM::Policy", Match.ObjectLike(Props(
                ("PolicyDocument", Match.ObjectLike(Props(("Statement", Match.ArrayWith([Match.ObjectLike(Props(("Resource", Ref(secret))))]))))),
                ("Roles", Match.ArrayWith([Ref(taskRole)]))))));
        }
    }

    [Fact]
    public void Composed_secrets_are_kept_or_deleted_like_the_secrets_they_derive_from()
    {
        var json = new TemplateJson(template);
        var databaseSecret = fixture.Id(django.Database.Node.FindChild("Secret"));
        foreach (var (composed, source) in new[] { (DatabaseUrl, databaseSecret), (RedisUrl, fixture.Id(django.CacheAuthToken)) })
        {
            Assert.Equal((string?)json.Resources[source]!["DeletionPolicy"], (string?)json.Resources[composed]!["DeletionPolicy"]);
            Assert.Equal((string?)json.Resources[source]!["UpdateReplacePolicy"], (string?)json.Resources[composed]!["UpdateReplacePolicy"]);
        }

        Assert.Equal("RetainExceptOnCreate", (string?)json.Resources[DatabaseUrl]!["DeletionPolicy"]);
    }

    [Fact]
    public void Composed_secrets_have_stable_construct_ids()
    {
        Assert.Equal("Test/Django/DatabaseUrl", django.ComposedValueSecrets["DATABASE_URL"].Node.Path);
        Assert.Equal("Test/Django/RedisUrl", django.ComposedValueSecrets["REDIS_URL"].Node.Path);
    }

    [Fact]
    public void Composed_secrets_explain_why_they_are_not_rotated()
    {
        var json = new TemplateJson(template);
        foreach (var secret in new[] { DatabaseUrl, RedisUrl })
        {
            var rules = json.Resources[secret]!["Metadata"]!["cdk_nag"]!["rules_to_suppress"]!.AsArray();
            var rotation = Assert.Single(rules, r => (string?)r!["id"] == "AwsSolutions-SMG4")!;
            Assert.Contains("re-resolves the references only when it updates this secret", (string)rotation["reason"]!);
        }
    }
}
