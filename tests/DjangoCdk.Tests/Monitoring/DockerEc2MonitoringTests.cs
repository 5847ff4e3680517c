using Amazon.CDK.Assertions;
using DjangoCdk.Tests.Ec2;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;
using static DjangoCdk.Tests.TestSupport.Patterns;
using static DjangoCdk.Tests.TestSupport.AlarmPatterns;

namespace DjangoCdk.Tests.Monitoring;

/// <summary>The host alarms, topic, dashboard and outputs of a DockerEc2 with the defaults (a t4g.small).</summary>
public sealed class DockerEc2MonitoringTests(DockerEc2DefaultsFixture fixture) : IClassFixture<DockerEc2DefaultsFixture>
{
    private readonly Template template = fixture.Template;
    private readonly DockerEc2 host = fixture.Host;
    private AppMonitoring Monitoring => host.Monitoring!;

    private string Id(Constructs.IConstruct construct) => fixture.Stack.LogicalId(construct);
    private string AlarmId(string name) => Id(Monitoring.Alarms[name]);
    private string Topic => Id(Monitoring.AlarmTopic.Node.DefaultChild ?? Monitoring.AlarmTopic);
    private object InstanceDimension => Props(("Name", "InstanceId"), ("Value", Ref(Id(host.Instance))));

    /// <summary>The EC2 recover action of the stack's region and partition.</summary>
    internal static object RecoverAction => Join("arn:", Ref("AWS::Partition"), $":automate:{TestStacks.Region}:ec2:recover");

    private void HasHostAlarm(string name, string metric, string stat, int period, double threshold, string comparison, int periods, string missing) =>
        template.HasPropertiesWithId(AlarmId(name),
            ("Namespace", "AWS/EC2"), ("MetricName", metric), ("Statistic", stat), ("Period", period), ("Dimensions", new[] { InstanceDimension }),
            ("Threshold", threshold), ("ComparisonOperator", comparison), ("EvaluationPeriods", periods), ("DatapointsToAlarm", periods), ("TreatMissingData", missing));

    private void HasAgentAlarm(string name, string metric, double threshold, int minutes, params object[] extraDimensions) =>
        template.HasMetricAlarm(AlarmId(name), "DjangoCdk/Host", metric, "Maximum", 60, threshold, "GreaterThanOrEqualToThreshold", minutes, "missing",
            [InstanceDimension, .. extraDimensions]);

    [Fact]
    public void The_seven_host_alarms_exist_and_nothing_else()
    {
        Assert.Equal(DockerEc2MonitoringValidationTests.HostAlarms.Order(), Monitoring.Alarms.Keys.Order());
        template.ResourceCountIs("AWS::CloudWatch::Alarm", 7);
        Assert.Equal("Monitoring", Monitoring.Node.Id);
    }

    [Fact]
    public void A_failed_system_status_check_for_two_minutes_notifies_and_recovers_the_instance()
    {
        // Given the defaults / Then the system check is judged every minute, a stopped host (no data) is not "failed"
        HasHostAlarm(nameof(AlarmsOptions.HostStatusCheckFailed), "StatusCheckFailed_System", "Maximum", 60, 1, "GreaterThanOrEqualToThreshold", 2, "notBreaching");

        // And the alarm notifies the topic and runs EC2's recover action; only the topic hears that it cleared
        template.HasPropertiesWithId(AlarmId(nameof(AlarmsOptions.HostStatusCheckFailed)),
            ("AlarmActions", new[] { Ref(Topic), RecoverAction }), ("OKActions", new[] { Ref(Topic) }));
    }

    [Fact]
    public void A_failed_or_missing_instance_status_check_for_five_minutes_notifies_only()
    {
        // Missing data counts as failed: a stopped host publishes no check, and is down
        HasHostAlarm(nameof(AlarmsOptions.HostInstanceCheckFailed), "StatusCheckFailed_Instance", "Maximum", 60, 1, "GreaterThanOrEqualToThreshold", 5, "breaching");
        template.HasPropertiesWithId(AlarmId(nameof(AlarmsOptions.HostInstanceCheckFailed)), ("AlarmActions", new[] { Ref(Topic) }), ("OKActions", new[] { Ref(Topic) }));
    }

    [Fact]
    public void Cpu_alarm_averages_fifteen_minutes_of_basic_monitoring()
    {
        // One 15-minute period holds three 5-minute datapoints (basic monitoring): no period is empty
        HasHostAlarm(nameof(AlarmsOptions.HostCpuPercent), "CPUUtilization", "Average", 900, 80, "GreaterThanOrEqualToThreshold", 1, "notBreaching");
    }

