using Amazon.CDK.Assertions;
using DjangoCdk.Tests.Ec2;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;
using static DjangoCdk.Tests.TestSupport.Patterns;

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

    [Fact]
    public void The_four_host_alarms_exist_and_nothing_else()
    {
        Assert.Equal(DockerEc2MonitoringValidationTests.HostAlarms.Order(), Monitoring.Alarms.Keys.Order());
        template.ResourceCountIs("AWS::CloudWatch::Alarm", 4);
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
    public void Dashboard_shows_cpu_credits_network_status_checks_ebs_and_the_alarms()
    {
        var body = System.Text.Json.JsonSerializer.Serialize(fixture.Stack.Resolve(((Amazon.CDK.AWS.CloudWatch.CfnDashboard)Monitoring.Dashboard!.Node.DefaultChild!).DashboardBody))
            .Replace("\\u0022", "\"").Replace("\\\"", "\"");
        foreach (var title in new[] { "Host CPU (%)", "CPU credits", "Network (bytes)", "Status checks (1 = failed)", "EBS traffic (bytes)", "Alarms" })
            Assert.Contains($"\"title\":\"{title}\"", body);
        foreach (var metric in new[] { "CPUUtilization", "CPUCreditBalance", "CPUSurplusCreditBalance", "NetworkIn", "NetworkOut", "StatusCheckFailed_System", "StatusCheckFailed_Instance", "EBSWriteBytes" })
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
        template.ResourceCountIs("AWS::CloudWatch::Alarm", 3);
    }
}
