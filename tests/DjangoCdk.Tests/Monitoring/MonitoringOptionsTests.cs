using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.SNS;
using DjangoCdk.Tests.Frontend;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;
using static DjangoCdk.Tests.TestSupport.Patterns;

namespace DjangoCdk.Tests.Monitoring;

/// <summary>
/// One DjangoEcs with monitoring options of its own: two email subscriptions, no dashboard, the unhealthy-target alarm
/// off, a 5xx threshold of its own, and three workers (one scaling on its queue, one scaling to zero, one on CPU only).
/// </summary>
public sealed class MonitoringOptionsFixture
{
    public MonitoringOptionsFixture()
    {
        Stack = TestStacks.New();
        Django = new DjangoEcs(Stack, "Django", new DjangoEcsProps
        {
            ImageDirectory = TestStacks.Backend,
            CeleryWorkers =
            [
                new CeleryWorkerOptions { Name = "worker", Queues = ["celery", "emails"], BacklogPerTask = 25 },
                new CeleryWorkerOptions { Name = "reports", Queues = ["reports"], ScaleToZero = true, MaxCount = 3 },
                new CeleryWorkerOptions { Name = "cpu", Queues = ["cpu"], ScaleOnQueueDepth = false },
            ],
            Monitoring = new MonitoringOptions
            {
                AlarmEmails = ["ops@example.com", "oncall@example.com"],
                Dashboard = false,
                Alarms = new AlarmsOptions
                {
                    UnhealthyTargets = new AlarmOptions { Enabled = false },
                    Target5xxPercent = new AlarmOptions { Threshold = 2, Minutes = 10 },
                    MinimumRequests = 50,
                },
            },
        });
        Template = Stack.Template();
    }

    public Stack Stack { get; }
    public DjangoEcs Django { get; }
    public Template Template { get; }
    public string Id(Constructs.IConstruct construct) => Stack.LogicalId(construct);
}

public sealed class MonitoringOptionsTests(MonitoringOptionsFixture fixture) : IClassFixture<MonitoringOptionsFixture>
{
    private readonly Template template = fixture.Template;
    private readonly DjangoEcs django = fixture.Django;
    private AppMonitoring Monitoring => django.Monitoring!;
    private string AlarmId(string name) => fixture.Id(Monitoring.Alarms[name]);
    private Dictionary<string, object> ServiceName(int worker) => GetAtt(fixture.Id(django.WorkerServices[worker]), "Name");
    private Dictionary<string, object> ClusterName => Ref(fixture.Id(django.Cluster));

    [Fact]
    public void Each_email_is_subscribed_to_the_alarm_topic()
    {
        var topic = fixture.Id(Monitoring.AlarmTopic.Node.DefaultChild!);
        foreach (var email in new[] { "ops@example.com", "oncall@example.com" })
            template.HasResourceProperties("AWS::SNS::Subscription", Props(("Protocol", "email"), ("Endpoint", email), ("TopicArn", Ref(topic))));
    }

    [Fact]
    public void No_dashboard_is_created_when_turned_off()
    {
        Assert.Null(Monitoring.Dashboard);
        template.ResourceCountIs("AWS::CloudWatch::Dashboard", 0);
    }

    [Fact]
    public void A_disabled_alarm_is_not_created_and_no_longer_guards_deployments()
    {
        Assert.False(Monitoring.Alarms.ContainsKey(nameof(AlarmsOptions.UnhealthyTargets)));
        template.HasPropertiesWithId(fixture.Id(django.WebService), ("DeploymentConfiguration", Match.ObjectLike(Props(("Alarms", Props(
            ("Enable", true), ("Rollback", true),
            ("AlarmNames", new[] { Ref(AlarmId(nameof(AlarmsOptions.LoadBalancer5xxPercent))), Ref(AlarmId(nameof(AlarmsOptions.Target5xxPercent))) })))))));
    }

    [Fact]
    public void A_threshold_window_and_minimum_of_ones_own_reach_the_alarm()
    {
        template.HasPropertiesWithId(AlarmId(nameof(AlarmsOptions.Target5xxPercent)), ("Threshold", 2), ("EvaluationPeriods", 1),
            ("Metrics", Match.ArrayWith([
                Match.ObjectLike(Props(("Expression", "IF(FILL(requests, 0) >= 50, 100 * FILL(errors, 0) / FILL(requests, 1), 0)"))),
                Match.ObjectLike(Props(("Id", "requests"), ("MetricStat", Match.ObjectLike(Props(("Period", 600)))))),
            ])));
    }

