using Amazon.CDK.Assertions;
using DjangoCdk.Tests.Eks;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.AlarmPatterns;
using static DjangoCdk.Tests.TestSupport.Json;
using static DjangoCdk.Tests.TestSupport.Patterns;

namespace DjangoCdk.Tests.Monitoring;

/// <summary>The alarms, topic, dashboard and outputs of a DjangoEks with the defaults: the release phase, the database and the cache.</summary>
public sealed class EksMonitoringTests(DjangoEksDefaultsFixture fixture) : IClassFixture<DjangoEksDefaultsFixture>
{
    private readonly Template template = fixture.Template;
    private readonly DjangoEks django = fixture.Django;
    private AppMonitoring Monitoring => django.Monitoring!;

    private string AlarmId(string name) => fixture.Id(Monitoring.Alarms[name]);
    private string Topic => TopicId(fixture.Stack, Monitoring);
    private object DatabaseId => Ref(fixture.Id(django.Database));

    [Fact]
    public void Monitoring_is_a_child_named_Monitoring_created_before_the_database_protection()
    {
        // The protection step must stay the last thing a deployment does
        Assert.Equal("Monitoring", Monitoring.Node.Id);
        var children = django.Node.Children.ToList();
        Assert.True(children.IndexOf(Monitoring) < children.IndexOf(django.DatabaseProtection!));
        template.HasResourceWithId(fixture.Id(django.DatabaseProtection!), Props(("DependsOn", Match.ArrayWith([Topic, AlarmId(nameof(AlarmsOptions.DatabaseCpuPercent))]))));
    }

    [Fact]
    public void The_release_database_and_cache_alarms_exist_and_nothing_else()
    {
        Assert.Equal(EksMonitoringValidationTests.EksAlarms.Order(), Monitoring.Alarms.Keys.Order());
        template.ResourceCountIs("AWS::CloudWatch::Alarm", EksMonitoringValidationTests.EksAlarms.Length);
    }

