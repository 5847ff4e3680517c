using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.EKS;
using DjangoCdk.Samples;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;

namespace DjangoCdk.Tests.Eks;

/// <summary>A DjangoEks with the defaults' props and a plain, a secret and the two composed aliases, synthesized once.</summary>
public sealed class DjangoEksAliasesFixture
{
    public static readonly Dictionary<string, string> Aliases = new()
    {
        ["DJANGO_ALLOWED_HOSTS"] = "ALLOWED_HOSTS",
        ["SECRET_KEY"] = "DJANGO_SECRET_KEY",
        ["DB_PASSWORD"] = "POSTGRES_PASSWORD",
        ["DATABASE_URL"] = "DATABASE_URL",
        ["CELERY_BROKER_URL"] = "REDIS_URL",
    };

    public DjangoEksAliasesFixture()
    {
        Stack = TestStacks.New();
        Django = new DjangoEks(Stack, "Django", new DjangoEksProps
        {
            ImageDirectory = TestStacks.Backend,
            KubectlLayer = KubectlLayers.FromNpmPackage(Stack, "KubectlLayer", EksSamples.KubectlLayerDirectory),
            DomainName = DjangoEksDefaultsFixture.Domain,
            ZoneName = DjangoEksDefaultsFixture.Zone,
            HostedZoneId = DjangoEksDefaultsFixture.ZoneId,
            EnvironmentAliases = Aliases,
        });
        (Template, _) = TestStacks.Synthesize(Stack);
        Eks = new EksTemplate(Stack, Django, Template);
    }

    public Stack Stack { get; }
    public DjangoEks Django { get; }
    public Template Template { get; }
    internal EksTemplate Eks { get; }

    public string Id(Constructs.IConstruct construct) => Stack.LogicalId(construct);
}

/// <summary>EnvironmentAliases on DjangoEks: plain aliases in every pod's env, secret and composed ones through the ExternalSecret.</summary>
public sealed class DjangoEksAliasesTests(DjangoEksAliasesFixture fixture) : IClassFixture<DjangoEksAliasesFixture>
{
    private static readonly string[] SecretAliases = ["SECRET_KEY", "DB_PASSWORD", "DATABASE_URL", "CELERY_BROKER_URL"];
    private readonly Template template = fixture.Template;
    private readonly DjangoEks django = fixture.Django;
    private EksTemplate Eks => fixture.Eks;
    private string Secrets => fixture.Id(django.SecretsManifest);
    private ServiceAccount SecretsReader => (ServiceAccount)django.Cluster.Node.FindChild(DjangoEks.Ids.SecretsReader);

    private JsonArray ExternalSecretData => Eks.Object("ExternalSecret", DjangoEks.AppSecretName).Body["spec"]!["data"]!.AsArray();

    [Fact]
    public void A_plain_alias_is_a_plain_variable_of_every_container()
    {
        foreach (var (owner, container) in Eks.AllContainers)
        {
            var env = container["env"]!.AsArray().Select(e => e!.AsObject()).ToList();
            var alias = Assert.Single(env, e => (string?)e["name"] == "DJANGO_ALLOWED_HOSTS");
            Assert.Equal(DjangoEksDefaultsFixture.Domain, (string?)alias["value"]);
            Assert.True(JsonNode.DeepEquals(env.Single(e => (string?)e["name"] == "ALLOWED_HOSTS")["value"], alias["value"]), owner);
        }
    }

