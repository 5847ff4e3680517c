using Amazon.CDK.Assertions;
using DjangoCdk.Tests.Ecs;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.AlarmPatterns;
using static DjangoCdk.Tests.TestSupport.Json;
using static DjangoCdk.Tests.TestSupport.Patterns;

namespace DjangoCdk.Tests.Monitoring;

/// <summary>The alarms, topic, dashboard, deployment alarms and queue-depth scaling of a DjangoEcs with the defaults.</summary>
public sealed class DjangoEcsMonitoringTests(DjangoEcsDefaultsFixture fixture) : IClassFixture<DjangoEcsDefaultsFixture>
{
    private readonly Template template = fixture.Template;
    private readonly DjangoEcs django = fixture.Django;
    private AppMonitoring Monitoring => django.Monitoring!;

    private string AlarmId(string name) => fixture.Id(Monitoring.Alarms[name]);
    private string Topic => TopicId(fixture.Stack, Monitoring);
    private object LoadBalancerFullName => GetAtt(fixture.Id(django.LoadBalancer), "LoadBalancerFullName");
    private object TargetGroupFullName => GetAtt(fixture.Id(django.WebTargetGroup), "TargetGroupFullName");
    private object ClusterName => Ref(fixture.Id(django.Cluster));
    private object WorkerServiceName => GetAtt(fixture.Id(django.WorkerServices[0]), "Name");

    [Fact]
    public void Alarm_topic_is_encrypted_with_its_own_rotating_key()
    {
        template.HasPropertiesWithId(Topic, ("KmsMasterKeyId", GetAtt(fixture.Id(Monitoring.AlarmTopicKey!), "Arn")));
        template.HasPropertiesWithId(fixture.Id(Monitoring.AlarmTopicKey!), ("EnableKeyRotation", true),
            ("KeyPolicy", Statement(("Principal", Props(("Service", "cloudwatch.amazonaws.com"))), ("Action", new[] { "kms:Decrypt", "kms:GenerateDataKey*" }))));
    }

    [Fact]
    public void Alarm_topic_key_is_deleted_with_the_stack_after_seven_days()
    {
        template.HasResourceWithId(fixture.Id(Monitoring.AlarmTopicKey!), Props(("DeletionPolicy", "Delete"), ("Properties", Match.ObjectLike(Props(("PendingWindowInDays", 7))))));
    }

    [Fact]
    public void Alarm_topic_refuses_requests_without_tls()
    {
        template.HasResourceProperties("AWS::SNS::TopicPolicy", Props(("Topics", new[] { Ref(Topic) }), ("PolicyDocument", Statement(
            ("Effect", "Deny"), ("Action", "sns:Publish"), ("Condition", Props(("Bool", Props(("aws:SecureTransport", "false")))))))));
    }

    [Fact]
    public void Alarm_topic_accepts_cloudwatch_alarms_of_its_own_account_only()
    {
        template.HasResourceProperties("AWS::SNS::TopicPolicy", Props(("PolicyDocument", Statement(
            ("Effect", "Allow"), ("Principal", Props(("Service", "cloudwatch.amazonaws.com"))), ("Action", "sns:Publish"),
            ("Condition", Props(("StringEquals", Props(("aws:SourceAccount", TestStacks.Account)))))))));
    }

    [Fact]
    public void No_email_is_subscribed_unless_asked()
    {
        template.ResourceCountIs("AWS::SNS::Subscription", 0);
    }

    [Fact]
    public void Every_alarm_notifies_the_topic_when_it_fires_and_when_it_clears() =>
        template.EveryAlarmNotifiesTheTopic(fixture.Stack, Monitoring);

    [Fact]
    public void The_alarms_that_apply_to_a_default_app_exist()
    {
        // CloudFront's is DjangoVue's and the host alarms are DockerEc2's; every other alarm applies (one worker, a release phase, the publisher).
        var expected = typeof(AlarmsOptions).GetProperties().Where(p => p.PropertyType == typeof(AlarmOptions)).Select(p => p.Name)
            .Where(n => n != nameof(AlarmsOptions.CloudFront5xxPercent) && MonitoringSettings.ScopeOf(n) != AlarmScope.Host)
            .Select(n => n == nameof(AlarmsOptions.WorkerWithoutTasks) ? n + "Worker" : n);
        Assert.Equal(expected.Order(), Monitoring.Alarms.Keys.Order());
    }