    [Fact]
    public void Credit_alarm_judges_the_balance_only_while_the_host_spends_its_earnings()
    {
        // A t4g.small earns 24 credits an hour and holds 576: 90 % of 15 minutes' earnings is 5.4
        template.HasPropertiesWithId(AlarmId(nameof(AlarmsOptions.HostCpuCreditBalance)),
            ("Metrics", Match.ArrayWith([
                Match.ObjectLike(Props(("Expression", "IF(FILL(usage, 0) >= 5.4, 100 * balance / 576, 100)"))),
                Match.ObjectLike(Props(("Id", "usage"), ("MetricStat", Props(("Metric", Props(("Namespace", "AWS/EC2"), ("MetricName", "CPUCreditUsage"), ("Dimensions", new[] { InstanceDimension }))), ("Period", 900), ("Stat", "Sum"))))),
                Match.ObjectLike(Props(("Id", "balance"), ("MetricStat", Props(("Metric", Props(("Namespace", "AWS/EC2"), ("MetricName", "CPUCreditBalance"), ("Dimensions", new[] { InstanceDimension }))), ("Period", 900), ("Stat", "Minimum"))))),
            ])),
            ("Threshold", 10), ("ComparisonOperator", "LessThanThreshold"), ("EvaluationPeriods", 1), ("TreatMissingData", "notBreaching"));
    }

    [Fact]
    public void Memory_alarm_reads_the_agents_memory_use_every_minute_for_ten_minutes()
    {
        // No data means the agent is not publishing: INSUFFICIENT_DATA, not a guess either way
        HasAgentAlarm(nameof(AlarmsOptions.HostMemoryPercent), "mem_used_percent", 90, 10);
    }

    [Fact]
    public void Root_disk_alarm_reads_the_rolled_up_use_of_the_root_volume()
    {
        // The series rolled up to InstanceId and path: the file system type depends on the image
        HasAgentAlarm(nameof(AlarmsOptions.HostRootDiskPercent), "disk_used_percent", 80, 5, Dimension("path", "/"));
    }

    [Fact]
    public void Data_disk_alarm_reads_the_rolled_up_use_of_the_data_volume()
    {
        HasAgentAlarm(nameof(AlarmsOptions.HostDataDiskPercent), "disk_used_percent", 80, 5, Dimension("path", "/data"));
    }

    [Fact]
    public void Cfn_init_writes_the_agent_configuration_the_alarms_read()
    {
        // Given the configuration cfn-init writes for the boot script's agent
        var config = System.Text.Json.Nodes.JsonNode.Parse(Hosts.InitFile(template, "/etc/djangocdk/cloudwatch-agent.json"))!["metrics"]!;

        // Then it publishes to the namespace, metrics and dimensions the alarms read, every minute
        Assert.Equal("DjangoCdk/Host", config["namespace"]!.GetValue<string>());
        Assert.Equal("${aws:InstanceId}", config["append_dimensions"]!["InstanceId"]!.GetValue<string>());
        Assert.Equal("""[["InstanceId","path"]]""", config["aggregation_dimensions"]!.ToJsonString());
        Assert.Equal("""["mem_used_percent"]""", config["metrics_collected"]!["mem"]!["measurement"]!.ToJsonString());
        Assert.Equal("""["disk_used_percent"]""", config["metrics_collected"]!["disk"]!["measurement"]!.ToJsonString());
        Assert.Equal("""["/","/data"]""", config["metrics_collected"]!["disk"]!["resources"]!.ToJsonString());
    }

    [Fact]
    public void Instance_role_may_publish_metrics_to_the_host_namespace_only()
    {
        template.HasResourceProperties("AWS::IAM::Policy", Props(("PolicyDocument", Statement(
            ("Effect", "Allow"), ("Action", "cloudwatch:PutMetricData"), ("Resource", "*"),
            ("Condition", Props(("StringEquals", Props(("cloudwatch:namespace", "DjangoCdk/Host")))))))));
    }

    [Fact]
    public void Boot_script_is_told_to_run_the_agent()
    {
        Assert.Equal("on", Hosts.EnvFile(template, "/etc/djangocdk/stack.env")["HOST_METRICS"]);
    }

    [Fact]
    public void Every_alarm_notifies_the_topic_when_it_fires_and_when_it_clears()
    {
        foreach (var alarm in Monitoring.Alarms.Values)
            template.HasPropertiesWithId(Id(alarm), ("AlarmActions", Match.ArrayWith([Ref(Topic)])), ("OKActions", new[] { Ref(Topic) }));
    }

    [Fact]
    public void Alarm_topic_is_encrypted_with_its_own_rotating_key_and_accepts_this_accounts_alarms_only()
    {
        template.HasPropertiesWithId(Topic, ("KmsMasterKeyId", GetAtt(Id(Monitoring.AlarmTopicKey!), "Arn")));
        template.HasPropertiesWithId(Id(Monitoring.AlarmTopicKey!), ("EnableKeyRotation", true));
        template.HasResourceProperties("AWS::SNS::TopicPolicy", Props(("PolicyDocument", Statement(
            ("Effect", "Allow"), ("Principal", Props(("Service", "cloudwatch.amazonaws.com"))), ("Action", "sns:Publish"),
            ("Condition", Props(("StringEquals", Props(("aws:SourceAccount", TestStacks.Account)))))))));
    }

    [Fact]
    public void Alarm_descriptions_say_what_happened_and_what_to_do()
    {
        template.HasPropertiesWithId(AlarmId(nameof(AlarmsOptions.HostStatusCheckFailed)),
            ("AlarmDescription", Match.StringLikeRegexp("^Test/Host: the host failed EC2's system status check .* EC2 is recovering it onto healthy hardware")));
        template.HasPropertiesWithId(AlarmId(nameof(AlarmsOptions.HostInstanceCheckFailed)), ("AlarmDescription", Match.StringLikeRegexp("get-console-output")));
    }

