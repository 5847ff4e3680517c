using Amazon.CDK.Assertions;
using DjangoCdk.Samples;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;
using static DjangoCdk.Tests.TestSupport.Patterns;

namespace DjangoCdk.Tests.Ecs;

/// <summary>What DjangoEcs builds with every option on: the complete sample, on X86_64.</summary>
public sealed class DjangoEcsCompleteTests(DjangoEcsCompleteFixture fixture) : IClassFixture<DjangoEcsCompleteFixture>
{
    private readonly Template template = fixture.Template;
    private readonly DjangoEcs django = fixture.Django;

    /// <summary>The worker service's construct ID is "Worker" and its name in PascalCase (pinned in the composition tests).</summary>
    private string Worker(string name) => fixture.Id(django.Node.FindChild("Worker" + char.ToUpperInvariant(name[0]) + name[1..]));
    private string WorkerTask(string name) => fixture.Id(django.Node.FindChild("Worker" + char.ToUpperInvariant(name[0]) + name[1..] + "Task"));
    private Dictionary<string, object> ScalingResourceId(string service) => Join("service/", Ref(fixture.Id(django.Cluster)), "/", GetAtt(service, "Name"));
    private string PolicyOf(Constructs.IConstruct role) => fixture.Id(role.Node.FindChild("DefaultPolicy"));
    private static readonly object SentryDsnArn = Join("arn:", Ref("AWS::Partition"), ":ssm:eu-west-1:123456789012:parameter" + SampleProps.SentryDsnParameter);

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
    public void Https_listener_uses_the_certificate_and_a_modern_tls_policy()
    {
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.ObjectLike(Props(
            ("Port", 443), ("Protocol", "HTTPS"), ("SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06"),
            ("Certificates", new[] { Props(("CertificateArn", Ref(fixture.Id(django.Certificate!)))) }))));
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
            ("Name", "api.example.com."), ("Type", "A"), ("HostedZoneId", "Z0123456789EXAMPLE"),
            ("AliasTarget", Match.ObjectLike(Props(("DNSName", Join("dualstack.", GetAtt(fixture.Id(django.LoadBalancer), "DNSName")))))))));
    }

    [Theory]
    [InlineData("ALLOWED_HOSTS", "api.example.com")]
    [InlineData("CSRF_TRUSTED_ORIGINS", "https://api.example.com")]
    [InlineData("HTTPS", "1")]
    [InlineData("FRONTEND_URL", "https://app.example.com")]
    public void Django_settings_follow_the_domain_and_the_frontend(string variable, string value)
    {
        template.HasResourceProperties(TaskDefinition, WithContainer("web", ("Environment", Variable(variable, value))));
    }

    [Fact]
    public void Site_url_is_https_on_the_domain()
    {
        Assert.Equal("https://api.example.com", django.SiteUrl);
        template.HasOutput(fixture.Id(django.Node.FindChild("SiteUrl")), Match.ObjectLike(Props(("Value", "https://api.example.com"))));
    }

    [Fact]
    public void User_variables_reach_every_container()
    {
        template.AllResourcesProperties(TaskDefinition, Props(("ContainerDefinitions", new[] { Props(("Environment", Variable("SITE_NAME", "μblog"))) })));
    }

    [Fact]
    public void User_secrets_reach_every_container_from_their_store()
    {
        template.AllResourcesProperties(TaskDefinition, Props(("ContainerDefinitions", new[] { Props(("Secrets", Secret("SENTRY_DSN", SentryDsnArn))) })));
    }

    [Fact]
    public void Execution_role_may_read_the_user_secrets()
    {
        template.HasPropertiesWithId(PolicyOf(django.ExecutionRole), ("PolicyDocument", Statement(
            ("Action", Match.ArrayWith(["ssm:GetParameters"])), ("Effect", "Allow"), ("Resource", SentryDsnArn))));
    }

    [Fact]
    public void Beat_runs_as_a_strict_singleton()
    {
        // Never two schedulers at once: the old task stops before the new one starts.
        template.HasPropertiesWithId(fixture.Id(django.BeatService!),
            ("TaskDefinition", Ref(fixture.Id(django.BeatService!.TaskDefinition))),
            ("DesiredCount", 1),
            ("DeploymentConfiguration", Match.ObjectLike(Props(("MaximumPercent", 100), ("MinimumHealthyPercent", 0)))));
    }

    [Fact]
    public void Beat_runs_celery_beat_with_its_schedule_in_tmp()
    {
        template.HasResourceProperties(TaskDefinition, WithContainer("beat",
            ("Command", new[] { "celery", "-A", "backend.celery_app:app", "beat", "--loglevel", "INFO", "--schedule", "/tmp/celerybeat-schedule" })));
    }

    [Theory]
    [InlineData("default", new[] { "celery", "-A", "backend.celery_app:app", "worker", "--loglevel", "INFO", "-Q", "celery", "-n", "default@%h", "--concurrency", "2" })]
    [InlineData("bulk", new[] { "celery", "-A", "backend.celery_app:app", "worker", "--loglevel", "INFO", "-Q", "bulk,reports", "-n", "bulk@%h" })]
    public void Each_worker_consumes_its_queues_with_its_concurrency(string worker, string[] command)
    {
        template.HasResourceProperties(TaskDefinition, WithContainer(worker, ("Command", command)));
    }

    [Fact]
    public void Spot_worker_runs_on_fargate_spot_and_the_other_on_demand()
    {
        template.HasPropertiesWithId(Worker("bulk"), ("CapacityProviderStrategy", new[] { Props(("CapacityProvider", "FARGATE_SPOT"), ("Weight", 1)) }));
        template.HasPropertiesWithId(Worker("default"), ("CapacityProviderStrategy", Match.Absent()), ("LaunchType", "FARGATE"));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("bulk")]
    public void Workers_get_the_most_time_fargate_allows_to_finish_their_tasks(string worker)
    {
        template.HasResourceProperties(TaskDefinition, WithContainer(worker, ("StopTimeout", 120)));
    }

    [Theory]
    [InlineData("default", "512", "1024")]
    [InlineData("bulk", "1024", "2048")]
    public void Each_worker_task_gets_its_own_size(string worker, string cpu, string memory)
    {
        template.HasPropertiesWithId(WorkerTask(worker), ("Cpu", cpu), ("Memory", memory));
    }

    [Theory]
    [InlineData("default", 1, 2)]
    [InlineData("bulk", 0, 4)]
    public void Each_worker_scales_between_its_own_bounds(string worker, int min, int max)
    {
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.ObjectLike(Props(
            ("ResourceId", ScalingResourceId(Worker(worker))), ("MinCapacity", min), ("MaxCapacity", max))));
    }

    [Fact]
    public void Web_service_starts_with_its_minimum_and_scales_up_to_its_maximum()
    {
        template.HasPropertiesWithId(fixture.Id(django.WebService), ("DesiredCount", 2));
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.ObjectLike(Props(
            ("ResourceId", ScalingResourceId(fixture.Id(django.WebService))), ("MinCapacity", 2), ("MaxCapacity", 8))));
    }

    [Fact]
    public void Ecs_exec_sessions_are_encrypted_and_logged()
    {
        var key = fixture.Id(django.ExecKey!);
        template.HasResourceProperties("AWS::ECS::Cluster", Match.ObjectLike(Props(
            ("Configuration", Props(("ExecuteCommandConfiguration", Props(
                ("KmsKeyId", GetAtt(key, "Arn")),
                ("Logging", "OVERRIDE"),
                ("LogConfiguration", Props(
                    ("CloudWatchEncryptionEnabled", true),
                    ("CloudWatchLogGroupName", Ref(fixture.Id(django.Node.FindChild(DjangoEcs.Ids.ExecLogs)))))))))))));
        template.HasPropertiesWithId(key, ("EnableKeyRotation", true));
        template.HasPropertiesWithId(fixture.Id(django.Node.FindChild(DjangoEcs.Ids.ExecLogs)), ("KmsKeyId", GetAtt(key, "Arn")));
    }

    [Fact]
    public void Ecs_exec_is_enabled_on_every_service()
    {
        template.AllResourcesProperties("AWS::ECS::Service", Props(("EnableExecuteCommand", true)));
    }

    [Fact]
    public void Ecs_exec_key_lets_cloudwatch_logs_encrypt_only_this_accounts_log_groups()
    {
        template.HasPropertiesWithId(fixture.Id(django.ExecKey!), ("KeyPolicy", Statement(
            ("Principal", Props(("Service", "logs.eu-west-1.amazonaws.com"))),
            ("Action", new[] { "kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*" }),
            ("Condition", Props(("ArnLike", Props(("kms:EncryptionContext:aws:logs:arn",
                Join("arn:", Ref("AWS::Partition"), ":logs:eu-west-1:123456789012:log-group:*")))))))));
    }

    [Fact]
    public void Ecs_exec_lets_the_task_role_open_ssm_sessions_and_use_the_key()
    {
        template.HasPropertiesWithId(PolicyOf(django.TaskRole), ("PolicyDocument", Statement(
            ("Action", Match.ArrayWith(["ssmmessages:CreateControlChannel"])), ("Effect", "Allow"))));
        template.HasPropertiesWithId(PolicyOf(django.TaskRole), ("PolicyDocument", Statement(
            ("Action", new[] { "kms:Decrypt", "kms:GenerateDataKey" }), ("Effect", "Allow"), ("Resource", GetAtt(fixture.Id(django.ExecKey!), "Arn")))));
    }

    [Fact]
    public void Stack_outputs_the_exact_exec_command()
    {
        var cluster = Ref(fixture.Id(django.Cluster));
        template.HasOutput(fixture.Id(django.Node.FindChild("ExecCommand")), Match.ObjectLike(Props(("Value", Join(
            "aws ecs execute-command --region eu-west-1 --cluster ", cluster,
            " --task $(aws ecs list-tasks --region eu-west-1 --cluster ", cluster,
            " --service-name ", GetAtt(fixture.Id(django.WebService), "Name"),
            " --query 'taskArns[0]' --output text) --container web --interactive --command /bin/sh")))));
    }

    [Fact]
    public void Chosen_architecture_applies_to_every_task()
    {
        template.AllResourcesProperties(TaskDefinition, Props(("RuntimePlatform", Props(("CpuArchitecture", "X86_64")))));
    }

    [Fact]
    public void Chosen_architecture_is_the_platform_the_image_is_built_for()
    {
        // Given X86_64 / Then cdk deploy builds an AMD64 image, not one for the ARM64 default
        var image = Assert.Single(AssetManifest.DockerImages(fixture.Stack));
        Assert.Equal("linux/amd64", image.Platform);
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
        const string arn = "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";

        // When synthesized
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps
        {
            ImageDirectory = TestStacks.Backend, ApiDomainName = "api.example.com", ZoneName = "example.com",
            HostedZoneId = "Z0123456789EXAMPLE", CertificateArn = arn,
        });

        // Then no certificate is created and the listener uses the given one
        var t = stack.Template();
        t.ResourceCountIs("AWS::CertificateManager::Certificate", 0);
        t.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.ObjectLike(Props(("Certificates", new[] { Props(("CertificateArn", arn)) }))));
    }
}
