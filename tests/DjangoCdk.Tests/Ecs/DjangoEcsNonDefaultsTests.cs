using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;
using static DjangoCdk.Tests.TestSupport.Patterns;

namespace DjangoCdk.Tests.Ecs;

/// <summary>Every prop given a value other than its default reaches the template: one fact per prop.</summary>
public sealed class DjangoEcsNonDefaultsTests(DjangoEcsNonDefaultsFixture fixture) : IClassFixture<DjangoEcsNonDefaultsFixture>
{
    private readonly Template template = fixture.Template;
    private readonly DjangoEcs django = fixture.Django;

    private string WebTask => fixture.Id(django.WebTaskDefinition);
    private string Mailer => fixture.Id(django.WorkerServices.Single());
    private string MailerTask => fixture.Id(django.WorkerServices.Single().TaskDefinition);

    /// <summary>The ResourceId by which Application Auto Scaling names <paramref name="service"/>.</summary>
    private Dictionary<string, object> ScalingResourceId(string service) => Join("service/", Ref(fixture.Id(django.Cluster)), "/", GetAtt(service, "Name"));

    [Fact]
    public void Image_is_built_from_the_given_directory_with_the_given_dockerfile()
    {
        // Given ImageDirectory holding only Dockerfile.web, and Dockerfile = "Dockerfile.web"
        // Then cdk deploy builds that directory's copy with that file
        var image = Assert.Single(AssetManifest.DockerImages(fixture.Stack));
        Assert.Equal(DjangoEcsNonDefaultsFixture.Dockerfile, image.DockerFile);
        Assert.True(File.Exists(Path.Combine(image.Directory, DjangoEcsNonDefaultsFixture.Dockerfile)), $"{image.Directory} is not a copy of the image directory.");
    }

    [Fact]
    public void Web_container_runs_the_given_command()
    {
        template.HasResourceProperties(TaskDefinition, WithContainer("web",
            ("Command", new[] { "gunicorn", "ublog.wsgi:application", "--bind", "0.0.0.0:8080" })));
    }

    [Fact]
    public void Web_container_exposes_the_given_port()
    {
        template.HasResourceProperties(TaskDefinition, WithContainer("web",
            ("PortMappings", new[] { Props(("ContainerPort", 8080), ("Protocol", "tcp")) })));
    }

