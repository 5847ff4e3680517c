using System.Diagnostics;
using Regex = System.Text.RegularExpressions.Regex;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;

namespace DjangoCdk.Tests.Ec2;

/// <summary>A DockerEc2 with a plain, two secret and the two composed aliases, synthesized once.</summary>
public sealed class DockerEc2AliasesFixture
{
    public DockerEc2AliasesFixture()
    {
        Stack = Hosts.NewStack();
        Host = new DockerEc2(Stack, Hosts.HostId, new DockerEc2Props
        {
            ImageDirectory = TestStacks.Backend,
            EnvironmentAliases = new Dictionary<string, string>
            {
                ["MEDIA_BUCKET"] = "S3_BUCKET_NAME",
                ["SECRET_KEY"] = "DJANGO_SECRET_KEY",
                ["DB_PASSWORD"] = "POSTGRES_PASSWORD",
                ["DATABASE_URL"] = "DATABASE_URL",
                ["CELERY_BROKER_URL"] = "REDIS_URL",
            },
        });
        Template = Stack.Template();
    }

    public Stack Stack { get; }
    public DockerEc2 Host { get; }
    public Template Template { get; }

    public string Id(Constructs.IConstruct construct) => Stack.LogicalId(construct);
}

/// <summary>EnvironmentAliases on DockerEc2: plain aliases in django.env, secret ones read by the boot script with the instance role.</summary>
public sealed class DockerEc2AliasesTests(DockerEc2AliasesFixture fixture) : IClassFixture<DockerEc2AliasesFixture>
{
    private const string StackEnv = "/etc/djangocdk/stack.env";
    private const string DjangoEnv = "/etc/djangocdk/django.env";
    private readonly Template template = fixture.Template;
    private readonly DockerEc2 host = fixture.Host;

    private string DatabaseUrl => fixture.Id(host.ComposedValueSecrets["DATABASE_URL"]);

    [Fact]
    public void Plain_aliases_are_written_to_django_env_with_the_contract_values()
    {
        var env = Hosts.EnvFile(template, DjangoEnv);
        Assert.Equal(env["S3_BUCKET_NAME"], env["MEDIA_BUCKET"]);
        Assert.Equal("redis://redis:6379/0", env["CELERY_BROKER_URL"]);
    }

    [Fact]
    public void Secret_aliases_are_not_in_the_template_but_listed_for_the_boot_script()
    {
        // Then django.env has no secret alias, and stack.env lists each as name|ARN|field
        var django = Hosts.EnvFile(template, DjangoEnv);
        foreach (var name in new[] { "SECRET_KEY", "DB_PASSWORD", "DATABASE_URL" }) Assert.False(django.ContainsKey(name), name);
        var aliases = Hosts.EnvFile(template, StackEnv)["SECRET_ALIASES"].Split(' ');
        Assert.Equal(
        [
            $"SECRET_KEY|{{Ref:{fixture.Id(host.SecretKey)}}}|",
            $"DB_PASSWORD|{{Ref:{fixture.Id(host.DatabaseSecret)}}}|password",
            $"DATABASE_URL|{{Ref:{DatabaseUrl}}}|",
        ], aliases);
    }

    [Fact]
    public void DATABASE_URL_is_a_secret_composed_from_a_dynamic_reference_to_the_database_password()
    {
        template.HasResource("AWS::SecretsManager::Secret", Match.ObjectLike(Props(
            ("Properties", Match.ObjectLike(Props(("SecretString", Join(
                "postgres://django:{{resolve:secretsmanager:", Ref(fixture.Id(host.DatabaseSecret)), ":SecretString:password::}}@postgres:5432/django"))))),
            ("DeletionPolicy", "RetainExceptOnCreate"),
            ("UpdateReplacePolicy", "Retain"))));
        Assert.Equal("Test/Host/DatabaseUrl", host.ComposedValueSecrets["DATABASE_URL"].Node.Path);
    }

    [Fact]
    public void REDIS_URL_has_no_password_here_so_no_secret_is_created_for_it()
    {
        Assert.Equal(["DATABASE_URL"], host.ComposedValueSecrets.Keys);
        template.ResourceCountIs("AWS::SecretsManager::Secret", 3);
    }

    [Fact]
    public void The_instance_role_can_read_the_composed_secret()
    {
        template.HasResourceProperties("AWS::IAM::Policy", Match.ObjectLike(Props(
            ("PolicyDocument", Match.ObjectLike(Props(("Statement", Match.ArrayWith([Match.ObjectLike(Props(
                ("Action", new[] { "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret" }),
                ("Resource", Ref(DatabaseUrl))))]))))),
            ("Roles", new[] { Ref(fixture.Id(host.Role)) }))));
    }

    [Fact]
    public void Boot_script_writes_each_secret_alias_with_its_value_or_field()
    {
        // Given the boot script's alias writer, with Secrets Manager answered by a fake
        var boot = ComposeStack.Text("boot.sh");
        var writer = Regex.Match(boot, @"(?ms)^write_secret_aliases\(\) \{.*?^\}").Value;
        Assert.NotEmpty(writer);
        var script = "set -euo pipefail\n" +
                     "secret_string() { case \"$1\" in arn:key) printf 'k3y';; arn:db) printf '{\"username\":\"django\",\"password\":\"pa^ss\"}';; arn:url) printf 'postgres://django:pa^ss@postgres:5432/django';; *) exit 9;; esac; }\n" +
                     writer + "\n" +
                     "SECRET_ALIASES='SECRET_KEY|arn:key| DB_PASSWORD|arn:db|password DATABASE_URL|arn:url|'\nwrite_secret_aliases\n";

        // When it runs
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();

        // Then one NAME=value line per alias
        Assert.True(process.ExitCode == 0, errors);
        Assert.Equal("SECRET_KEY=k3y\nDB_PASSWORD=pa^ss\nDATABASE_URL=postgres://django:pa^ss@postgres:5432/django\n", output);
    }

    [Fact]
    public void Without_aliases_the_boot_script_gets_no_alias_list()
    {
        var stack = Hosts.NewStack();
        _ = new DockerEc2(stack, Hosts.HostId, new DockerEc2Props { ImageDirectory = TestStacks.Backend });
        Assert.False(Hosts.EnvFile(stack.Template(), StackEnv).ContainsKey("SECRET_ALIASES"));
    }
}