    [Fact]
    public void Dashboard_shows_cpu_credits_network_memory_disks_status_checks_ebs_and_the_alarms()
    {
        var body = System.Text.Json.JsonSerializer.Serialize(fixture.Stack.Resolve(((Amazon.CDK.AWS.CloudWatch.CfnDashboard)Monitoring.Dashboard!.Node.DefaultChild!).DashboardBody))
            .Replace("\\u0022", "\"").Replace("\\\"", "\"");
        foreach (var title in new[] { "Host CPU (%)", "CPU credits", "Network (bytes)", "Host memory in use (%)", "Volumes in use (%)", "Status checks (1 = failed)", "EBS traffic (bytes)", "Alarms" })
            Assert.Contains($"\"title\":\"{title}\"", body);
        foreach (var metric in new[] { "CPUUtilization", "CPUCreditBalance", "CPUSurplusCreditBalance", "NetworkIn", "NetworkOut", "mem_used_percent", "disk_used_percent", "StatusCheckFailed_System", "StatusCheckFailed_Instance", "EBSWriteBytes" })
            Assert.Contains($"\"{metric}\"", body);
        template.HasPropertiesWithId(Id(Monitoring.Dashboard!), ("DashboardName", Props(("Fn::Join", new object[] { "-", new object[] { "Test-Host", Ref("AWS::Region") } }))));
    }

    [Fact]
    public void Outputs_name_the_alarm_topic_and_the_dashboard()
    {
        template.HasOutput("HostAlarmTopicArn", Props(("Value", Ref(Topic))));
        template.HasOutput("HostDashboardUrl", Match.ObjectLike(Props(("Value", Match.AnyValue()))));
    }
}

/// <summary>DockerEc2 on instance types that change what applies: no credits on a non-burstable type, no recovery with local disks.</summary>
public sealed class DockerEc2InstanceTypeMonitoringTests
{
    [Fact]
    public void A_type_with_local_disks_and_no_credits_gets_a_notifying_status_alarm_and_no_credit_alarm()
    {
        // Given an m6gd.large: local NVMe instance store (EC2 cannot recover it) and no CPU credits
        var stack = Hosts.NewStack();
        var host = new DockerEc2(stack, Hosts.HostId, new DockerEc2Props { ImageDirectory = TestStacks.Backend, InstanceType = "m6gd.large" });
        var template = stack.Template();
        var monitoring = host.Monitoring!;

        // Then the system check alarm only notifies, and says what to do instead
        var topic = Ref(stack.LogicalId(monitoring.AlarmTopic.Node.DefaultChild!));
        template.HasPropertiesWithId(stack.LogicalId(monitoring.Alarms[nameof(AlarmsOptions.HostStatusCheckFailed)]),
            ("AlarmActions", new[] { topic }), ("AlarmDescription", Match.StringLikeRegexp("cannot be recovered by the alarm")));

        // And there is no credit alarm
        Assert.False(monitoring.Alarms.ContainsKey(nameof(AlarmsOptions.HostCpuCreditBalance)));
        template.ResourceCountIs("AWS::CloudWatch::Alarm", 6);
    }
}

/// <summary>DockerEc2 with monitoring turned off: no alarms, and no CloudWatch agent on the host.</summary>
public sealed class DockerEc2MonitoringOffTests
{
    private readonly Template template;
    private readonly DockerEc2 host;

    public DockerEc2MonitoringOffTests()
    {
        var stack = Hosts.NewStack();
        host = new DockerEc2(stack, Hosts.HostId, new DockerEc2Props { ImageDirectory = TestStacks.Backend, Monitoring = new MonitoringOptions { Enabled = false } });
        template = stack.Template();
    }

    [Fact]
    public void No_alarm_topic_or_dashboard_is_created()
    {
        Assert.Null(host.Monitoring);
        template.ResourceCountIs("AWS::CloudWatch::Alarm", 0);
        template.ResourceCountIs("AWS::SNS::Topic", 0);
        template.ResourceCountIs("AWS::CloudWatch::Dashboard", 0);
    }

    [Fact]
    public void The_boot_script_stops_the_agent_and_cfn_init_writes_no_agent_configuration()
    {
        Assert.Equal("off", Hosts.EnvFile(template, "/etc/djangocdk/stack.env")["HOST_METRICS"]);
        Assert.DoesNotContain("/etc/djangocdk/cloudwatch-agent.json", Hosts.InitFiles(template).Keys);
    }

    [Fact]
    public void The_instance_role_may_not_publish_metrics()
    {
        var statements = System.Text.Json.JsonSerializer.Serialize(template.FindResources("AWS::IAM::Policy").Values
            .Select(p => ((IDictionary<string, object>)((IDictionary<string, object>)p)["Properties"])["PolicyDocument"]));
        Assert.DoesNotContain("cloudwatch:PutMetricData", statements);
    }
}