    [Fact]
    public void Load_balancer_forwards_to_the_given_container_port()
    {
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.ObjectLike(Props(("Port", 8080), ("Protocol", "HTTP"))));
        template.HasPropertiesWithId(fixture.Id(django.WebService),
            ("LoadBalancers", new[] { Props(("ContainerName", "web"), ("ContainerPort", 8080)) }));
    }

    [Fact]
    public void Web_tasks_admit_the_load_balancer_on_the_given_port_only()
    {
        template.HasResourceProperties("AWS::EC2::SecurityGroupIngress", Props(
            ("GroupId", GetAtt(fixture.Id(django.AppSecurityGroup), "GroupId")),
            ("SourceSecurityGroupId", GetAtt(fixture.Id(django.LoadBalancer.Connections.SecurityGroups[0]), "GroupId")),
            ("IpProtocol", "tcp"), ("FromPort", 8080), ("ToPort", 8080)));
    }

    [Fact]
    public void Load_balancer_checks_the_given_health_check_path()
    {
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.ObjectLike(Props(("HealthCheckPath", "/healthz/"))));
    }

    [Theory]
    [InlineData("DJANGO_SETTINGS_MODULE", "ublog.settings.aws")]
    [InlineData("DEBUG", "1")]
    [InlineData("POSTGRES_NAME", "ublog")]
    [InlineData("ASSETS_DOMAIN", "assets.example.com")]
    [InlineData("MEDIA_DOMAIN", "media.example.com")]
    [InlineData("HEALTH_CHECK_PATH", "/healthz/")]
    [InlineData("ALLOWED_HOSTS", "api.example.com,www.example.com,app.example.com")]
    [InlineData("CSRF_TRUSTED_ORIGINS", "https://api.example.com,https://app.example.com,https://www.example.com")]
    public void Every_container_receives_the_given_setting(string variable, string value)
    {
        // Given SettingsModule, Debug, DatabaseName, AssetsDomainName, MediaDomainName, HealthCheckPath, ExtraAllowedHosts
        // and ExtraCsrfTrustedOrigins / Then web, worker and beat (and release, which runs the web task) all get it
        template.ResourcePropertiesCountIs(TaskDefinition, WithContainer(Match.AnyValue(), ("Environment", Variable(variable, value))), 3);
        template.ResourceCountIs(TaskDefinition, 3);
    }

    [Fact]
    public void Debug_mode_synthesizes_with_a_warning()
    {
        Assert.Single(fixture.Annotations.FindWarning("*", Match.StringLikeRegexp("DEBUG=1")));
    }

    [Fact]
    public void Web_task_gets_the_given_cpu_and_memory()
    {
        template.HasPropertiesWithId(WebTask, ("Cpu", "1024"), ("Memory", "3072"));
    }

    [Fact]
    public void Web_service_starts_with_its_minimum_and_scales_up_to_its_maximum()
    {
        template.HasPropertiesWithId(fixture.Id(django.WebService), ("DesiredCount", 3));
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.ObjectLike(Props(
            ("ResourceId", ScalingResourceId(fixture.Id(django.WebService))), ("MinCapacity", 3), ("MaxCapacity", 12))));
    }

    [Theory]
    [InlineData("ECSServiceAverageCPUUtilization", 55)]
    [InlineData("ALBRequestCountPerTarget", 250)]
    public void Web_service_tracks_the_given_scaling_targets(string metric, double target)
    {
        // Given WebCpuTargetPercent = 55 and WebRequestsPerTarget = 250 / Then the web service's policies keep them
        var scalableTarget = fixture.Id(django.WebScaling.Node.FindChild("Target"));
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.ObjectLike(Props(
            ("ScalingTargetId", Ref(scalableTarget)),
            ("TargetTrackingScalingPolicyConfiguration", Match.ObjectLike(Props(
                ("PredefinedMetricSpecification", Match.ObjectLike(Props(("PredefinedMetricType", metric)))),
                ("TargetValue", target)))))));
    }

    [Fact]
    public void Worker_runs_celery_with_the_given_app_queues_name_and_concurrency()
    {
        template.HasResourceProperties(TaskDefinition, WithContainer("mailer", ("Command", new[]
        {
            "celery", "-A", "ublog.tasks:celery", "worker", "--loglevel", "INFO", "-Q", "mail,notifications", "-n", "mailer@%h", "--concurrency", "8",
        })));
    }

    [Fact]
    public void Worker_logs_under_its_name()
    {
        template.HasResourceProperties(TaskDefinition, WithContainer("mailer",
            ("LogConfiguration", Match.ObjectLike(Props(("Options", Match.ObjectLike(Props(("awslogs-stream-prefix", "mailer")))))))));
    }

    [Fact]
    public void Beat_runs_the_given_celery_app()
    {
        template.HasResourceProperties(TaskDefinition, WithContainer("beat", ("Command", Match.ArrayWith(["celery", "-A", "ublog.tasks:celery", "beat"]))));
    }

    [Fact]
    public void Worker_task_gets_the_given_cpu_and_memory()
    {
        template.HasPropertiesWithId(MailerTask, ("Cpu", "2048"), ("Memory", "4096"));
    }

    [Fact]
    public void Worker_starts_with_its_minimum_and_scales_up_to_its_maximum()
    {
        template.HasPropertiesWithId(Mailer, ("DesiredCount", 2));
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.ObjectLike(Props(
            ("ResourceId", ScalingResourceId(Mailer)), ("MinCapacity", 2), ("MaxCapacity", 6))));
    }

    [Fact]
    public void Worker_gets_the_given_time_to_finish_its_tasks()
    {
        template.HasResourceProperties(TaskDefinition, WithContainer("mailer", ("StopTimeout", 45)));
    }

    [Fact]
    public void Database_runs_on_the_given_instance_type()
    {
        template.HasResourceProperties("AWS::RDS::DBInstance", Match.ObjectLike(Props(("DBInstanceClass", "db.m7g.large"))));
    }

    [Fact]
    public void Database_starts_with_the_given_storage_and_may_grow_beyond_the_default_cap()
    {
        // Given 200 GiB, more than the 100 GiB the storage grows to by default / Then it starts and stays at 200
        template.HasResourceProperties("AWS::RDS::DBInstance", Match.ObjectLike(Props(("AllocatedStorage", "200"), ("MaxAllocatedStorage", 200))));
    }

    [Fact]
    public void Database_keeps_backups_for_the_given_days()
    {
        template.HasResourceProperties("AWS::RDS::DBInstance", Match.ObjectLike(Props(("BackupRetentionPeriod", 14))));
    }

    [Fact]
    public void Database_is_created_with_the_given_name()
    {
        template.HasResourceProperties("AWS::RDS::DBInstance", Match.ObjectLike(Props(("DBName", "ublog"))));
    }

    [Fact]
    public void Database_deletion_protection_can_be_left_off()
    {
        // Given DatabaseDeletionProtection = false / Then no step turns it on, and deletion still leaves a snapshot
        template.ResourceCountIs("Custom::AWS", 0);
        Assert.Null(django.DatabaseProtection);
        template.HasResource("AWS::RDS::DBInstance", Match.ObjectLike(Props(
            ("DeletionPolicy", "Snapshot"), ("Properties", Match.ObjectLike(Props(("DeletionProtection", false)))))));
    }

    [Fact]
    public void Cache_runs_on_the_given_node_type()
    {
        template.HasResourceProperties("AWS::ElastiCache::ReplicationGroup", Match.ObjectLike(Props(("CacheNodeType", "cache.r7g.large"))));
    }

    [Fact]
    public void A_chosen_bucket_name_is_used_for_the_static_and_media_bucket()
    {
        template.HasPropertiesWithId(fixture.Id(django.StaticFileBucket), ("BucketName", "ublog-media-eu"));
    }

    [Fact]
    public void Certificate_also_covers_the_given_alternative_names()
    {
        template.HasResourceProperties("AWS::CertificateManager::Certificate", Match.ObjectLike(Props(
            ("DomainName", "api.example.com"),
            ("SubjectAlternativeNames", new[] { "app.example.com", "www.example.com" }),
            ("DomainValidationOptions", new[] { "api.example.com", "app.example.com", "www.example.com" }
                .Select(name => Props(("DomainName", name), ("HostedZoneId", "Z0123456789EXAMPLE"))).ToArray()))));
    }

    [Fact]
    public void Nat_instance_runs_the_given_image()
    {
        template.HasResourceProperties("AWS::EC2::Instance", Match.ObjectLike(Props(("ImageId", DjangoEcsNonDefaultsFixture.NatImageId))));
    }

    [Fact]
    public void Availability_zones_choose_where_the_new_vpc_lives()
    {
        // Given zones b and c / Then each holds one public, one private and one isolated subnet, and no other zone is used
        template.ResourcePropertiesCountIs("AWS::EC2::Subnet", Match.ObjectLike(Props(("AvailabilityZone", "eu-west-1b"))), 3);
        template.ResourcePropertiesCountIs("AWS::EC2::Subnet", Match.ObjectLike(Props(("AvailabilityZone", "eu-west-1c"))), 3);
        template.ResourceCountIs("AWS::EC2::Subnet", 6);
    }

    [Fact]
    public void Custom_release_commands_run_in_the_given_order()
    {
        template.ResourceCountIs("Custom::DjangoRelease", 3);
        var steps = django.ReleaseSteps.Select(fixture.Id).ToList();
        string[][] commands = [["python", "manage.py", "migrate"], ["python", "manage.py", "createcachetable"], ["./scripts/seed.sh"]];
        string[] names = ["migrate", "createcachetable", "seed.sh"];
        for (var i = 0; i < steps.Count; i++)
        {
            template.HasPropertiesWithId(steps[i], ("Command", commands[i]), ("Name", names[i]));
            if (i > 0) template.HasResourceWithId(steps[i], Props(("DependsOn", Match.ArrayWith([steps[i - 1]]))));
        }
    }

    [Fact]
    public void Release_timeout_in_seconds_reaches_the_waiter_unrounded()
    {
        // Given 90 seconds / Then each task may run 90 s, and CloudFormation waits 90 s plus the waiter's 5 minutes
        template.AllResourcesProperties("Custom::DjangoRelease", Match.ObjectLike(Props(("TimeoutSeconds", "90"), ("ServiceTimeout", 390))));
    }

    [Fact]
    public void Skip_release_marks_every_step_as_skipped()
    {
        template.AllResourcesProperties("Custom::DjangoRelease", Match.ObjectLike(Props(("Skip", "true"))));
    }
}
