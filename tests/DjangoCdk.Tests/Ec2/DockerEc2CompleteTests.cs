using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;
using static DjangoCdk.Tests.TestSupport.Patterns;
using Xunit;
using D = System.Collections.Generic.Dictionary<string, object>;
using Match = Amazon.CDK.Assertions.Match;

namespace DjangoCdk.Tests.Ec2;

/// <summary>DockerEc2 with every prop set: each value reaches the template.</summary>
public sealed class DockerEc2CompleteTests(DockerEc2CompleteFixture fixture) : IClassFixture<DockerEc2CompleteFixture>
{
    private readonly Template _template = fixture.Template;
    private readonly DockerEc2 _host = fixture.Host;

    private Dictionary<string, string> StackEnv => Hosts.EnvFile(_template, "/etc/djangocdk/stack.env");

    private Dictionary<string, string> DjangoEnv => Hosts.EnvFile(_template, "/etc/djangocdk/django.env");

    [Fact]
    public void Domain_gets_an_a_record_to_the_elastic_ip_and_caddy_serves_it_over_https()
    {
        _template.HasResourceProperties("AWS::Route53::RecordSet", new D
        {
            ["Name"] = DockerEc2CompleteFixture.Domain + ".",
            ["Type"] = "A",
            ["HostedZoneId"] = DockerEc2CompleteFixture.ZoneId,
            ["ResourceRecords"] = new object[] { new D { ["Ref"] = NagSuppressions.LogicalId(_host.ElasticIp) } },
            ["TTL"] = "300",
        });
        Assert.Equal(DockerEc2CompleteFixture.Domain, StackEnv["SITE_ADDRESS"]);
        Assert.Equal("1", DjangoEnv[DjangoEnvironment.Https]);
        Assert.Equal(DockerEc2CompleteFixture.Domain, DjangoEnv[DjangoEnvironment.AllowedHosts]);
        Assert.Equal("https://" + DockerEc2CompleteFixture.Domain, DjangoEnv[DjangoEnvironment.CsrfTrustedOrigins]);
        Assert.Equal("https://" + DockerEc2CompleteFixture.Domain, _host.SiteUrl);
    }

    [Fact]
    public void Ssh_is_open_only_to_the_given_range_with_the_key()
    {
        _template.HasResourceProperties("AWS::EC2::Instance", Match.ObjectLike(new D { ["KeyName"] = "admin" }));
        _template.HasResourceProperties("AWS::EC2::SecurityGroup", Match.ObjectLike(new D
        {
            ["SecurityGroupIngress"] = Match.ArrayWith([Match.ObjectLike(new D { ["CidrIp"] = DockerEc2CompleteFixture.Cidr, ["FromPort"] = 22, ["ToPort"] = 22 })]),
        }));
    }

    [Fact]
    public void Instance_type_machine_image_and_volume_sizes_are_the_given_ones()
    {
        _template.HasResourceProperties("AWS::EC2::Instance", Match.ObjectLike(new D
        {
            ["InstanceType"] = "t3.medium",
            ["ImageId"] = DockerEc2CompleteFixture.GivenAmi,
            ["BlockDeviceMappings"] = new object[] { Match.ObjectLike(new D { ["Ebs"] = Match.ObjectLike(new D { ["VolumeSize"] = 40 }) }) },
        }));
        _template.HasResourceProperties("AWS::EC2::Volume", Match.ObjectLike(new D { ["Size"] = 100 }));
    }

