using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.Lambda;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;
using static DjangoCdk.Tests.TestSupport.Patterns;

namespace DjangoCdk.Tests.Ecs;

/// <summary>What DjangoEcs builds when only ImageDirectory is given.</summary>
public sealed class DjangoEcsDefaultsTests(DjangoEcsDefaultsFixture fixture) : IClassFixture<DjangoEcsDefaultsFixture>
{
    private readonly Template template = fixture.Template;
    private readonly DjangoEcs django = fixture.Django;

    private string WebTask => fixture.Id(django.WebTaskDefinition);
    private string TaskRole => fixture.Id(django.TaskRole);
    private string ExecutionRole => fixture.Id(django.ExecutionRole);
    private string AppSecurityGroup => fixture.Id(django.AppSecurityGroup);
    private object[] PrivateSubnets => django.Vpc.PrivateSubnets.Select(s => (object)Ref(fixture.Id(s))).ToArray();
    private string PolicyOf(Constructs.IConstruct role) => fixture.Id(role.Node.FindChild("DefaultPolicy"));
    private Constructs.IConstruct OnEventRole => ((Function)django.Node.FindChild(DjangoEcs.Ids.Release).Node.FindChild(ReleasePhase.OnEventId)).Role!;

    [Fact]
    public void Defaults_match_the_golden_template() => Snapshot.Matches(template, "DjangoEcsDefaults");

    [Fact]
    public void New_vpc_has_public_private_and_isolated_subnets_in_two_zones()
    {
        // Given the defaults / When synthesized / Then three subnet tiers over two AZs exist.
        template.ResourceCountIs("AWS::EC2::Subnet", 6);
        template.ResourcePropertiesCountIs("AWS::EC2::Subnet", Match.ObjectLike(Props(("MapPublicIpOnLaunch", true))), 2);
        Assert.Equal(2, django.Vpc.IsolatedSubnets.Length);
    }

    [Fact]
    public void New_vpc_shares_one_nat_gateway_between_both_zones()
    {
        template.ResourceCountIs("AWS::EC2::NatGateway", 1);
    }

    [Fact]
    public void New_vpc_records_flow_logs()
    {
        template.HasResourceProperties("AWS::EC2::FlowLog", Props(("TrafficType", "ALL"), ("LogDestinationType", "cloud-watch-logs")));
    }

    [Fact]
    public void Cluster_has_container_insights_enabled()
    {
        template.HasResourceProperties("AWS::ECS::Cluster", Props(("ClusterSettings", new[] { Props(("Name", "containerInsights"), ("Value", "enabled")) })));
    }

    [Fact]
    public void Tasks_run_on_graviton_by_default()
    {
        template.AllResourcesProperties(TaskDefinition, Props(("RuntimePlatform", Props(("CpuArchitecture", "ARM64"), ("OperatingSystemFamily", "LINUX")))));
    }

    [Fact]
    public void Image_is_built_for_arm64_by_default()
    {
        // Given no CpuArchitecture / Then cdk deploy builds the image for the platform the tasks run on
        var image = Assert.Single(AssetManifest.DockerImages(fixture.Stack));
        Assert.Equal("linux/arm64", image.Platform);
        Assert.Equal("Dockerfile", image.DockerFile);
    }

    [Fact]
    public void Web_worker_and_release_share_one_image()
    {
        // Release tasks run the web task definition, so every container of every task definition names the one image.
        var image = fixture.Stack.Resolve(django.ImageAsset.ImageUri);
        template.AllResourcesProperties(TaskDefinition, Props(("ContainerDefinitions", new[] { Props(("Image", image)) })));
    }

    [Fact]
    public void Web_service_rolls_back_a_failed_deployment()
    {
        template.HasPropertiesWithId(fixture.Id(django.WebService),
            ("DeploymentConfiguration", Match.ObjectLike(Props(
                ("DeploymentCircuitBreaker", Props(("Enable", true), ("Rollback", true))),
                ("MinimumHealthyPercent", 100),
                ("MaximumPercent", 200)))));
    }

