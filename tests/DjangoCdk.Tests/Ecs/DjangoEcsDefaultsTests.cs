using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;

namespace DjangoCdk.Tests.Ecs;

/// <summary>What DjangoEcs builds when only ImageDirectory is given.</summary>
public sealed class DjangoEcsDefaultsTests(DjangoEcsDefaultsFixture fixture) : IClassFixture<DjangoEcsDefaultsFixture>
{
    private readonly Template template = fixture.Template;
    private readonly TemplateJson json = new(fixture.Template);

    [Fact]
    public void Defaults_match_the_golden_template() => Snapshot.Matches(template, "DjangoEcsDefaults");

    [Fact]
    public void New_vpc_has_public_private_and_isolated_subnets_in_two_zones()
    {
        // Given the defaults / When synthesized / Then three subnet tiers over two AZs exist.
        template.ResourceCountIs("AWS::EC2::Subnet", 6);
        template.ResourcePropertiesCountIs("AWS::EC2::Subnet", Match.ObjectLike(Props(("MapPublicIpOnLaunch", true))), 2);
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
        foreach (var (_, task) in json.OfType("AWS::ECS::TaskDefinition"))
            Assert.Equal("ARM64", (string?)task["Properties"]!["RuntimePlatform"]!["CpuArchitecture"]);
    }

    [Fact]
    public void Web_worker_and_release_share_one_image()
    {
        var images = json.Containers.Select(c => c["Image"]!.ToJsonString()).Distinct().ToList();
        Assert.Single(images);
        Assert.Contains("cdk-hnb659fds-container-assets", images[0]);
    }

    [Fact]
    public void Web_service_rolls_back_a_failed_deployment()
    {
        template.HasResourceProperties("AWS::ECS::Service", Match.ObjectLike(Props(
            ("DeploymentConfiguration", Match.ObjectLike(Props(
                ("DeploymentCircuitBreaker", Props(("Enable", true), ("Rollback", true))),
                ("MinimumHealthyPercent", 100),
                ("MaximumPercent", 200)))),
            ("LoadBalancers", Match.AnyValue()))));
    }

    [Fact]
    public void Web_service_gives_new_tasks_a_health_check_grace_period()
    {
        template.HasResourceProperties("AWS::ECS::Service", Match.ObjectLike(Props(("HealthCheckGracePeriodSeconds", 60))));
    }

    [Fact]
    public void Web_tasks_run_in_private_subnets_without_public_ips()
    {
        var web = json.OfType("AWS::ECS::Service").Single(s => s.Value["Properties"]!["LoadBalancers"] is not null).Value;
        var network = web["Properties"]!["NetworkConfiguration"]!["AwsvpcConfiguration"]!;
        Assert.Equal("DISABLED", (string?)network["AssignPublicIp"]);
        Assert.All(network["Subnets"]!.AsArray(), s => Assert.Contains("PrivateSubnet", (string?)s!["Ref"]));
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
    public void Load_balancer_writes_access_logs_and_drops_invalid_headers()
    {
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Match.ObjectLike(Props(
            ("Scheme", "internet-facing"),
            ("LoadBalancerAttributes", Match.ArrayWith([
                Props(("Key", "routing.http.drop_invalid_header_fields.enabled"), ("Value", "true")),
                Props(("Key", "access_logs.s3.enabled"), ("Value", "true")),
            ])))));
    }