    [Fact]
    public void Images_are_built_for_the_instance_types_architecture()
    {
        // Given an x86 instance type (t3.medium), When the app is synthesized, Then both images are built for linux/amd64
        var assembly = ((Amazon.CDK.App)fixture.Stack.Node.Root).Synth();
        var manifest = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(assembly.Directory, fixture.Stack.StackName + ".assets.json")))!;
        var platforms = manifest["dockerImages"]!.AsObject().Select(i => (string?)i.Value!["source"]!["platform"]).ToList();
        Assert.Equal(2, platforms.Count);
        Assert.All(platforms, p => Assert.Equal("linux/amd64", p));
    }

    [Fact]
    public void Backup_retention_and_boot_timeout_are_the_given_ones()
    {
        _template.HasResourceProperties("AWS::DLM::LifecyclePolicy", Match.ObjectLike(new D
        {
            ["PolicyDetails"] = Match.ObjectLike(new D { ["Schedules"] = new object[] { Match.ObjectLike(new D { ["RetainRule"] = new D { ["Count"] = 30 } }) } }),
        }));
        Assert.Equal("PT1H", (string?)Hosts.Instance(_template)["CreationPolicy"]!["ResourceSignal"]!["Timeout"]);
    }

    [Fact]
    public void Frontend_image_is_pulled_and_served_on_every_path_django_does_not_own()
    {
        Assert.NotNull(_host.FrontendImageAsset);
        Assert.Equal("frontend:8080", StackEnv["FRONTEND_UPSTREAM"]);
        Assert.Equal("frontend", StackEnv["COMPOSE_PROFILES"]);
        Assert.Contains("container-assets", StackEnv["FRONTEND_IMAGE"], StringComparison.Ordinal);
        Assert.Equal("https://" + DockerEc2CompleteFixture.Domain, DjangoEnv[DjangoEnvironment.FrontendUrl]);
    }

    [Fact]
    public void Stack_file_uri_replaces_the_bundled_compose_file_and_the_role_may_read_it()
    {
        var file = Hosts.InitFiles(_template)[Defaults.Ec2StackDirectory + "/compose.yaml"];
        Assert.Contains("ops-bucket", file.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("django/compose.yaml", file.ToJsonString(), StringComparison.Ordinal);
        var policies = string.Concat(new TemplateJson(_template).OfType("AWS::IAM::Policy").Select(p => p.Value.ToJsonString()));
        Assert.Contains("s3:::ops-bucket/django/compose.yaml", policies, StringComparison.Ordinal);
    }

    [Fact]
    public void Django_settings_are_the_given_ones()
    {
        Assert.Equal("ublog.settings.aws", DjangoEnv[DjangoEnvironment.SettingsModule]);
        Assert.Equal("1", DjangoEnv[DjangoEnvironment.Debug]);
        Assert.Equal("/healthz/", DjangoEnv[DjangoEnvironment.HealthCheckPath]);
        Assert.Equal("/healthz/", StackEnv["HEALTH_CHECK_PATH"]);
        Assert.Equal("ublog", DjangoEnv["SITE_NAME"]);
        Annotations.FromStack(fixture.Stack).HasWarning("/" + Hosts.HostPath, Match.StringLikeRegexp("Debug is true.*"));
        Annotations.FromStack(fixture.Stack).HasNoWarning("/" + Hosts.HostPath, Match.StringLikeRegexp("No DomainName.*"));
    }

    [Fact]
    public void Beat_can_be_turned_off()
    {
        Assert.DoesNotContain("beat", StackEnv["COMPOSE_PROFILES"], StringComparison.Ordinal);
    }

    [Fact]
    public void Monitoring_options_reach_the_alarms_the_topic_and_the_dashboard()
    {
        var monitoring = _host.Monitoring!;
        var topic = NagSuppressions.LogicalId(monitoring.AlarmTopic.Node.DefaultChild!);
        _template.HasResourceProperties("AWS::SNS::Subscription", new D { ["Protocol"] = "email", ["Endpoint"] = DockerEc2CompleteFixture.AlarmEmail, ["TopicArn"] = new D { ["Ref"] = topic } });
        _template.HasResourceProperties("AWS::CloudWatch::Alarm", new D { ["MetricName"] = "CPUUtilization", ["Threshold"] = 90, ["Period"] = 1800, ["EvaluationPeriods"] = 1 });
        _template.HasResourceProperties("AWS::CloudWatch::Alarm", new D { ["MetricName"] = "StatusCheckFailed_System", ["Period"] = 60, ["EvaluationPeriods"] = 3 });
        _template.ResourceCountIs("AWS::CloudWatch::Dashboard", 0);
    }

    [Fact]
    public void An_x86_burstable_host_is_recovered_and_watched_for_credits()
    {
        // t3.medium: 24 credits an hour, 576 at most; 90 % of 15 minutes' earnings is 5.4
        var alarms = _host.Monitoring!.Alarms;
        Assert.Contains(nameof(AlarmsOptions.HostCpuCreditBalance), alarms.Keys);
        _template.HasResourceProperties("AWS::CloudWatch::Alarm", new D
        {
            ["Metrics"] = Match.ArrayWith([Match.ObjectLike(new D { ["Expression"] = "IF(FILL(usage, 0) >= 5.4, 100 * balance / 576, 100)" })]),
        });
        var system = NagSuppressions.LogicalId(alarms[nameof(AlarmsOptions.HostStatusCheckFailed)]);
        _template.HasPropertiesWithId(system, ("AlarmActions", Match.ArrayWith([Monitoring.DockerEc2MonitoringTests.RecoverAction])));
    }

    [Fact]
    public void Complete_host_matches_the_snapshot() => Snapshot.Matches(_template, "DockerEc2Complete");
}