    [Fact]
    public void Each_worker_that_scales_on_its_queues_tracks_its_own_backlog_target()
    {
        foreach (var (worker, target) in new[] { (0, 25), (1, 10) })
        {
            template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Props(("TargetTrackingScalingPolicyConfiguration", Match.ObjectLike(Props(
                ("TargetValue", target),
                ("CustomizedMetricSpecification", Match.ObjectLike(Props(("MetricName", "BacklogPerTask"),
                    ("Dimensions", new[] { Props(("Name", "ClusterName"), ("Value", ClusterName)), Props(("Name", "ServiceName"), ("Value", ServiceName(worker))) })))))))));
        }
    }

    [Fact]
    public void A_worker_on_cpu_only_gets_no_backlog_policy()
    {
        template.ResourcePropertiesCountIs("AWS::ApplicationAutoScaling::ScalingPolicy", Props(("TargetTrackingScalingPolicyConfiguration", Match.ObjectLike(Props(
            ("CustomizedMetricSpecification", Match.ObjectLike(Props(("MetricName", "BacklogPerTask")))))))), 2);
    }

    [Fact]
    public void The_publisher_reads_the_queues_of_the_workers_that_scale_on_them_only()
    {
        const string workers = "[{\"name\":\"worker\",\"queues\":[\"celery\",\"emails\"]},{\"name\":\"reports\",\"queues\":[\"reports\"]}]";
        template.HasPropertiesWithId(fixture.Id(django.QueueDepthFunction!), ("Environment", Props(("Variables", Match.ObjectLike(Props(("WORKERS", workers)))))));
        template.HasPropertiesWithId(fixture.Id(django.WorkerServices[2]), ("Tags", Match.Absent()));
    }

    [Fact]
    public void A_worker_that_scales_to_zero_starts_with_no_task_and_may_return_to_none()
    {
        template.HasPropertiesWithId(fixture.Id(django.WorkerServices[1]), ("DesiredCount", 0));
        template.HasPropertiesWithId(fixture.Id(django.WorkerScaling[1].Node.FindChild("Target")), ("MinCapacity", 0), ("MaxCapacity", 3));
    }

    [Fact]
    public void A_worker_that_scales_to_zero_gets_a_task_as_soon_as_a_message_waits()
    {
        var scaling = django.WorkerScaling[1];
        var step = fixture.Id(scaling.Node.FindChild(QueueDepthScaling.FromZeroId).Node.DefaultChild!);
        template.HasPropertiesWithId(step, ("PolicyType", "StepScaling"), ("StepScalingPolicyConfiguration", Props(
            ("AdjustmentType", "ChangeInCapacity"), ("Cooldown", 60), ("MetricAggregationType", "Maximum"),
            ("StepAdjustments", new[] { Props(("MetricIntervalLowerBound", 0), ("ScalingAdjustment", 1)) }))));
        template.HasPropertiesWithId(fixture.Id(scaling.Node.FindChild(QueueDepthScaling.FromZeroAlarmId)),
            ("Namespace", "DjangoCdk/Celery"), ("MetricName", "BacklogWithoutTasks"), ("Statistic", "Maximum"), ("Period", 60),
            ("Threshold", 1), ("ComparisonOperator", "GreaterThanOrEqualToThreshold"), ("EvaluationPeriods", 1), ("TreatMissingData", "notBreaching"),
            ("AlarmActions", new[] { Ref(step) }));
    }

    [Fact]
    public void A_worker_that_scales_to_zero_alarms_on_messages_waiting_with_no_task_running()
    {
        template.HasPropertiesWithId(AlarmId(nameof(AlarmsOptions.WorkerWithoutTasks) + "WorkerReports"),
            ("Threshold", 1), ("ComparisonOperator", "GreaterThanOrEqualToThreshold"), ("EvaluationPeriods", 5), ("TreatMissingData", "notBreaching"),
            ("Metrics", Match.ArrayWith([
                Match.ObjectLike(Props(("Expression", "IF(FILL(running, 0) < 1 AND FILL(backlog, 0) > 0, 1, 0)"))),
                Match.ObjectLike(Props(("Id", "backlog"), ("MetricStat", Match.ObjectLike(Props(("Metric", Match.ObjectLike(Props(("Namespace", "DjangoCdk/Celery"), ("MetricName", "BacklogPerTask"))))))))),
            ])));
    }

    [Fact]
    public void Workers_that_keep_a_task_keep_the_no_task_alarm()
    {
        foreach (var id in new[] { "WorkerWithoutTasksWorker", "WorkerWithoutTasksWorkerCpu" })
            template.HasPropertiesWithId(AlarmId(id), ("MetricName", "RunningTaskCount"), ("TreatMissingData", "breaching"));
    }
}