    [Fact]
    public void External_secret_carries_the_secret_and_composed_aliases()
    {
        // Then after the three contract secrets come the aliases, each pointing at the secret (and field) it stands for
        var data = ExternalSecretData;
        Assert.Equal(["DJANGO_SECRET_KEY", "POSTGRES_PASSWORD", "REDIS_PASSWORD", .. SecretAliases], data.Select(d => (string)d!["secretKey"]!));
        Assert.Equal("password", (string?)data.Single(d => (string?)d!["secretKey"] == "DB_PASSWORD")!["remoteRef"]!["property"]);
        Eks.AssertIsToken(django.SecretKey.SecretArn, Eks.TokenAfter(Secrets, "Manifest", "\"secretKey\":\"SECRET_KEY\",\"remoteRef\":{\"key\":\""));
        Eks.AssertIsToken(django.Database.Secret!.SecretArn, Eks.TokenAfter(Secrets, "Manifest", "\"secretKey\":\"DB_PASSWORD\",\"remoteRef\":{\"key\":\""));
        Eks.AssertIsToken(django.ComposedValueSecrets["DATABASE_URL"].SecretArn, Eks.TokenAfter(Secrets, "Manifest", "\"secretKey\":\"DATABASE_URL\",\"remoteRef\":{\"key\":\""));
        Eks.AssertIsToken(django.ComposedValueSecrets["REDIS_URL"].SecretArn, Eks.TokenAfter(Secrets, "Manifest", "\"secretKey\":\"CELERY_BROKER_URL\",\"remoteRef\":{\"key\":\""));
    }

    [Fact]
    public void Containers_read_the_secret_aliases_from_the_Kubernetes_Secret()
    {
        foreach (var (owner, container) in Eks.AllContainers)
        {
            var env = container["env"]!.AsArray().Select(e => e!.AsObject()).ToList();
            foreach (var name in SecretAliases)
            {
                var variable = Assert.Single(env, e => (string?)e["name"] == name);
                Assert.Null(variable["value"]);
                var reference = variable["valueFrom"]!["secretKeyRef"]!;
                Assert.Equal((DjangoEks.AppSecretName, name), ((string)reference["name"]!, (string)reference["key"]!));
            }
        }
    }

    [Fact]
    public void Composed_secrets_hold_dynamic_references_only()
    {
        template.HasPropertiesWithId(fixture.Id(django.ComposedValueSecrets["DATABASE_URL"]), ("SecretString", Join(
            "postgres://django:{{resolve:secretsmanager:", Ref(fixture.Id(django.Database.Secret!)), ":SecretString:password::}}@",
            GetAtt(fixture.Id(django.Database), "Endpoint.Address"), ":", GetAtt(fixture.Id(django.Database), "Endpoint.Port"), "/django")));
        template.HasPropertiesWithId(fixture.Id(django.ComposedValueSecrets["REDIS_URL"]), ("SecretString", Join(
            "rediss://:{{resolve:secretsmanager:", Ref(fixture.Id(django.CacheAuthToken)), ":SecretString:::}}@",
            GetAtt(fixture.Id(django.Cache), "PrimaryEndPoint.Address"), ":6379/0?ssl_cert_reqs=required")));
    }

    [Fact]
    public void Secrets_reader_role_reads_the_generated_and_the_composed_secrets_only()
    {
        var roleId = fixture.Id(SecretsReader.Role);
        var statements = Eks.Json.OfType("AWS::IAM::Policy")
            .Where(p => p.Value["Properties"]!["Roles"]!.AsArray().Any(r => (string?)r!["Ref"] == roleId))
            .SelectMany(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()))
            .ToList();
        var expected = new[] { django.SecretKey, django.Database.Secret!, django.CacheAuthToken, django.ComposedValueSecrets["DATABASE_URL"], django.ComposedValueSecrets["REDIS_URL"] }
            .Select(s => Eks.Resolved(s.SecretArn).ToJsonString()).Order();
        Assert.Equal(expected, statements.Select(s => s["Resource"]!.ToJsonString()).Order());
    }

    [Fact]
    public void Composed_secrets_have_stable_construct_ids()
    {
        Assert.Equal("Test/Django/DatabaseUrl", django.ComposedValueSecrets["DATABASE_URL"].Node.Path);
        Assert.Equal("Test/Django/RedisUrl", django.ComposedValueSecrets["REDIS_URL"].Node.Path);
    }

    [Fact]
    public void Every_Kubernetes_manifest_passes_the_schema_of_the_cluster_version()
    {
        Assert.Empty(KubernetesSchema.ErrorsIn(template));
    }
}