    [Fact]
    public void Load_balancer_5xx_alarm_is_a_rate_of_requests_over_five_minutes_judged_from_twenty_requests()
    {
        template.HasMathAlarm(AlarmId(nameof(AlarmsOptions.LoadBalancer5xxPercent)), "IF(FILL(requests, 0) >= 20, 100 * FILL(errors, 0) / FILL(requests, 1), 0)",
            5, "GreaterThanOrEqualToThreshold", 1, "notBreaching",
            MathMetric("errors", "AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "Sum", 300, Dimension("LoadBalancer", LoadBalancerFullName)),
            MathMetric("requests", "AWS/ApplicationELB", "RequestCount", "Sum", 300, Dimension("LoadBalancer", LoadBalancerFullName)));
    }

    [Fact]
    public void Target_5xx_alarm_is_a_rate_of_the_web_target_groups_requests()
    {
        object[] target = [Dimension("LoadBalancer", LoadBalancerFullName), Dimension("TargetGroup", TargetGroupFullName)];
        template.HasMathAlarm(AlarmId(nameof(AlarmsOptions.Target5xxPercent)), "IF(FILL(requests, 0) >= 20, 100 * FILL(errors, 0) / FILL(requests, 1), 0)",
            5, "GreaterThanOrEqualToThreshold", 1, "notBreaching",
            MathMetric("errors", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum", 300, target),
            MathMetric("requests", "AWS/ApplicationELB", "RequestCount", "Sum", 300, target));
    }

    [Theory]
    [InlineData(nameof(AlarmsOptions.P95ResponseTimeSeconds), "p95", 2)]
    [InlineData(nameof(AlarmsOptions.P99ResponseTimeSeconds), "p99", 5)]
    public void Response_time_alarms_watch_a_percentile_when_there_is_traffic(string name, string percentile, double seconds)
    {
        object[] target = [Dimension("LoadBalancer", LoadBalancerFullName), Dimension("TargetGroup", TargetGroupFullName)];
        template.HasMathAlarm(AlarmId(name), "IF(FILL(requests, 0) >= 20, latency, 0)", seconds, "GreaterThanOrEqualToThreshold", 1, "notBreaching",
            MathMetric("latency", "AWS/ApplicationELB", "TargetResponseTime", percentile, 300, target));
    }

    [Fact]
    public void Unhealthy_target_alarm_fires_after_three_minutes_with_an_unhealthy_task()
    {
        template.HasMetricAlarm(AlarmId(nameof(AlarmsOptions.UnhealthyTargets)), "AWS/ApplicationELB", "UnHealthyHostCount", "Maximum", 60, 1, "GreaterThanOrEqualToThreshold", 3, "notBreaching",
            Dimension("LoadBalancer", LoadBalancerFullName), Dimension("TargetGroup", TargetGroupFullName));
    }

    [Fact]
    public void Web_tasks_below_desired_alarm_compares_container_insights_counts_for_ten_minutes()
    {
        object[] web = [Dimension("ClusterName", ClusterName), Dimension("ServiceName", GetAtt(fixture.Id(django.WebService), "Name"))];
        template.HasMathAlarm(AlarmId(nameof(AlarmsOptions.WebTasksBelowDesired)), "FILL(desired, 0) - FILL(running, 0)", 1, "GreaterThanOrEqualToThreshold", 10, "notBreaching",
            MathMetric("desired", "ECS/ContainerInsights", "DesiredTaskCount", "Average", 60, web),
            MathMetric("running", "ECS/ContainerInsights", "RunningTaskCount", "Average", 60, web));
    }

    [Fact]
    public void A_worker_without_a_running_task_is_an_alarm_and_missing_data_counts_as_none()
    {
        template.HasMetricAlarm(AlarmId(nameof(AlarmsOptions.WorkerWithoutTasks) + "Worker"), "ECS/ContainerInsights", "RunningTaskCount", "Maximum", 60, 1, "LessThanThreshold", 5, "breaching",
            Dimension("ClusterName", ClusterName), Dimension("ServiceName", WorkerServiceName));
    }

    [Fact]
    public void Release_failures_alarm_sums_the_errors_of_both_release_functions()
    {
        var release = django.Node.FindChild(DjangoEcs.Ids.Release);
        template.HasMathAlarm(AlarmId(nameof(AlarmsOptions.ReleaseFailures)), "FILL(errors0, 0) + FILL(errors1, 0)", 1, "GreaterThanOrEqualToThreshold", 1, "notBreaching",
            MathMetric("errors0", "AWS/Lambda", "Errors", "Sum", 300, Dimension("FunctionName", Ref(fixture.Id(release.Node.FindChild(ReleasePhase.OnEventId))))),
            MathMetric("errors1", "AWS/Lambda", "Errors", "Sum", 300, Dimension("FunctionName", Ref(fixture.Id(release.Node.FindChild(ReleasePhase.IsCompleteId))))));
    }

    [Fact]
    public void Database_cpu_alarm_needs_fifteen_minutes_above_eighty_percent()
    {
        template.HasMetricAlarm(AlarmId(nameof(AlarmsOptions.DatabaseCpuPercent)), "AWS/RDS", "CPUUtilization", "Average", 60, 80, "GreaterThanOrEqualToThreshold", 15, "notBreaching",
            Dimension("DBInstanceIdentifier", Ref(fixture.Id(django.Database))));
    }

    [Fact]
    public void Database_free_storage_alarm_is_in_GiB_below_one_for_the_default_20()
    {
        template.HasMathAlarm(AlarmId(nameof(AlarmsOptions.DatabaseFreeStorageGiB)), "free / 1073741824", 1, "LessThanThreshold", 5, "notBreaching",
            MathMetric("free", "AWS/RDS", "FreeStorageSpace", "Minimum", 60, Dimension("DBInstanceIdentifier", Ref(fixture.Id(django.Database)))));
    }

    [Fact]
    public void Database_memory_alarm_is_in_MiB_below_a_tenth_of_the_class()
    {
        template.HasMathAlarm(AlarmId(nameof(AlarmsOptions.DatabaseFreeMemoryMiB)), "free / 1048576", 102, "LessThanThreshold", 15, "notBreaching",
            MathMetric("free", "AWS/RDS", "FreeableMemory", "Minimum", 60, Dimension("DBInstanceIdentifier", Ref(fixture.Id(django.Database)))));
    }

    [Fact]
    public void Database_connections_alarm_fires_at_eighty_percent_of_max_connections()
    {
        template.HasMetricAlarm(AlarmId(nameof(AlarmsOptions.DatabaseConnections)), "AWS/RDS", "DatabaseConnections", "Maximum", 60, 63, "GreaterThanOrEqualToThreshold", 5, "notBreaching",
            Dimension("DBInstanceIdentifier", Ref(fixture.Id(django.Database))));
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
    public void Publisher_errors_alarm_fires_after_three_failed_runs_in_five_minutes()
    {
        template.HasMetricAlarm(AlarmId(nameof(AlarmsOptions.QueueDepthPublisherErrors)), "AWS/Lambda", "Errors", "Sum", 300, 3, "GreaterThanOrEqualToThreshold", 1, "notBreaching",
            Dimension("FunctionName", Ref(fixture.Id(django.QueueDepthFunction!))));
    }

    [Fact]
    public void Web_deployments_roll_back_when_the_5xx_or_unhealthy_target_alarms_fire()
    {
        template.HasPropertiesWithId(fixture.Id(django.WebService), ("DeploymentConfiguration", Props(
            ("DeploymentCircuitBreaker", Props(("Enable", true), ("Rollback", true))),
            ("Alarms", Props(("Enable", true), ("Rollback", true), ("AlarmNames", new[]
            {
                Ref(AlarmId(nameof(AlarmsOptions.LoadBalancer5xxPercent))), Ref(AlarmId(nameof(AlarmsOptions.Target5xxPercent))), Ref(AlarmId(nameof(AlarmsOptions.UnhealthyTargets))),
            }))))));
    }

    [Fact]
    public void Worker_deployments_rely_on_the_circuit_breaker_alone()
    {
        // The CDK writes a disabled alarms block for every service that has none.
        template.HasPropertiesWithId(fixture.Id(django.WorkerServices[0]), ("DeploymentConfiguration", Match.ObjectLike(Props(
            ("Alarms", Props(("AlarmNames", Array.Empty<object>()), ("Enable", false), ("Rollback", false)))))));
    }

    [Fact]
    public void Worker_tracks_ten_messages_per_task_beside_its_cpu_target()
    {
        template.HasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Props(("PolicyType", "TargetTrackingScaling"), ("TargetTrackingScalingPolicyConfiguration", Props(
            ("TargetValue", 10), ("ScaleOutCooldown", 60), ("ScaleInCooldown", 300),
            ("CustomizedMetricSpecification", Props(("Namespace", "DjangoCdk/Celery"), ("MetricName", "BacklogPerTask"), ("Statistic", "Average"),
                ("Dimensions", new[] { Dimension("ClusterName", ClusterName), Dimension("ServiceName", WorkerServiceName) })))))));
        template.ResourcePropertiesCountIs("AWS::ApplicationAutoScaling::ScalingPolicy", Props(("TargetTrackingScalingPolicyConfiguration",
            Props(("PredefinedMetricSpecification", Props(("PredefinedMetricType", "ECSServiceAverageCPUUtilization")))))), 2);
    }

    [Fact]
    public void A_worker_that_keeps_a_task_has_no_step_from_zero()
    {
        template.ResourceCountIs("AWS::ApplicationAutoScaling::ScalingPolicy", 4);
        template.ResourcePropertiesCountIs("AWS::ApplicationAutoScaling::ScalingPolicy", Props(("PolicyType", "StepScaling")), 0);
    }

    [Fact]
    public void Publisher_runs_every_minute_without_retries()
    {
        template.HasResourceProperties("AWS::Events::Rule", Props(("ScheduleExpression", "rate(1 minute)"), ("Targets", new[]
        {
            Match.ObjectLike(Props(("Arn", GetAtt(fixture.Id(django.QueueDepthFunction!), "Arn")), ("RetryPolicy", Props(("MaximumRetryAttempts", 0), ("MaximumEventAgeInSeconds", 60))))),
        })));
    }

    [Fact]
    public void Publisher_runs_in_the_private_subnets_and_reads_the_token_from_secrets_manager()
    {
        var function = fixture.Id(django.QueueDepthFunction!);
        template.HasPropertiesWithId(function,
            ("VpcConfig", Props(("SubnetIds", django.Vpc.PrivateSubnets.Select(s => (object)Ref(fixture.Id(s))).ToArray()))),
            ("Environment", Props(("Variables", Props(
                ("REDIS_HOST", GetAtt(fixture.Id(django.Cache), "PrimaryEndPoint.Address")),
                ("REDIS_PORT", "6379"),
                ("REDIS_AUTH_SECRET_ARN", Ref(fixture.Id(django.CacheAuthToken))),
                ("CLUSTER_NAME", ClusterName),
                ("METRIC_NAMESPACE", "DjangoCdk/Celery"),
                ("WORKERS", Match.AnyValue()))))));
    }

    [Fact]
    public void Publisher_is_told_each_worker_and_its_queues()
    {
        template.HasPropertiesWithId(fixture.Id(django.QueueDepthFunction!), ("Environment", Props(("Variables", Match.ObjectLike(Props(
            ("WORKERS", "[{\"name\":\"worker\",\"queues\":[\"celery\"]}]")))))));
    }

    [Fact]
    public void Each_worker_service_carries_the_tag_the_publisher_finds_it_by()
    {
        template.HasPropertiesWithId(fixture.Id(django.WorkerServices[0]), ("Tags", Match.ArrayWith([Props(("Key", "djangocdk:celery-worker"), ("Value", "worker"))])));
    }

    [Fact]
    public void Cache_admits_the_publisher()
    {
        var publisherGroup = ((Constructs.IConstruct)django.Node.FindChild(DjangoEcs.Ids.QueueDepth)).Node.FindChild(QueueDepthPublisher.SecurityGroupId);
        template.HasResourceProperties("AWS::EC2::SecurityGroupIngress", Props(("IpProtocol", "tcp"), ("FromPort", 6379), ("ToPort", 6379),
            ("SourceSecurityGroupId", GetAtt(fixture.Id(publisherGroup), "GroupId"))));
    }

    [Fact]
    public void Publisher_may_put_metrics_in_its_namespace_only_and_list_and_describe_the_services_of_its_cluster_only()
    {
        template.HasResourceProperties("AWS::IAM::Policy", Props(("Roles", new[] { Ref(fixture.Id(django.QueueDepthFunction!.Role!)) }), ("PolicyDocument", Props(("Statement", Match.ArrayWith([
            Match.ObjectLike(Props(("Action", "ecs:ListServices"), ("Resource", "*"),
                ("Condition", Props(("ArnEquals", Props(("ecs:cluster", GetAtt(fixture.Id(django.Cluster), "Arn")))))))),
            Match.ObjectLike(Props(("Action", "ecs:DescribeServices"), ("Resource", Join("arn:", Ref("AWS::Partition"), ":ecs:eu-west-1:123456789012:service/", Ref(fixture.Id(django.Cluster)), "/*")))),
            Match.ObjectLike(Props(("Action", "cloudwatch:PutMetricData"), ("Resource", "*"),
                ("Condition", Props(("StringEquals", Props(("cloudwatch:namespace", "DjangoCdk/Celery"))))))),
        ]))))));
    }

    [Fact]
    public void Dashboard_is_named_after_the_stack_the_app_and_the_region()
    {
        template.HasPropertiesWithId(fixture.Id(Monitoring.Dashboard!), ("DashboardName", Props(("Fn::Join", new object[] { "-", new object[] { "Test-Django", Ref("AWS::Region") } }))));
    }

    [Fact]
    public void Dashboard_shows_the_queue_depth_of_each_celery_queue_and_the_alarms()
    {
        var body = JsonBody(Monitoring.Dashboard!);
        Assert.Contains("\"DjangoCdk/Celery\",\"QueueDepth\",\"ClusterName\"", body);
        Assert.Contains("\"QueueName\",\"celery\"", body);
        Assert.Contains("\"title\":\"Alarms\"", body);
        foreach (var title in new[] { "Requests and errors", "Response time (s)", "Running tasks", "Database CPU (%) and connections", "Redis" })
            Assert.Contains($"\"title\":\"{title}\"", body);
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