    [Fact]
    public void Without_a_domain_the_site_is_served_over_http_with_a_warning()
    {
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.ObjectLike(Props(("Port", 80), ("Protocol", "HTTP"))));
        template.ResourceCountIs("AWS::CertificateManager::Certificate", 0);
        var warnings = Annotations.FromStack(fixture.Stack).FindWarning("*", Match.StringLikeRegexp("plain HTTP"));
        Assert.Single(warnings);
    }

    [Fact]
    public void One_celery_worker_consumes_the_default_queue()
    {
        var worker = json.Container("worker");
        Assert.Equal(["celery", "-A", "backend.celery_app:app", "worker", "--loglevel", "INFO", "-Q", "celery", "-n", "worker@%h"], TemplateJson.Command(worker));
        Assert.Equal(120, (int?)worker["StopTimeout"]);
    }

    [Fact]
    public void Beat_and_ecs_exec_are_off_by_default()
    {
        template.ResourceCountIs("AWS::ECS::Service", 2);
        Assert.DoesNotContain(json.Containers, c => (string?)c["Name"] == "beat");
        Assert.All(json.OfType("AWS::ECS::Service"), s => Assert.NotEqual(true, (bool?)s.Value["Properties"]!["EnableExecuteCommand"]));
    }

    [Fact]
    public void Web_container_keeps_the_image_command_and_exposes_the_container_port()
    {
        var web = json.Container("web");
        Assert.Null(web["Command"]);
        Assert.Equal(8000, (int?)web["PortMappings"]![0]!["ContainerPort"]);
    }

    [Fact]
    public void Containers_receive_the_environment_contract()
    {
        var env = TemplateJson.Environment(json.Container("web"));
        Assert.Equal("backend.settings.production", (string?)env["DJANGO_SETTINGS_MODULE"]);
        Assert.Equal("0", (string?)env["DEBUG"]);
        Assert.Contains("DNSName", env["ALLOWED_HOSTS"]!.ToJsonString());
        Assert.Contains("Endpoint.Address", env["POSTGRES_SERVICE_HOST"]!.ToJsonString());
        Assert.Contains("Endpoint.Port", env["POSTGRES_SERVICE_PORT"]!.ToJsonString());
        Assert.Equal("django", (string?)env["POSTGRES_NAME"]);
        Assert.Equal("django", (string?)env["POSTGRES_USERNAME"]);
        // The attachment's Ref is the database secret's ARN.
        Assert.Equal(TemplateJson.Ref(json.OfType("AWS::SecretsManager::SecretTargetAttachment").Single().Key).ToJsonString(), env["DB_SECRET_NAME"]!.ToJsonString());
        Assert.Equal("", (string?)env["ASSETS_DOMAIN"]);
        Assert.Contains("PrimaryEndPoint.Address", env["REDIS_SERVICE_HOST"]!.ToJsonString());
        Assert.Equal("6379", (string?)env["REDIS_SERVICE_PORT"]);
        Assert.Equal("1", (string?)env["REDIS_TLS"]);
        Assert.Equal(env["S3_BUCKET_NAME"]!.ToJsonString(), env["AWS_STORAGE_BUCKET_NAME"]!.ToJsonString());
        Assert.Contains("StaticFiles", env["S3_BUCKET_NAME"]!.ToJsonString());
        Assert.Equal(TestStacks.Region, (string?)env["AWS_S3_REGION_NAME"]);
        Assert.Equal("", (string?)env["FRONTEND_URL"]);
    }

    [Fact]
    public void Every_django_container_gets_the_same_environment()
    {
        var environments = json.Containers.Select(c => c["Environment"]!.ToJsonString()).Distinct();
        Assert.Single(environments);
    }

    [Fact]
    public void Passwords_and_keys_are_injected_from_secrets_manager_never_as_plain_values()
    {
        var web = json.Container("web");
        var secrets = TemplateJson.Secrets(web);
        Assert.Equal(["DJANGO_SECRET_KEY", "POSTGRES_PASSWORD", "REDIS_PASSWORD"], secrets.Keys.Order());
        Assert.EndsWith(":password::\"]]}", secrets["POSTGRES_PASSWORD"]!.ToJsonString());
        Assert.DoesNotContain(TemplateJson.Environment(web).Keys, k => k.EndsWith("PASSWORD") || k.EndsWith("SECRET_KEY") || k.EndsWith("TOKEN"));
    }

    [Fact]
    public void Database_is_current_postgres_on_a_graviton_burstable_class()
    {
        template.HasResourceProperties("AWS::RDS::DBInstance", Match.ObjectLike(Props(
            ("Engine", "postgres"), ("EngineVersion", "17"), ("DBInstanceClass", "db.t4g.micro"), ("DBName", "django"))));
    }

    [Fact]
    public void Database_is_encrypted_backed_up_and_private()
    {
        template.HasResourceProperties("AWS::RDS::DBInstance", Match.ObjectLike(Props(
            ("StorageEncrypted", true), ("BackupRetentionPeriod", 7), ("PubliclyAccessible", false), ("MultiAZ", false))));
    }

    [Fact]
    public void Database_leaves_a_snapshot_when_the_stack_is_deleted()
    {
        template.HasResource("AWS::RDS::DBInstance", Props(("DeletionPolicy", "Snapshot"), ("UpdateReplacePolicy", "Snapshot")));
    }

    [Fact]
    public void Database_credentials_outlive_the_stack_so_the_snapshot_stays_usable()
    {
        var secretId = json.OfType("AWS::SecretsManager::Secret").Single(s => s.Key.Contains("DatabaseSecret")).Key;
        Assert.Equal("RetainExceptOnCreate", (string?)json.Resources[secretId]!["DeletionPolicy"]);
        Assert.Equal("Retain", (string?)json.Resources[secretId]!["UpdateReplacePolicy"]);
    }

    [Fact]
    public void Database_lives_in_isolated_subnets()
    {
        var subnets = json.OfType("AWS::RDS::DBSubnetGroup").Single().Value["Properties"]!["SubnetIds"]!.AsArray();
        Assert.All(subnets, s => Assert.Contains("IsolatedSubnet", (string?)s!["Ref"]));
    }

    [Theory]
    [InlineData("Database", 5432)]
    [InlineData("Cache", 6379)]
    public void Data_stores_admit_only_the_application_security_group(string store, int port)
    {
        var appGroup = json.LogicalId("AWS::EC2::SecurityGroup", g => ((string?)g["Properties"]!["GroupDescription"])!.StartsWith("Django application tasks"));
        var storeGroup = json.OfType("AWS::EC2::SecurityGroup").Single(g => g.Key.StartsWith("Django" + store)).Key;
        var ingress = json.OfType("AWS::EC2::SecurityGroupIngress")
            .Where(i => i.Value["Properties"]!["GroupId"]!.ToJsonString().Contains(storeGroup)).ToList();
        var rule = Assert.Single(ingress).Value["Properties"]!;
        Assert.Contains(appGroup, rule["SourceSecurityGroupId"]!.ToJsonString());
        Assert.Contains(port.ToString(), rule["FromPort"]!.ToJsonString());
        var inline = json.Resources[storeGroup]!["Properties"]!["SecurityGroupIngress"];
        Assert.Null(inline);
    }

    [Fact]
    public void Redis_requires_tls_and_an_auth_token_from_secrets_manager()
    {
        var group = json.OfType("AWS::ElastiCache::ReplicationGroup").Single().Value["Properties"]!;
        Assert.True((bool)group["TransitEncryptionEnabled"]!);
        Assert.True((bool)group["AtRestEncryptionEnabled"]!);
        Assert.Contains("{{resolve:secretsmanager:", group["AuthToken"]!.ToJsonString());
        Assert.Equal("cache.t4g.micro", (string?)group["CacheNodeType"]);
    }

    [Fact]
    public void Static_and_media_bucket_is_private_encrypted_versioned_and_retained()
    {
        template.HasResource("AWS::S3::Bucket", Match.ObjectLike(Props(
            ("DeletionPolicy", "Retain"),
            ("Properties", Match.ObjectLike(Props(
                ("VersioningConfiguration", Props(("Status", "Enabled"))),
                ("OwnershipControls", Props(("Rules", new[] { Props(("ObjectOwnership", "BucketOwnerEnforced")) }))),
                ("PublicAccessBlockConfiguration", Props(("BlockPublicAcls", true), ("BlockPublicPolicy", true), ("IgnorePublicAcls", true), ("RestrictPublicBuckets", true))),
                ("BucketEncryption", Match.AnyValue()),
                ("LoggingConfiguration", Match.AnyValue())))))));
    }

    [Fact]
    public void Static_and_media_bucket_refuses_requests_without_tls()
    {
        var policy = json.OfType("AWS::S3::BucketPolicy").Single(p => p.Key.StartsWith("DjangoStaticFiles")).Value.ToJsonString();
        Assert.Contains("\"aws:SecureTransport\":\"false\"", policy);
        Assert.Contains("\"Effect\":\"Deny\"", policy);
    }

    [Fact]
    public void Task_role_can_upload_read_and_delete_media_files()
    {
        var taskRole = json.LogicalId("AWS::IAM::Role", r => ((string?)r["Properties"]!["Description"])?.StartsWith("Django application tasks") == true);
        var policy = json.OfType("AWS::IAM::Policy").Single(p => p.Value["Properties"]!["Roles"]!.ToJsonString().Contains(taskRole)).Value.ToJsonString();
        foreach (var action in new[] { "s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:ListBucket", "s3:AbortMultipartUpload" })
            Assert.Contains($"\"{action}\"", policy);
        Assert.DoesNotContain("Acl", policy);
    }

    [Fact]
    public void Only_the_task_role_may_write_to_the_bucket()
    {
        var writers = json.OfType("AWS::IAM::Policy").Where(p => p.Value.ToJsonString().Contains("\"s3:PutObject\"")).ToList();
        Assert.Single(writers);
    }

    [Fact]
    public void Release_runs_migrate_then_collectstatic()
    {
        var steps = json.OfType("Custom::DjangoRelease").OrderBy(s => s.Key).ToList();
        Assert.Equal(2, steps.Count);
        Assert.Equal("[\"python\",\"manage.py\",\"migrate\",\"--no-input\"]", steps[0].Value["Properties"]!["Command"]!.ToJsonString());
        Assert.Equal("[\"python\",\"manage.py\",\"collectstatic\",\"--no-input\"]", steps[1].Value["Properties"]!["Command"]!.ToJsonString());
        Assert.Contains(steps[0].Key, steps[1].Value["DependsOn"]!.AsArray().Select(d => (string?)d));
    }

    [Fact]
    public void Services_roll_only_after_the_last_release_step_succeeds()
    {
        var last = json.OfType("Custom::DjangoRelease").OrderBy(s => s.Key).Last().Key;
        Assert.All(json.OfType("AWS::ECS::Service"), s => Assert.Contains(last, s.Value["DependsOn"]!.AsArray().Select(d => (string?)d)));
    }

    [Fact]
    public void Release_steps_wait_for_the_task_and_execution_role_policies()
    {
        // Without them the first release task could start before it may read its secrets or write to the bucket.
        var dependsOn = json.OfType("Custom::DjangoRelease").First().Value["DependsOn"]!.AsArray().Select(d => (string?)d).ToList();
        Assert.Contains(dependsOn, d => d!.StartsWith("DjangoTaskRoleDefaultPolicy"));
        Assert.Contains(dependsOn, d => d!.StartsWith("DjangoExecutionRoleDefaultPolicy"));
    }

    [Fact]
    public void Services_wait_for_the_execution_role_policy()
    {
        Assert.All(json.OfType("AWS::ECS::Service"), s =>
            Assert.Contains(s.Value["DependsOn"]!.AsArray().Select(d => (string?)d), d => d!.StartsWith("DjangoExecutionRoleDefaultPolicy")));
    }

    [Fact]
    public void Release_tasks_run_the_web_task_definition_in_the_app_network()
    {
        var step = json.OfType("Custom::DjangoRelease").First().Value["Properties"]!;
        var webTask = json.OfType("AWS::ECS::TaskDefinition").Single(t => t.Key.StartsWith("DjangoWebTask")).Key;
        Assert.Equal(TemplateJson.Ref(webTask).ToJsonString(), step["TaskDefinition"]!.ToJsonString());
        Assert.Equal("web", (string?)step["ContainerName"]);
        Assert.All(step["Subnets"]!.AsArray(), s => Assert.Contains("PrivateSubnet", (string?)s!["Ref"]));
        Assert.Contains("DjangoAppSecurityGroup", step["SecurityGroups"]!.ToJsonString());
        Assert.Equal("1200", (string?)step["TimeoutSeconds"]);
    }

    [Fact]
    public void Release_steps_rerun_when_the_image_changes()
    {
        var step = json.OfType("Custom::DjangoRelease").First().Value["Properties"]!;
        Assert.Contains("container-assets", step["Trigger"]!.ToJsonString());
    }

    [Fact]
    public void Release_handler_may_only_run_the_web_task_definition_on_its_cluster()
    {
        var policy = json.OfType("AWS::IAM::Policy").Single(p => p.Key.StartsWith("DjangoReleaseOnEvent")).Value["Properties"]!["PolicyDocument"]!.ToJsonString();
        Assert.Contains("\"Action\":\"ecs:RunTask\"", policy);
        Assert.Contains("\"ecs:cluster\"", policy);
        Assert.Contains("\"iam:PassedToService\":\"ecs-tasks.amazonaws.com\"", policy);
        Assert.DoesNotContain("\"Resource\":\"*\"", policy);
    }

    [Fact]
    public void Django_functions_run_on_a_supported_node_runtime()
    {
        Assert.All(json.OfType("AWS::Lambda::Function"), f => Assert.Equal("nodejs24.x", (string?)f.Value["Properties"]!["Runtime"]));
    }

    [Fact]
    public void Release_waiter_state_machine_logs_every_execution()
    {
        template.HasResourceProperties("AWS::StepFunctions::StateMachine", Match.ObjectLike(Props(
            ("LoggingConfiguration", Match.ObjectLike(Props(("Level", "ALL")))))));
    }

    [Fact]
    public void Stack_outputs_the_site_bucket_cluster_service_and_a_one_off_command()
    {
        var outputs = json.Root["Outputs"]!.AsObject().Select(o => o.Key).ToList();
        foreach (var name in new[] { "SiteUrl", "StaticFileBucketName", "ClusterName", "WebServiceName", "RunManagementCommand" })
            Assert.Contains(outputs, o => o.StartsWith("Django" + name));
        Assert.DoesNotContain(outputs, o => o.StartsWith("DjangoExecCommand"));
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
        Assert.All(json.OfType(type), r =>
        {
            var name = r.Value["Properties"]?[nameProperty];
            if (name is not null) Assert.Contains("\"AWS::StackId\"", name.ToJsonString());
        });
    }

    [Fact]
    public void Exposed_properties_point_at_the_resources_built()
    {
        var django = fixture.Django;
        Assert.Same(django.WebService.Cluster, django.Cluster);
        Assert.Equal(2, django.ReleaseSteps.Count);
        Assert.Single(django.WorkerServices);
        Assert.Null(django.BeatService);
        Assert.Null(django.Certificate);
        Assert.Equal(django.LoadBalancer.LoadBalancerDnsName, django.ApiDomainName);
    }
}
