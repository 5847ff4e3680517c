using Amazon.CDK;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;

namespace DjangoCdk.Tests.Ecs;

/// <summary>What DjangoEcs builds with every option on.</summary>
public sealed class DjangoEcsCompleteTests(DjangoEcsCompleteFixture fixture) : IClassFixture<DjangoEcsCompleteFixture>
{
    private readonly Template template = fixture.Template;
    private readonly TemplateJson json = new(fixture.Template);

    [Fact]
    public void Everything_on_matches_the_golden_template() => Snapshot.Matches(template, "DjangoEcsComplete");

    [Fact]
    public void Domain_gets_a_dns_validated_certificate_in_the_hosted_zone()
    {
        template.HasResourceProperties("AWS::CertificateManager::Certificate", Props(
            ("DomainName", "api.example.com"),
            ("ValidationMethod", "DNS"),
            ("DomainValidationOptions", new[] { Props(("DomainName", "api.example.com"), ("HostedZoneId", "Z0123456789EXAMPLE")) })));
    }

    [Fact]
    public void Https_listener_uses_a_modern_tls_policy()
    {
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.ObjectLike(Props(
            ("Port", 443), ("Protocol", "HTTPS"), ("SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06"))));
    }

    [Fact]
    public void Http_redirects_permanently_to_https()
    {
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.ObjectLike(Props(
            ("Port", 80),
            ("DefaultActions", new[] { Props(("Type", "redirect"), ("RedirectConfig", Props(("Port", "443"), ("Protocol", "HTTPS"), ("StatusCode", "HTTP_301")))) }))));
    }

    [Fact]
    public void Domain_points_at_the_load_balancer_with_an_alias_record()
    {
        template.HasResourceProperties("AWS::Route53::RecordSet", Match.ObjectLike(Props(
            ("Name", "api.example.com."), ("Type", "A"), ("HostedZoneId", "Z0123456789EXAMPLE"), ("AliasTarget", Match.AnyValue()))));
    }

    [Fact]
    public void Allowed_hosts_and_csrf_origins_follow_the_domain()
    {
        var env = TemplateJson.Environment(json.Container("web"));
        Assert.Equal("api.example.com,www.example.com", (string?)env["ALLOWED_HOSTS"]);
        Assert.Equal("https://api.example.com,https://app.example.com", (string?)env["CSRF_TRUSTED_ORIGINS"]);
        Assert.Equal("https://app.example.com", (string?)env["FRONTEND_URL"]);
        Assert.Equal("https://api.example.com", fixture.Django.SiteUrl);
    }

    [Fact]
    public void User_variables_join_the_contract()
    {
        Assert.Equal("ublog", (string?)TemplateJson.Environment(json.Container("web"))["SITE_NAME"]);
    }

    [Fact]
    public void Beat_runs_as_a_strict_singleton()
    {
        var beatTask = json.OfType("AWS::ECS::TaskDefinition").Single(t => t.Key.StartsWith("DjangoBeatTask")).Key;
        template.HasResourceProperties("AWS::ECS::Service", Match.ObjectLike(Props(
            ("TaskDefinition", Props(("Ref", beatTask))),
            ("DesiredCount", 1),
            ("DeploymentConfiguration", Match.ObjectLike(Props(("MaximumPercent", 100), ("MinimumHealthyPercent", 0)))))));
        Assert.Equal(["celery", "-A", "backend.celery_app:app", "beat", "--loglevel", "INFO", "--schedule", "/tmp/celerybeat-schedule"], TemplateJson.Command(json.Container("beat")));
    }

    [Fact]
    public void Workers_consume_their_queues_with_their_concurrency()
    {
        Assert.Equal(["celery", "-A", "backend.celery_app:app", "worker", "--loglevel", "INFO", "-Q", "bulk,reports", "-n", "bulk@%h"], TemplateJson.Command(json.Container("bulk")));
        Assert.Contains("--concurrency", TemplateJson.Command(json.Container("default")));
    }

    [Fact]
    public void Spot_worker_runs_on_fargate_spot_with_time_to_finish_its_tasks()
    {
        var bulkTask = json.OfType("AWS::ECS::TaskDefinition").Single(t => t.Key.StartsWith("DjangoWorkerBulkTask")).Key;
        template.HasResourceProperties("AWS::ECS::Service", Match.ObjectLike(Props(
            ("TaskDefinition", Props(("Ref", bulkTask))),
            ("CapacityProviderStrategy", new[] { Props(("CapacityProvider", "FARGATE_SPOT"), ("Weight", 1)) }))));
        Assert.Equal(120, (int?)json.Container("bulk")["StopTimeout"]);
        template.HasResourceProperties("AWS::ECS::TaskDefinition", Match.ObjectLike(Props(("Cpu", "1024"), ("Memory", "2048"))));
    }

    [Fact]
    public void Each_worker_scales_between_its_own_bounds()
    {
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.ObjectLike(Props(("MinCapacity", 1), ("MaxCapacity", 4))));
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.ObjectLike(Props(("MinCapacity", 2), ("MaxCapacity", 8))));
    }

    [Fact]
    public void Ecs_exec_sessions_are_encrypted_and_logged()
    {
        template.HasResourceProperties("AWS::ECS::Cluster", Match.ObjectLike(Props(
            ("Configuration", Props(("ExecuteCommandConfiguration", Match.ObjectLike(Props(
                ("KmsKeyId", Match.AnyValue()),
                ("Logging", "OVERRIDE"),
                ("LogConfiguration", Match.ObjectLike(Props(("CloudWatchEncryptionEnabled", true))))))))))));
        template.HasResourceProperties("AWS::KMS::Key", Match.ObjectLike(Props(("EnableKeyRotation", true))));
        Assert.All(json.OfType("AWS::ECS::Service"), s => Assert.True((bool)s.Value["Properties"]!["EnableExecuteCommand"]!));
    }

    [Fact]
    public void Ecs_exec_key_lets_cloudwatch_logs_encrypt_only_this_accounts_log_groups()
    {
        var keyPolicy = json.OfType("AWS::KMS::Key").Single().Value["Properties"]!["KeyPolicy"]!.ToJsonString();
        Assert.Contains("\"Service\":\"logs.eu-west-1.amazonaws.com\"", keyPolicy);
        Assert.Contains("kms:Describe*", keyPolicy);
        Assert.Contains("\"kms:EncryptionContext:aws:logs:arn\"", keyPolicy);
    }

    [Fact]
    public void Ecs_exec_lets_the_task_role_open_ssm_sessions()
    {
        var policy = json.OfType("AWS::IAM::Policy").Single(p => p.Key.StartsWith("DjangoTaskRole")).Value.ToJsonString();
        Assert.Contains("ssmmessages:CreateControlChannel", policy);
        Assert.Contains("kms:Decrypt", policy);
    }

    [Fact]
    public void Stack_outputs_the_exact_exec_command()
    {
        var output = json.Root["Outputs"]!.AsObject().Single(o => o.Key.StartsWith("DjangoExecCommand")).Value!.ToJsonString();
        Assert.Contains("aws ecs execute-command --region eu-west-1 --cluster ", output);
        Assert.Contains("--container web --interactive --command /bin/sh", output);
    }

    [Fact]
    public void Chosen_architecture_applies_to_every_task()
    {
        Assert.All(json.OfType("AWS::ECS::TaskDefinition"), t => Assert.Equal("X86_64", (string?)t.Value["Properties"]!["RuntimePlatform"]!["CpuArchitecture"]));
    }

    [Fact]
    public void Database_can_run_multi_az()
    {
        template.HasResourceProperties("AWS::RDS::DBInstance", Match.ObjectLike(Props(("MultiAZ", true))));
    }

    [Fact]
    public void An_existing_certificate_is_used_instead_of_a_new_one()
    {
        // Given a certificate ARN
        var stack = TestStacks.New();
        var props = DjangoEcsCompleteFixture.Props();
        const string arn = "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";

        // When synthesized
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps
        {
            ImageDirectory = props.ImageDirectory, ApiDomainName = props.ApiDomainName, ZoneName = props.ZoneName,
            HostedZoneId = props.HostedZoneId, CertificateArn = arn,
        });

        // Then no certificate is created and the listener uses the given one
        var t = stack.Template();
        t.ResourceCountIs("AWS::CertificateManager::Certificate", 0);
        t.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.ObjectLike(Props(("Certificates", new[] { Props(("CertificateArn", arn)) }))));
    }
}