    [Fact]
    public void No_alarm_watches_a_load_balancer_an_ecs_service_cloudfront_or_the_queue_publisher()
    {
        // The ALB is the controller's, pods are not ECS services: DjangoEcs's alarms have nothing to watch here
        var alarms = new TemplateJson(template).OfType("AWS::CloudWatch::Alarm").Select(a => a.Value.ToJsonString()).ToList();
        Assert.NotEmpty(alarms);
        foreach (var ns in new[] { "AWS/ApplicationELB", "ECS/ContainerInsights", "AWS/CloudFront", "DjangoCdk/Celery" })
            Assert.DoesNotContain(alarms, a => a.Contains(ns, StringComparison.Ordinal));
        foreach (var name in new[] { "LoadBalancer5xxPercent", "Target5xxPercent", "P95ResponseTimeSeconds", "P99ResponseTimeSeconds", "UnhealthyTargets", "WebTasksBelowDesired", "WorkerWithoutTasks", "CloudFront5xxPercent", "QueueDepthPublisherErrors" })
            Assert.DoesNotContain(Monitoring.Node.Children, c => c.Node.Id.StartsWith(name, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_alarm_notifies_the_topic_when_it_fires_and_when_it_clears() =>
        template.EveryAlarmNotifiesTheTopic(fixture.Stack, Monitoring);

    [Fact]
    public void Alarm_topic_is_encrypted_with_its_own_rotating_key_and_refuses_requests_without_tls()
    {
        template.HasPropertiesWithId(Topic, ("KmsMasterKeyId", GetAtt(fixture.Id(Monitoring.AlarmTopicKey!), "Arn")));
        template.HasPropertiesWithId(fixture.Id(Monitoring.AlarmTopicKey!), ("EnableKeyRotation", true));
        template.HasResourceProperties("AWS::SNS::TopicPolicy", Props(("Topics", new[] { Ref(Topic) }), ("PolicyDocument", Statement(
            ("Effect", "Deny"), ("Action", "sns:Publish"), ("Condition", Props(("Bool", Props(("aws:SecureTransport", "false")))))))));
    }

    [Fact]
    public void Release_failures_alarm_sums_the_errors_of_both_eks_release_functions()
    {
        var release = django.Node.FindChild(DjangoEks.Ids.Release);
        template.HasMathAlarm(AlarmId(nameof(AlarmsOptions.ReleaseFailures)), "FILL(errors0, 0) + FILL(errors1, 0)", 1, "GreaterThanOrEqualToThreshold", 1, "notBreaching",
            MathMetric("errors0", "AWS/Lambda", "Errors", "Sum", 300, Dimension("FunctionName", Ref(fixture.Id(release.Node.FindChild(EksReleasePhase.OnEventId))))),
            MathMetric("errors1", "AWS/Lambda", "Errors", "Sum", 300, Dimension("FunctionName", Ref(fixture.Id(release.Node.FindChild(EksReleasePhase.IsCompleteId))))));
    }

    // The database and cache alarms come from the code DjangoEcs uses (DataStoreMonitoring), whose every alarm
    // DjangoEcsMonitoringTests checks; here, that DjangoEks's own database and cache are the ones watched.
    [Fact]
    public void Database_cpu_alarm_needs_fifteen_minutes_above_eighty_percent()
    {
        template.HasMetricAlarm(AlarmId(nameof(AlarmsOptions.DatabaseCpuPercent)), "AWS/RDS", "CPUUtilization", "Average", 60, 80, "GreaterThanOrEqualToThreshold", 15, "notBreaching",
            Dimension("DBInstanceIdentifier", DatabaseId));
    }

    [Theory]
    [InlineData(nameof(AlarmsOptions.CacheMemoryPercent), "DatabaseMemoryUsagePercentage", "Maximum", 60, 80, 15)]
    [InlineData(nameof(AlarmsOptions.CacheEvictions), "Evictions", "Sum", 300, 1, 1)]
    public void Cache_alarms_watch_the_replication_groups_node(string name, string metric, string stat, int period, double threshold, int periods)
    {
        template.HasMetricAlarm(AlarmId(name), "AWS/ElastiCache", metric, stat, period, threshold, "GreaterThanOrEqualToThreshold", periods, "notBreaching",
            Dimension("CacheClusterId", Join(Ref(fixture.Id(django.Cache)), "-001")));
    }

    [Fact]
    public void Alarm_descriptions_name_the_app()
    {
        template.HasPropertiesWithId(AlarmId(nameof(AlarmsOptions.DatabaseCpuPercent)), ("AlarmDescription", "Test/Django: the database's CPU was 80 % or more for 15 minutes."));
    }

    [Fact]
    public void Dashboard_shows_the_data_stores_and_the_alarms()
    {
        var body = JsonBody(Monitoring.Dashboard!);
        foreach (var title in new[] { "Database CPU (%) and connections", "Database free storage and memory (bytes)", "Redis", "Alarms" })
            Assert.Contains($"\"title\":\"{title}\"", body);
        Assert.DoesNotContain("AWS/ApplicationELB", body);
        template.HasPropertiesWithId(fixture.Id(Monitoring.Dashboard!), ("DashboardName", Props(("Fn::Join", new object[] { "-", new object[] { "Test-Django", Ref("AWS::Region") } }))));
    }

    [Fact]
    public void Outputs_name_the_alarm_topic_and_the_dashboard()
    {
        template.HasOutput("DjangoAlarmTopicArn", Props(("Value", Ref(Topic))));
        template.HasOutput("DjangoDashboardUrl", Match.ObjectLike(Props(("Value", Match.AnyValue()))));
    }

    /// <summary>The dashboard body with the template's references left in as text (the body is an Fn::Join).</summary>
    private string JsonBody(Amazon.CDK.AWS.CloudWatch.Dashboard dashboard) =>
        System.Text.Json.JsonSerializer.Serialize(fixture.Stack.Resolve(((Amazon.CDK.AWS.CloudWatch.CfnDashboard)dashboard.Node.DefaultChild!).DashboardBody))
            .Replace("\\u0022", "\"").Replace("\\\"", "\"");
}

/// <summary>A DjangoEks with monitoring turned off: nothing of it is built.</summary>
public sealed class EksMonitoringOffTests
{
    [Fact]
    public void Monitoring_turned_off_builds_no_topic_alarm_dashboard_or_output()
    {
        // Given a DjangoEks with Monitoring.Enabled = false
        var stack = TestStacks.New();
        var django = new DjangoEks(stack, "Django", DjangoEksValidationTests.Valid with
        {
            KubectlLayer = KubectlLayers.FromNpmPackage(stack, "KubectlLayer", DjangoCdk.Samples.EksSamples.KubectlLayerDirectory),
            Monitoring = new MonitoringOptions { Enabled = false },
        });

        // When it is built / Then there is no monitoring construct, alarm or output of it (read from the construct
        // tree: an EKS stack takes long to synthesize)
        Assert.Null(django.Monitoring);
        Assert.Null(django.Node.TryFindChild(DjangoEks.Ids.Monitoring));
        Assert.Null(django.Node.TryFindChild("AlarmTopicArn"));
        Assert.Null(django.Node.TryFindChild("DashboardUrl"));
        Assert.DoesNotContain(django.Node.FindAll(), c => c is Amazon.CDK.AWS.CloudWatch.CfnAlarm or Amazon.CDK.AWS.SNS.CfnTopic);
    }
}
