using System.Text.Json;
using Amazon.CDK;
using Constructs;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using D = System.Collections.Generic.Dictionary<string, object>;
using Match = Amazon.CDK.Assertions.Match;

namespace DjangoCdk.Tests.Ec2;

/// <summary>DockerEc2 with its defaults: one Graviton instance, a retained data volume with backups, secrets, HTTP only.</summary>
public sealed class DockerEc2DefaultsTests(DockerEc2DefaultsFixture fixture) : IClassFixture<DockerEc2DefaultsFixture>
{
    private readonly Template _template = fixture.Template;
    private readonly DockerEc2 _host = fixture.Host;

    private string LogicalId(IConstruct construct) => NagSuppressions.LogicalId(construct);

    [Fact]
    public void Instance_is_a_graviton_t4g_small_on_the_pinned_amazon_linux_image()
    {
        _template.HasResourceProperties("AWS::EC2::Instance", Match.ObjectLike(new D
        {
            ["InstanceType"] = Defaults.Ec2InstanceType,
            ["ImageId"] = Hosts.Ami,
            ["KeyName"] = Match.Absent(),
        }));
        Assert.Equal("t4g.small", Defaults.Ec2InstanceType);
    }

    [Fact]
    public void The_image_is_built_for_graviton()
    {
        var assembly = ((App)fixture.Stack.Node.Root).Synth();
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(assembly.Directory, fixture.Stack.StackName + ".assets.json")))!;
        var image = Assert.Single(manifest["dockerImages"]!.AsObject());
        Assert.Equal("linux/arm64", (string?)image.Value!["source"]!["platform"]);
    }

    [Fact]
    public void Instance_requires_imdsv2_with_two_hops_so_containers_reach_the_role()
    {
        _template.HasResourceProperties("AWS::EC2::LaunchTemplate", new D
        {
            ["LaunchTemplateData"] = new D { ["MetadataOptions"] = new D { ["HttpTokens"] = "required", ["HttpEndpoint"] = "enabled", ["HttpPutResponseHopLimit"] = 2 } },
        });
        _template.HasResourceProperties("AWS::EC2::Instance", Match.ObjectLike(new D
        {
            ["LaunchTemplate"] = Match.ObjectLike(new D { ["LaunchTemplateId"] = Match.AnyValue() }),
        }));
    }

    [Fact]
    public void Root_volume_is_encrypted_gp3()
    {
        _template.HasResourceProperties("AWS::EC2::Instance", Match.ObjectLike(new D
        {
            ["BlockDeviceMappings"] = new object[]
            {
                new D { ["DeviceName"] = "/dev/xvda", ["Ebs"] = new D { ["Encrypted"] = true, ["VolumeType"] = "gp3", ["VolumeSize"] = Defaults.Ec2RootVolumeGiB, ["DeleteOnTermination"] = true } },
            },
        }));
    }

    [Fact]
    public void Data_volume_is_encrypted_retained_and_attached_when_the_instance_is_created()
    {
        _template.HasResource("AWS::EC2::Volume", Match.ObjectLike(new D
        {
            ["Properties"] = Match.ObjectLike(new D { ["Encrypted"] = true, ["VolumeType"] = "gp3", ["Size"] = Defaults.Ec2DataVolumeGiB }),
            ["DeletionPolicy"] = "Retain",
            ["UpdateReplacePolicy"] = "Retain",
        }));
        // Attached through the instance's Volumes (not a VolumeAttachment, which would wait for the instance's signal).
        _template.ResourceCountIs("AWS::EC2::VolumeAttachment", 0);
        _template.HasResourceProperties("AWS::EC2::Instance", Match.ObjectLike(new D
        {
            ["Volumes"] = new object[] { new D { ["Device"] = Defaults.Ec2DataDevice, ["VolumeId"] = new D { ["Ref"] = LogicalId(_host.DataVolume) } } },
        }));
    }

    [Fact]
    public void Data_volume_is_snapshotted_daily_and_seven_snapshots_are_kept()
    {
        var tag = new D { ["Key"] = DockerEc2.BackupTagKey, ["Value"] = _host.Node.Addr };
        _template.HasResourceProperties("AWS::EC2::Volume", Match.ObjectLike(new D { ["Tags"] = Match.ArrayWith([tag]) }));
        _template.HasResourceProperties("AWS::DLM::LifecyclePolicy", Match.ObjectLike(new D
        {
            ["State"] = "ENABLED",
            ["PolicyDetails"] = Match.ObjectLike(new D
            {
                ["ResourceTypes"] = new object[] { "VOLUME" },
                ["TargetTags"] = new object[] { tag },
                ["Schedules"] = new object[]
                {
                    Match.ObjectLike(new D
                    {
                        ["CreateRule"] = new D { ["Interval"] = 24, ["IntervalUnit"] = "HOURS", ["Times"] = new object[] { Defaults.Ec2BackupTime } },
                        ["RetainRule"] = new D { ["Count"] = 7 },
                    }),
                },
            }),
        }));
    }

    [Fact]
    public void Security_group_admits_only_http_and_https()
    {
        _template.HasResourceProperties("AWS::EC2::SecurityGroup", Match.ObjectLike(new D
        {
            ["SecurityGroupIngress"] = new object[]
            {
                Match.ObjectLike(new D { ["CidrIp"] = "0.0.0.0/0", ["FromPort"] = 80, ["ToPort"] = 80, ["IpProtocol"] = "tcp" }),
                Match.ObjectLike(new D { ["CidrIp"] = "0.0.0.0/0", ["FromPort"] = 443, ["ToPort"] = 443, ["IpProtocol"] = "tcp" }),
            },
        }));
        _template.ResourceCountIs("AWS::EC2::SecurityGroupIngress", 0);
    }

    [Fact]
    public void Administration_is_through_session_manager()
    {
        _template.HasResourceProperties("AWS::IAM::Role", Match.ObjectLike(new D
        {
            ["AssumeRolePolicyDocument"] = Match.ObjectLike(new D
            {
                ["Statement"] = new object[] { Match.ObjectLike(new D { ["Principal"] = new D { ["Service"] = "ec2.amazonaws.com" } }) },
            }),
            ["ManagedPolicyArns"] = new object[] { new D { ["Fn::Join"] = new object[] { "", new object[] { "arn:", new D { ["Ref"] = "AWS::Partition" }, ":iam::aws:policy/AmazonSSMManagedInstanceCore" } } } },
        }));
    }

    [Fact]
    public void Vpc_has_public_subnets_only_and_no_nat()
    {
        _template.ResourceCountIs("AWS::EC2::NatGateway", 0);
        _template.ResourceCountIs("AWS::EC2::Subnet", 1);
        _template.HasResourceProperties("AWS::EC2::Subnet", Match.ObjectLike(new D { ["MapPublicIpOnLaunch"] = true }));
        _template.ResourceCountIs("AWS::EC2::FlowLog", 1);
    }

    [Fact]
    public void Deployment_fails_unless_the_instance_signals_within_the_boot_timeout()
    {
        var instance = Hosts.Instance(_template);
        Assert.Equal("PT30M", (string?)instance["CreationPolicy"]!["ResourceSignal"]!["Timeout"]);
        var userData = Hosts.Flatten(instance["Properties"]!["UserData"]!["Fn::Base64"]!);
        Assert.Contains("/opt/aws/bin/cfn-init -v", userData, StringComparison.Ordinal);
        Assert.Contains("/opt/aws/bin/cfn-signal -e $?", userData, StringComparison.Ordinal);
        var boot = instance["Metadata"]!["AWS::CloudFormation::Init"]!["boot"]!["commands"]!.ToJsonString();
        Assert.Contains($"bash {Defaults.Ec2StackDirectory}/boot.sh", boot, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_changes_reach_the_instance_through_cfn_hup_without_restarting_it()
    {
        var instance = Hosts.Instance(_template);
        var userData = Hosts.Flatten(instance["Properties"]!["UserData"]!["Fn::Base64"]!);
        // No fingerprint of the init metadata in the user data: a new image or setting does not stop the instance.
        Assert.DoesNotContain("fingerprint", userData, StringComparison.OrdinalIgnoreCase);
        var hook = Hosts.InitFile(_template, "/etc/cfn/hooks.d/djangocdk-reload.conf");
        var logicalId = NagSuppressions.LogicalId(_host.Instance);
        Assert.Contains($"path=Resources.{logicalId}.Metadata.AWS::CloudFormation::Init", hook, StringComparison.Ordinal);
        Assert.Contains($"--resource {logicalId} --configsets default", hook, StringComparison.Ordinal);
        Assert.Contains("\"cfn-hup\"", instance["Metadata"]!["AWS::CloudFormation::Init"]!["stack"]!["services"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Stack_files_come_from_the_stack_asset_never_from_the_internet()
    {
        var sources = Hosts.Instance(_template)["Metadata"]!["AWS::CloudFormation::Init"]!["stack"]!["sources"]!.AsObject();
        var source = Assert.Single(sources);
        Assert.Equal(Defaults.Ec2StackDirectory, source.Key);
        Assert.Contains("cdk-hnb659fds-assets-", source.Value!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("github", new TemplateJson(_template).Root.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Secrets_are_generated_and_only_their_arns_reach_the_instance()
    {
        _template.ResourceCountIs("AWS::SecretsManager::Secret", 2);
        _template.HasResource("AWS::SecretsManager::Secret", Match.ObjectLike(new D
        {
            ["Properties"] = Match.ObjectLike(new D { ["GenerateSecretString"] = Match.ObjectLike(new D { ["GenerateStringKey"] = "password", ["ExcludePunctuation"] = true }) }),
            // Kept on deletion (the data volume's Postgres needs the password); removed only if its creation rolls back.
            ["DeletionPolicy"] = "RetainExceptOnCreate",
            ["UpdateReplacePolicy"] = "Retain",
        }));
        var stack = Hosts.EnvFile(_template, "/etc/djangocdk/stack.env");
        Assert.Equal("{Ref:" + LogicalId(_host.SecretKey) + "}", stack["SECRET_KEY_ARN"]);
        Assert.Equal("{Ref:" + LogicalId(_host.DatabaseSecret) + "}", stack["DATABASE_SECRET_ARN"]);
        var django = Hosts.EnvFile(_template, "/etc/djangocdk/django.env");
        Assert.DoesNotContain(DjangoEnvironment.SecretKey, django.Keys);
        Assert.DoesNotContain(DjangoEnvironment.PostgresPassword, django.Keys);
        Assert.DoesNotContain("resolve:secretsmanager", new TemplateJson(_template).Root.ToJsonString(), StringComparison.Ordinal);
        foreach (var file in new[] { "/etc/djangocdk/stack.env", "/etc/djangocdk/django.env" })
            Assert.Equal("000600", (string?)Hosts.InitFiles(_template)[file]["mode"]);
    }

    [Fact]
    public void Django_gets_the_environment_contract_with_the_local_postgres_and_redis()
    {
        var env = Hosts.EnvFile(_template, "/etc/djangocdk/django.env");
        Assert.Equal("postgres", env[DjangoEnvironment.PostgresHost]);
        Assert.Equal("5432", env[DjangoEnvironment.PostgresPort]);
        Assert.Equal(Defaults.DatabaseName, env[DjangoEnvironment.PostgresName]);
        Assert.Equal("redis", env[DjangoEnvironment.RedisHost]);
        Assert.Equal("0", env[DjangoEnvironment.RedisTls]);
        Assert.DoesNotContain(DjangoEnvironment.RedisPassword, env.Keys);
        Assert.Equal(Defaults.SettingsModule, env[DjangoEnvironment.SettingsModule]);
        Assert.Equal("0", env[DjangoEnvironment.Debug]);
        Assert.Equal(Defaults.HealthCheckPath, env[DjangoEnvironment.HealthCheckPath]);
        Assert.Equal("{Ref:" + LogicalId(_host.StaticFileBucket) + "}", env[DjangoEnvironment.StorageBucketName]);
        // Every plain name of the contract is set, so the image DjangoEcs runs works unchanged.
        foreach (var name in DjangoEnvironment.ReservedNames.Except([DjangoEnvironment.SecretKey, DjangoEnvironment.PostgresPassword, DjangoEnvironment.RedisPassword]))
            Assert.Contains(name, env.Keys);
    }

    [Fact]
    public void Without_a_domain_the_site_is_plain_http_on_the_elastic_ip_with_a_warning()
    {
        var env = Hosts.EnvFile(_template, "/etc/djangocdk/django.env");
        var eip = "{Ref:" + LogicalId(_host.ElasticIp) + "}";
        Assert.Equal("0", env[DjangoEnvironment.Https]);
        Assert.Equal(eip, env[DjangoEnvironment.AllowedHosts]);
        Assert.Equal(":80", Hosts.EnvFile(_template, "/etc/djangocdk/stack.env")["SITE_ADDRESS"]);
        _template.ResourceCountIs("AWS::Route53::RecordSet", 0);
        Amazon.CDK.Assertions.Annotations.FromStack(fixture.Stack).HasWarning("/" + Hosts.HostPath, Match.StringLikeRegexp("No DomainName is set.*" + SynthesisWarnings.DockerEc2NoHttps));
    }

    [Fact]
    public void Elastic_ip_is_associated_with_the_instance()
    {
        _template.ResourceCountIs("AWS::EC2::EIP", 1);
        _template.HasResourceProperties("AWS::EC2::EIPAssociation", new D
        {
            ["AllocationId"] = new D { ["Fn::GetAtt"] = new object[] { LogicalId(_host.ElasticIp), "AllocationId" } },
            ["InstanceId"] = new D { ["Ref"] = LogicalId(_host.Instance) },
        });
    }

    [Fact]
    public void Instance_role_pulls_the_image_reads_the_secrets_and_writes_the_logs()
    {
        var policies = new TemplateJson(_template).OfType("AWS::IAM::Policy").Select(p => p.Value.ToJsonString()).Single(p => p.Contains(LogicalId(_host.Role), StringComparison.Ordinal));
        foreach (var action in new[] { "ecr:BatchGetImage", "secretsmanager:GetSecretValue", "logs:PutLogEvents", "logs:CreateLogStream", "s3:PutObject", "cloudformation:SignalResource" })
            Assert.Contains(action, policies, StringComparison.Ordinal);
        Assert.Equal("{Ref:" + LogicalId(_host.LogGroup) + "}", Hosts.EnvFile(_template, "/etc/djangocdk/stack.env")["LOG_GROUP"]);
    }

    [Fact]
    public void Beat_runs_and_no_frontend_by_default()
    {
        var stack = Hosts.EnvFile(_template, "/etc/djangocdk/stack.env");
        Assert.Equal("beat", stack["COMPOSE_PROFILES"]);
        Assert.Equal("web:8000", stack["FRONTEND_UPSTREAM"]);
        Assert.Equal("", stack["FRONTEND_IMAGE"]);
    }

    [Fact]
    public void Outputs_give_the_url_the_session_command_and_the_management_command()
    {
        var outputs = new TemplateJson(_template).Root["Outputs"]!.AsObject();
        Assert.Contains("aws ssm start-session", Hosts.Flatten(outputs["HostSessionCommand"]!["Value"]!), StringComparison.Ordinal);
        Assert.Contains("sudo django-manage COMMAND", Hosts.Flatten(outputs["HostRunManagementCommand"]!["Value"]!), StringComparison.Ordinal);
        Assert.StartsWith("http://", Hosts.Flatten(outputs["HostSiteUrl"]!["Value"]!), StringComparison.Ordinal);
    }

    [Fact]
    public void Stateful_resources_keep_their_construct_ids()
    {
        Assert.Equal("DataVolume", _host.DataVolume.Node.Id);
        Assert.Equal("SecretKey", _host.SecretKey.Node.Id);
        Assert.Equal("DatabaseSecret", _host.DatabaseSecret.Node.Id);
        Assert.Equal("StaticFiles", _host.StaticFileBucket.Node.Id);
        Assert.Equal("ElasticIp", _host.ElasticIp.Node.Id);
    }

    [Fact]
    public void Defaults_match_the_snapshot() => Snapshot.Matches(_template, "DockerEc2Defaults");
}