    [Fact]
    public void Web_service_gives_new_tasks_a_health_check_grace_period()
    {
        template.HasPropertiesWithId(fixture.Id(django.WebService), ("HealthCheckGracePeriodSeconds", 60));
    }

    [Fact]
    public void Web_tasks_run_in_private_subnets_without_public_ips()
    {
        template.HasPropertiesWithId(fixture.Id(django.WebService),
            ("NetworkConfiguration", Props(("AwsvpcConfiguration", Props(
                ("AssignPublicIp", "DISABLED"),
                ("SecurityGroups", new[] { GetAtt(AppSecurityGroup, "GroupId") }),
                ("Subnets", PrivateSubnets))))));
    }

    [Fact]
    public void Load_balancer_checks_the_health_check_path_for_a_200()
    {
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.ObjectLike(Props(
            ("HealthCheckPath", "/api/health-check/"),
            ("Matcher", Props(("HttpCode", "200"))),
            ("Port", 8000))));
    }

    [Fact]
    public void Load_balancer_drains_targets_for_thirty_seconds()
    {
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", Match.ObjectLike(Props(
            ("TargetGroupAttributes", Match.ArrayWith([Props(("Key", "deregistration_delay.timeout_seconds"), ("Value", "30"))])))));
    }

    [Fact]
    public void Web_service_scales_on_cpu_and_on_requests_per_target()
    {
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalableTarget", Match.ObjectLike(Props(("MinCapacity", 1), ("MaxCapacity", 4))));
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.ObjectLike(Props(
            ("TargetTrackingScalingPolicyConfiguration", Match.ObjectLike(Props(
                ("PredefinedMetricSpecification", Match.ObjectLike(Props(("PredefinedMetricType", "ECSServiceAverageCPUUtilization")))),
                ("TargetValue", 70)))))));
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Match.ObjectLike(Props(
            ("TargetTrackingScalingPolicyConfiguration", Match.ObjectLike(Props(
                ("PredefinedMetricSpecification", Match.ObjectLike(Props(("PredefinedMetricType", "ALBRequestCountPerTarget")))),
                ("TargetValue", 1000)))))));
    }

    [Fact]
    public void Load_balancer_is_internet_facing_in_the_public_subnets()
    {
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match.ObjectLike(Props(
            ("Scheme", "internet-facing"),
            ("Subnets", django.Vpc.PublicSubnets.Select(s => (object)Ref(fixture.Id(s))).ToArray()))));
    }

    [Fact]
    public void Load_balancer_drops_invalid_header_fields()
    {
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match.ObjectLike(Props(
            ("LoadBalancerAttributes", Match.ArrayWith([Props(("Key", "routing.http.drop_invalid_header_fields.enabled"), ("Value", "true"))])))));
    }

    [Fact]
    public void Load_balancer_writes_access_logs_to_the_logs_bucket()
    {
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match.ObjectLike(Props(
            ("LoadBalancerAttributes", Match.ArrayWith([
                Props(("Key", "access_logs.s3.enabled"), ("Value", "true")),
                Props(("Key", "access_logs.s3.bucket"), ("Value", Ref(fixture.Id(django.AccessLogsBucket)))),
            ])))));
    }

    [Fact]
    public void Without_a_domain_the_site_is_served_over_http_with_a_warning()
    {
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.ObjectLike(Props(("Port", 80), ("Protocol", "HTTP"))));
        template.ResourceCountIs("AWS::CertificateManager::Certificate", 0);
        var warnings = fixture.Annotations.FindWarning("*", Match.StringLikeRegexp("plain HTTP"));
        Assert.Single(warnings);
    }

    [Fact]
    public void One_celery_worker_consumes_the_default_queue()
    {
        template.HasResourceProperties(TaskDefinition, WithContainer("worker",
            ("Command", new[] { "celery", "-A", "backend.celery_app:app", "worker", "--loglevel", "INFO", "-Q", "celery", "-n", "worker@%h" }),
            ("StopTimeout", 120)));
    }

    [Fact]
    public void Beat_is_off_by_default()
    {
        template.ResourceCountIs("AWS::ECS::Service", 2);
        template.ResourcePropertiesCountIs(TaskDefinition, WithContainer("beat"), 0);
    }

    [Fact]
    public void Ecs_exec_is_off_by_default()
    {
        template.AllResourcesProperties("AWS::ECS::Service", Props(("EnableExecuteCommand", false)));
        Assert.Null(django.ExecKey);
        template.HasResourceProperties("AWS::ECS::Cluster", Props(("Configuration", Match.Absent())));
    }

    [Fact]
    public void Web_container_keeps_the_image_command_and_exposes_the_container_port()
    {
        template.HasResourceProperties(TaskDefinition, WithContainer("web",
            ("Command", Match.Absent()),
            ("PortMappings", new[] { Props(("ContainerPort", 8000), ("Protocol", "tcp")) })));
    }

    [Theory]
    [InlineData("DJANGO_SETTINGS_MODULE", "backend.settings.production")]
    [InlineData("DEBUG", "0")]
    [InlineData("HTTPS", "0")]
    [InlineData("CSRF_TRUSTED_ORIGINS", "")]
    [InlineData("FRONTEND_URL", "")]
    [InlineData("ASSETS_DOMAIN", "")]
    [InlineData("MEDIA_DOMAIN", "")]
    [InlineData("HEALTH_CHECK_PATH", "/api/health-check/")]
    [InlineData("POSTGRES_NAME", "django")]
    [InlineData("POSTGRES_USERNAME", "django")]
    [InlineData("REDIS_SERVICE_PORT", "6379")]
    [InlineData("REDIS_TLS", "1")]
    [InlineData("AWS_S3_REGION_NAME", TestStacks.Region)]
    public void Containers_receive_the_default_settings(string variable, string value)
    {
        template.HasResourceProperties(TaskDefinition, WithContainer("web", ("Environment", Variable(variable, value))));
    }

    [Theory]
    [InlineData("ALLOWED_HOSTS")]
    [InlineData("POSTGRES_SERVICE_HOST")]
    [InlineData("POSTGRES_SERVICE_PORT")]
    [InlineData("DB_SECRET_NAME")]
    [InlineData("REDIS_SERVICE_HOST")]
    [InlineData("S3_BUCKET_NAME")]
    [InlineData("AWS_STORAGE_BUCKET_NAME")]
    public void Containers_find_the_resources_they_use_through_the_environment(string variable)
    {
        var database = fixture.Id(django.Database);
        object expected = variable switch
        {
            "ALLOWED_HOSTS" => GetAtt(fixture.Id(django.LoadBalancer), "DNSName"),
            "POSTGRES_SERVICE_HOST" => GetAtt(database, "Endpoint.Address"),
            "POSTGRES_SERVICE_PORT" => GetAtt(database, "Endpoint.Port"),
            // The attachment's Ref is the database secret's ARN.
            "DB_SECRET_NAME" => Ref(fixture.Id(django.Database.Secret!)),
            "REDIS_SERVICE_HOST" => GetAtt(fixture.Id(django.Cache), "PrimaryEndPoint.Address"),
            _ => Ref(fixture.Id(django.StaticFileBucket)),
        };
        template.HasResourceProperties(TaskDefinition, WithContainer("web", ("Environment", Variable(variable, expected))));
    }

    [Fact]
    public void Every_django_container_gets_the_same_environment()
    {
        var environment = new Capture();
        template.HasResourceProperties(TaskDefinition, WithContainer("web", ("Environment", environment)));
        template.AllResourcesProperties(TaskDefinition, Props(("ContainerDefinitions", new[] { Props(("Environment", environment.AsArray())) })));
    }

    [Fact]
    public void Passwords_and_keys_are_injected_from_secrets_manager()
    {
        var attachment = fixture.Id(django.Database.Secret!);
        template.AllResourcesProperties(TaskDefinition, Props(("ContainerDefinitions", new[]
        {
            Props(("Secrets", new[]
            {
                Props(("Name", "DJANGO_SECRET_KEY"), ("ValueFrom", Ref(fixture.Id(django.SecretKey)))),
                Props(("Name", "POSTGRES_PASSWORD"), ("ValueFrom", Join(Ref(attachment), ":password::"))),
                Props(("Name", "REDIS_PASSWORD"), ("ValueFrom", Ref(fixture.Id(django.CacheAuthToken)))),
            })),
        })));
    }

    [Fact]
    public void No_password_key_or_token_is_a_plain_variable()
    {
        var secretLooking = Match.ObjectLike(Props(("Name", Match.StringLikeRegexp("(PASSWORD|SECRET_KEY|TOKEN)$"))));
        template.AllResourcesProperties(TaskDefinition, Props(("ContainerDefinitions", new[]
        {
            Props(("Environment", Match.Not(Match.ArrayWith([secretLooking])))),
        })));
    }

    [Fact]
    public void Database_is_current_postgres_on_a_graviton_burstable_class()
    {
        template.HasResourceProperties("AWS::RDS::DBInstance", Match.ObjectLike(Props(
            ("Engine", "postgres"), ("EngineVersion", "17"), ("DBInstanceClass", "db.t4g.micro"), ("DBName", "django"))));
    }

    [Fact]
    public void Database_storage_starts_at_20_gib_and_grows_to_100()
    {
        template.HasResourceProperties("AWS::RDS::DBInstance", Match.ObjectLike(Props(
            ("AllocatedStorage", "20"), ("MaxAllocatedStorage", 100), ("StorageType", "gp3"))));
    }

    [Fact]
    public void Database_is_encrypted_backed_up_and_private()
    {
        template.HasResourceProperties("AWS::RDS::DBInstance", Match.ObjectLike(Props(
            ("StorageEncrypted", true), ("BackupRetentionPeriod", 7), ("PubliclyAccessible", false), ("MultiAZ", false))));
    }

    [Fact]
    public void Database_copies_its_tags_to_snapshots()
    {
        template.HasResourceProperties("AWS::RDS::DBInstance", Match.ObjectLike(Props(("CopyTagsToSnapshot", true))));
    }

    [Fact]
    public void Database_leaves_a_snapshot_when_the_stack_is_deleted()
    {
        template.HasResource("AWS::RDS::DBInstance", Props(("DeletionPolicy", "Snapshot"), ("UpdateReplacePolicy", "Snapshot")));
    }

    [Fact]
    public void Database_credentials_outlive_the_stack_so_the_snapshot_stays_usable()
    {
        // instance.Secret is the attachment; the generated secret itself is the child "Secret".
        template.HasResourceWithId(fixture.Id(django.Database.Node.FindChild("Secret")),
            Props(("DeletionPolicy", "RetainExceptOnCreate"), ("UpdateReplacePolicy", "Retain")));
    }

    [Fact]
    public void Database_lives_in_isolated_subnets()
    {
        template.HasResourceProperties("AWS::RDS::DBSubnetGroup", Match.ObjectLike(Props(
            ("SubnetIds", django.Vpc.IsolatedSubnets.Select(s => (object)Ref(fixture.Id(s))).ToArray()))));
    }

    [Fact]
    public void Database_admits_only_the_application_security_group()
    {
        var group = fixture.Id(django.Database.Connections.SecurityGroups[0]);
        template.ResourcePropertiesCountIs("AWS::EC2::SecurityGroupIngress", Match.ObjectLike(Props(("GroupId", GetAtt(group, "GroupId")))), 1);
        template.HasResourceProperties("AWS::EC2::SecurityGroupIngress", Props(
            ("GroupId", GetAtt(group, "GroupId")), ("SourceSecurityGroupId", GetAtt(AppSecurityGroup, "GroupId")),
            ("IpProtocol", "tcp"), ("FromPort", 5432), ("ToPort", 5432)));
        template.HasPropertiesWithId(group, ("SecurityGroupIngress", Match.Absent()));
    }

    [Fact]
    public void Cache_admits_only_the_application_and_the_queue_depth_publisher()
    {
        var group = fixture.Id(((RedisCache)django.Node.FindChild(DataStores.CacheId)).SecurityGroup);
        var publisher = fixture.Id(django.Node.FindChild(DjangoEcs.Ids.QueueDepth).Node.FindChild(QueueDepthPublisher.SecurityGroupId));
        template.ResourcePropertiesCountIs("AWS::EC2::SecurityGroupIngress", Match.ObjectLike(Props(("GroupId", GetAtt(group, "GroupId")))), 2);
        foreach (var source in new[] { AppSecurityGroup, publisher })
        {
            template.HasResourceProperties("AWS::EC2::SecurityGroupIngress", Props(
                ("GroupId", GetAtt(group, "GroupId")), ("SourceSecurityGroupId", GetAtt(source, "GroupId")),
                ("IpProtocol", "tcp"), ("FromPort", 6379), ("ToPort", 6379)));
        }

        template.HasPropertiesWithId(group, ("SecurityGroupIngress", Match.Absent()));
    }

    [Fact]
    public void Redis_requires_tls_and_an_auth_token_from_secrets_manager()
    {
        template.HasResourceProperties("AWS::ElastiCache::ReplicationGroup", Match.ObjectLike(Props(
            ("TransitEncryptionEnabled", true),
            ("AtRestEncryptionEnabled", true),
            ("AuthToken", Join("{{resolve:secretsmanager:", Ref(fixture.Id(django.CacheAuthToken)), ":SecretString:::}}")),
            ("CacheNodeType", "cache.t4g.micro"))));
    }

    [Fact]
    public void Static_and_media_bucket_is_encrypted_versioned_and_retained()
    {
        template.HasResourceWithId(fixture.Id(django.StaticFileBucket), Props(
            ("DeletionPolicy", "Retain"),
            ("Properties", Match.ObjectLike(Props(
                ("VersioningConfiguration", Props(("Status", "Enabled"))),
                ("OwnershipControls", Props(("Rules", new[] { Props(("ObjectOwnership", "BucketOwnerEnforced")) }))),
                ("BucketEncryption", Match.AnyValue()),
                ("LoggingConfiguration", Props(("DestinationBucketName", Ref(fixture.Id(django.AccessLogsBucket))))))))));
    }

    [Theory]
    [InlineData("StaticFiles")]
    [InlineData("AccessLogs")]
    public void Both_buckets_block_every_kind_of_public_access(string bucket)
    {
        template.ResourceCountIs("AWS::S3::Bucket", 2);
        template.HasPropertiesWithId(fixture.Id(bucket == "StaticFiles" ? django.StaticFileBucket : django.AccessLogsBucket),
            ("PublicAccessBlockConfiguration", Props(("BlockPublicAcls", true), ("BlockPublicPolicy", true), ("IgnorePublicAcls", true), ("RestrictPublicBuckets", true))));
    }

    [Fact]
    public void Static_and_media_bucket_refuses_requests_without_tls()
    {
        template.HasResourceProperties("AWS::S3::BucketPolicy", Props(
            ("Bucket", Ref(fixture.Id(django.StaticFileBucket))),
            ("PolicyDocument", Statement(("Effect", "Deny"), ("Action", "s3:*"), ("Condition", Props(("Bool", Props(("aws:SecureTransport", "false")))))))));
    }

    [Fact]
    public void Task_role_can_list_upload_read_and_delete_media_files_and_nothing_else()
    {
        // Exactly what django-storages needs; no ACL action (the bucket has ACLs disabled).
        var bucketArn = GetAtt(fixture.Id(django.StaticFileBucket), "Arn");
        template.HasPropertiesWithId(PolicyOf(django.TaskRole), ("PolicyDocument", Props(("Statement", new[]
        {
            Props(("Action", new[] { "s3:ListBucket", "s3:GetBucketLocation" }), ("Effect", "Allow"), ("Resource", bucketArn)),
            Props(("Action", new[] { "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload" }), ("Effect", "Allow"), ("Resource", Join(bucketArn, "/*"))),
        }))));
    }

    [Fact]
    public void Only_the_task_role_may_write_to_the_bucket()
    {
        template.ResourcePropertiesCountIs("AWS::IAM::Policy", Match.ObjectLike(Props(("PolicyDocument", Statement(("Action", Match.ArrayWith(["s3:PutObject"])))))), 1);
        template.ResourcePropertiesCountIs("AWS::IAM::Policy", Match.ObjectLike(Props(("PolicyDocument", Statement(("Action", "s3:PutObject"))))), 0);
        template.HasPropertiesWithId(PolicyOf(django.TaskRole), ("PolicyDocument", Statement(("Action", Match.ArrayWith(["s3:PutObject"])))));
    }

    [Fact]
    public void Release_runs_migrate_then_collectstatic()
    {
        template.ResourceCountIs("Custom::DjangoRelease", 2);
        var (migrate, collectstatic) = (fixture.Id(django.ReleaseSteps[0]), fixture.Id(django.ReleaseSteps[1]));
        template.HasPropertiesWithId(migrate, ("Command", new[] { "python", "manage.py", "migrate", "--no-input" }));
        template.HasPropertiesWithId(collectstatic, ("Command", new[] { "python", "manage.py", "collectstatic", "--no-input" }));
        template.HasResourceWithId(collectstatic, Props(("DependsOn", Match.ArrayWith([migrate]))));
    }

    [Fact]
    public void Services_roll_only_after_the_last_release_step_succeeds()
    {
        template.AllResources("AWS::ECS::Service", Props(("DependsOn", Match.ArrayWith([fixture.Id(django.ReleaseSteps[^1])]))));
    }

    [Theory]
    [InlineData("TaskRole")]
    [InlineData("ExecutionRole")]
    public void Release_steps_wait_for_the_role_policies_of_the_tasks(string role)
    {
        // Without them the first release task could start before it may read its secrets or write to the bucket.
        var policy = PolicyOf(role == "TaskRole" ? django.TaskRole : django.ExecutionRole);
        template.AllResources("Custom::DjangoRelease", Props(("DependsOn", Match.ArrayWith([policy]))));
    }

    [Fact]
    public void Services_wait_for_the_execution_role_policy()
    {
        template.AllResources("AWS::ECS::Service", Props(("DependsOn", Match.ArrayWith([PolicyOf(django.ExecutionRole)]))));
    }

    [Fact]
    public void Release_tasks_run_the_web_task_definition_in_the_app_network()
    {
        template.AllResourcesProperties("Custom::DjangoRelease", Props(
            ("TaskDefinition", Ref(WebTask)),
            ("ContainerName", "web"),
            ("Cluster", GetAtt(fixture.Id(django.Cluster), "Arn")),
            ("Subnets", PrivateSubnets),
            ("SecurityGroups", new[] { GetAtt(AppSecurityGroup, "GroupId") }),
            ("TimeoutSeconds", "1200")));
    }

    [Fact]
    public void Release_steps_rerun_when_the_image_changes()
    {
        template.AllResourcesProperties("Custom::DjangoRelease", Props(("Trigger", fixture.Stack.Resolve(django.ImageAsset.ImageUri))));
    }

    [Fact]
    public void Release_handler_may_only_run_the_web_task_definition_on_its_cluster()
    {
        template.HasPropertiesWithId(PolicyOf(OnEventRole), ("PolicyDocument", Statement(
            ("Action", "ecs:RunTask"),
            ("Effect", "Allow"),
            ("Resource", Ref(WebTask)),
            ("Condition", Props(("ArnEquals", Props(("ecs:cluster", GetAtt(fixture.Id(django.Cluster), "Arn")))))))));
        template.HasPropertiesWithId(PolicyOf(OnEventRole), ("PolicyDocument", Props(("Statement", Match.Not(Match.ArrayWith([Match.ObjectLike(Props(("Resource", "*")))]))))));
    }

    [Fact]
    public void Release_handler_may_pass_only_the_task_and_execution_roles_and_only_to_ecs_tasks()
    {
        template.HasPropertiesWithId(PolicyOf(OnEventRole), ("PolicyDocument", Statement(
            ("Action", "iam:PassRole"),
            ("Effect", "Allow"),
            ("Resource", new[] { GetAtt(TaskRole, "Arn"), GetAtt(ExecutionRole, "Arn") }),
            ("Condition", Match.ObjectEquals(Props(("StringEquals", Props(("iam:PassedToService", "ecs-tasks.amazonaws.com")))))))));
    }

    [Fact]
    public void Release_waiter_state_machine_logs_every_execution()
    {
        template.HasResourceProperties("AWS::StepFunctions::StateMachine", Match.ObjectLike(Props(
            ("LoggingConfiguration", Match.ObjectLike(Props(("Level", "ALL")))))));
    }

    [Theory]
    [InlineData("SiteUrl")]
    [InlineData("StaticFileBucketName")]
    [InlineData("ClusterName")]
    [InlineData("WebServiceName")]
    [InlineData("RunManagementCommand")]
    public void Stack_outputs_what_operators_need(string output)
    {
        template.HasOutput(fixture.Id(django.Node.FindChild(output)), Match.ObjectLike(Props(("Value", Match.AnyValue()))));
    }

    [Fact]
    public void Stack_outputs_the_site_on_the_load_balancers_name()
    {
        template.HasOutput(fixture.Id(django.Node.FindChild("SiteUrl")), Match.ObjectLike(Props(
            ("Value", Join("http://", GetAtt(fixture.Id(django.LoadBalancer), "DNSName"))))));
    }

    [Fact]
    public void Without_ecs_exec_there_is_no_exec_command_output()
    {
        Assert.Null(django.Node.TryFindChild("ExecCommand"));
        var execCommand = Props(("Fn::Join", new object[] { "", Match.ArrayWith([Match.StringLikeRegexp("^aws ecs execute-command ")]) }));
        Assert.Empty(template.FindOutputs("*", Match.ObjectLike(Props(("Value", execCommand)))));
    }

    [Theory]
    [InlineData("AWS::ECS::Cluster", "ClusterName")]
    [InlineData("AWS::ECS::Service", "ServiceName")]
    [InlineData("AWS::SecretsManager::Secret", "Name")]
    [InlineData("AWS::EC2::SecurityGroup", "GroupName")]
    [InlineData("AWS::IAM::Role", "RoleName")]
    [InlineData("AWS::RDS::DBInstance", "DBInstanceIdentifier")]
    [InlineData("AWS::S3::Bucket", "BucketName")]
    [InlineData("AWS::Logs::LogGroup", "LogGroupName")]
    [InlineData("AWS::ElastiCache::ReplicationGroup", "ReplicationGroupId")]
    public void No_physical_name_is_hard_coded(string type, string nameProperty)
    {
        // A name built from the stack's ID (unique to each stack's creation) cannot collide, so it is not hard-coded.
        // "Absent, or containing AWS::StackId" is a disjunction Match cannot state: TemplateJson.
        Assert.All(new TemplateJson(template).OfType(type), r =>
        {
            var name = r.Value["Properties"]?[nameProperty];
            if (name is not null) Assert.Contains("\"AWS::StackId\"", name.ToJsonString());
        });
    }

    [Fact]
    public void Exposed_properties_point_at_the_resources_built()
    {
        Assert.Same(django.WebService.Cluster, django.Cluster);
        Assert.Equal(2, django.ReleaseSteps.Count);
        Assert.Single(django.WorkerServices);
        Assert.Null(django.BeatService);
        Assert.Null(django.Certificate);
        Assert.Equal(django.LoadBalancer.LoadBalancerDnsName, django.ApiDomainName);
    }
}