/// <summary>Monitoring turned off, a topic of one's own, and deployments that do not roll back on alarm.</summary>
public sealed class MonitoringChoicesTests
{
    [Fact]
    public void Monitoring_off_creates_no_alarm_topic_dashboard_or_deployment_alarm_but_keeps_queue_depth_scaling()
    {
        var stack = TestStacks.New();
        var django = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, Monitoring = new MonitoringOptions { Enabled = false } });
        var template = stack.Template();

        Assert.Null(django.Monitoring);
        template.ResourceCountIs("AWS::SNS::Topic", 0);
        template.ResourceCountIs("AWS::CloudWatch::Dashboard", 0);
        // The only alarms left are Application Auto Scaling's own, which it creates at run time: none in the template.
        template.ResourceCountIs("AWS::CloudWatch::Alarm", 0);
        template.AllResourcesProperties("AWS::ECS::Service", Props(("DeploymentConfiguration", Match.ObjectLike(Props(("Alarms", Match.ObjectLike(Props(("Enable", false)))))))));
        Assert.NotNull(django.QueueDepthFunction);
    }

    [Fact]
    public void A_topic_of_ones_own_receives_the_alarms_and_no_topic_or_key_is_created()
    {
        var stack = TestStacks.New();
        var topic = Topic.FromTopicArn(stack, "Ops", "arn:aws:sns:eu-west-1:123456789012:ops");
        var django = new DjangoEcs(stack, "Django", new DjangoEcsProps
        {
            ImageDirectory = TestStacks.Backend,
            CeleryWorkers = [new CeleryWorkerOptions { ScaleOnQueueDepth = false }],
            Monitoring = new MonitoringOptions { AlarmTopic = topic, RollbackOnAlarm = false },
        });
        var template = stack.Template();

        Assert.Same(topic, django.Monitoring!.AlarmTopic);
        Assert.Null(django.Monitoring.AlarmTopicKey);
        template.ResourceCountIs("AWS::SNS::Topic", 0);
        template.ResourceCountIs("AWS::KMS::Key", 0);
        template.AllResourcesProperties("AWS::CloudWatch::Alarm", Props(("AlarmActions", new[] { "arn:aws:sns:eu-west-1:123456789012:ops" })));
        Assert.Null(django.QueueDepthFunction);
        Assert.False(django.Monitoring.Alarms.ContainsKey(nameof(AlarmsOptions.QueueDepthPublisherErrors)));
        template.HasPropertiesWithId(stack.LogicalId(django.WebService), ("DeploymentConfiguration", Match.ObjectLike(Props(("Alarms", Match.ObjectLike(Props(("Enable", false))))))));
    }

    [Fact]
    public void DjangoVue_alarms_on_cloudfront_5xx_in_us_east_1_and_shows_it_on_the_dashboard()
    {
        var stack = Sites.UsEast1();
        var site = new DjangoVue(stack, "Site", DjangoVueDefaultsFixture.Props());
        var template = stack.Template();

        var alarm = site.Django.Monitoring!.Alarms[nameof(AlarmsOptions.CloudFront5xxPercent)];
        template.HasResourceWithId(stack.LogicalId(alarm), Props(("Condition", Match.Absent()), ("Properties", Match.ObjectLike(Props(
            ("Namespace", "AWS/CloudFront"), ("MetricName", "5xxErrorRate"), ("Statistic", "Average"), ("Period", 300), ("Threshold", 5),
            ("Dimensions", new[] { Props(("Name", "DistributionId"), ("Value", Ref(stack.LogicalId(site.Frontend.Distribution)))), Props(("Name", "Region"), ("Value", "Global")) }),
            ("TreatMissingData", "notBreaching"))))));
    }

    [Fact]
    public void DjangoVue_outside_us_east_1_has_no_cloudfront_alarm_where_cloudfront_publishes_none()
    {
        var stack = new Stack(TestStacks.NewApp(), "Test", new StackProps { Env = new Amazon.CDK.Environment { Account = TestStacks.Account, Region = "eu-west-1" } });
        var props = DjangoVueDefaultsFixture.Props();
        var site = new DjangoVue(stack, "Site", props with { CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000" });

        Assert.False(site.Django.Monitoring!.Alarms.ContainsKey(nameof(AlarmsOptions.CloudFront5xxPercent)));
        stack.Template().ResourcePropertiesCountIs("AWS::CloudWatch::Alarm", Props(("Namespace", "AWS/CloudFront")), 0);
    }
}
