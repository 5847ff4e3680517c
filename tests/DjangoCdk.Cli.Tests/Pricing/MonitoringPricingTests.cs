using Xunit;

namespace DjangoCdk.Cli.Tests.Pricing;

/// <summary>
/// The day-two resources of a DjangoEcs, priced in us-east-1: alarms, the dashboard, the alarm topic and its key, the
/// alarms target tracking creates, and the queue-depth publisher. Every figure is worked out by hand from the table.
/// </summary>
public sealed class MonitoringPricingTests
{
    private const decimal Hours = 730m;
    private const decimal AlarmMetric = 0.10m;

    // A month of runs once a minute, at 730 hours a month.
    private const decimal RunsEveryMinute = Hours * 60;

    // Two workers: "a" on celery and reports, "b" on reports; the publisher names them through references to the services.
    private const string Template = """
        {
          "TopicKey": { "Type": "AWS::KMS::Key", "Properties": {} },
          "Topic": { "Type": "AWS::SNS::Topic", "Properties": { "KmsMasterKeyId": { "Ref": "TopicKey" } } },
          "TopicPolicy": { "Type": "AWS::SNS::TopicPolicy", "Properties": { "Topics": [ { "Ref": "Topic" } ] } },
          "Email": { "Type": "AWS::SNS::Subscription", "Properties": { "Protocol": "email", "Endpoint": "ops@example.com", "TopicArn": { "Ref": "Topic" } } },
          "ErrorRate": { "Type": "AWS::CloudWatch::Alarm", "Properties": { "ComparisonOperator": "GreaterThanOrEqualToThreshold", "EvaluationPeriods": 5, "Threshold": 5,
            "Metrics": [
              { "Id": "expr_1", "Expression": "100 * FILL(errors, 0) / FILL(requests, 1)" },
              { "Id": "errors", "ReturnData": false, "MetricStat": { "Metric": { "Namespace": "AWS/ApplicationELB", "MetricName": "HTTPCode_Target_5XX_Count" }, "Period": 60, "Stat": "Sum" } },
              { "Id": "requests", "ReturnData": false, "MetricStat": { "Metric": { "Namespace": "AWS/ApplicationELB", "MetricName": "RequestCount" }, "Period": 60, "Stat": "Sum" } } ],
            "AlarmActions": [ { "Ref": "Topic" } ] } },
          "DatabaseCpu": { "Type": "AWS::CloudWatch::Alarm", "Properties": { "Namespace": "AWS/RDS", "MetricName": "CPUUtilization", "Period": 60, "Statistic": "Average",
            "ComparisonOperator": "GreaterThanOrEqualToThreshold", "EvaluationPeriods": 15, "Threshold": 80, "AlarmActions": [ { "Ref": "Topic" } ] } },
          "Dashboard": { "Type": "AWS::CloudWatch::Dashboard", "Properties": { "DashboardBody": "{\"widgets\":[]}" } },
          "WorkerA": { "Type": "AWS::ECS::Service", "Properties": { "LaunchType": "EC2" } },
          "WorkerB": { "Type": "AWS::ECS::Service", "Properties": { "LaunchType": "EC2" } },
          "WorkerATarget": { "Type": "AWS::ApplicationAutoScaling::ScalableTarget", "Properties": { "MinCapacity": 0, "MaxCapacity": 4,
            "ScalableDimension": "ecs:service:DesiredCount", "ServiceNamespace": "ecs", "ResourceId": "service/cluster/a" } },
          "CpuTarget": { "Type": "AWS::ApplicationAutoScaling::ScalingPolicy", "Properties": { "PolicyType": "TargetTrackingScaling", "ScalingTargetId": { "Ref": "WorkerATarget" },
            "TargetTrackingScalingPolicyConfiguration": { "PredefinedMetricSpecification": { "PredefinedMetricType": "ECSServiceAverageCPUUtilization" }, "TargetValue": 70 } } },
          "BacklogTarget": { "Type": "AWS::ApplicationAutoScaling::ScalingPolicy", "Properties": { "PolicyType": "TargetTrackingScaling", "ScalingTargetId": { "Ref": "WorkerATarget" },
            "TargetTrackingScalingPolicyConfiguration": { "CustomizedMetricSpecification": { "Namespace": "DjangoCdk/Celery", "MetricName": "BacklogPerTask", "Statistic": "Average" }, "TargetValue": 10 } } },
          "FromZero": { "Type": "AWS::ApplicationAutoScaling::ScalingPolicy", "Properties": { "PolicyType": "StepScaling", "ScalingTargetId": { "Ref": "WorkerATarget" },
            "StepScalingPolicyConfiguration": { "AdjustmentType": "ChangeInCapacity", "StepAdjustments": [ { "MetricIntervalLowerBound": 0, "ScalingAdjustment": 1 } ] } } },
          "FromZeroAlarm": { "Type": "AWS::CloudWatch::Alarm", "Properties": { "Namespace": "DjangoCdk/Celery", "MetricName": "BacklogWithoutTasks", "Period": 60, "Statistic": "Maximum",
            "ComparisonOperator": "GreaterThanOrEqualToThreshold", "EvaluationPeriods": 1, "Threshold": 1, "AlarmActions": [ { "Ref": "FromZero" } ] } },
          "PublisherRole": { "Type": "AWS::IAM::Role", "Properties": {} },
          "Publisher": { "Type": "AWS::Lambda::Function", "Properties": { "Runtime": "nodejs24.x", "Handler": "index.handler", "MemorySize": 128, "Timeout": 30,
            "Architectures": [ "arm64" ], "Role": { "Fn::GetAtt": [ "PublisherRole", "Arn" ] },
            "Environment": { "Variables": { "METRIC_NAMESPACE": "DjangoCdk/Celery", "WORKERS": { "Fn::Join": [ "", [
              "[{\"service\":\"", { "Fn::GetAtt": [ "WorkerA", "Name" ] }, "\",\"queues\":[\"celery\",\"reports\"]},{\"service\":\"",
              { "Fn::GetAtt": [ "WorkerB", "Name" ] }, "\",\"queues\":[\"reports\"]}]" ] ] } } } } },
          "Schedule": { "Type": "AWS::Events::Rule", "Properties": { "ScheduleExpression": "rate(1 minute)", "State": "ENABLED",
            "Targets": [ { "Arn": { "Fn::GetAtt": [ "Publisher", "Arn" ] }, "Id": "Target0" } ] } },
          "SchedulePermission": { "Type": "AWS::Lambda::Permission", "Properties": { "Action": "lambda:InvokeFunction", "FunctionName": { "Fn::GetAtt": [ "Publisher", "Arn" ] } } }
        }
        """;

    private static CostEstimate Estimate(string resources = Template) =>
        CostEstimator.Estimate([PricingTestData.Stack(resources)], "us-east-1", PricingTestData.Prices);

    [Fact]
    public void An_alarm_pays_for_each_metric_it_reads()
    {
        // Given a metric-math alarm over two metrics and an alarm on one metric
        var estimate = Estimate();

        // Then the first costs two alarm metrics, the second one
        Assert.Equal(2 * AlarmMetric, estimate.Line("ErrorRate").MonthlyUsd);
        Assert.Equal("CloudWatch alarm on 2 metrics", estimate.Line("ErrorRate").Description);
        Assert.Equal(AlarmMetric, estimate.Line("DatabaseCpu").MonthlyUsd);
    }

    [Fact]
    public void A_dashboard_is_priced_and_its_note_says_an_account_s_first_three_are_free()
    {
        var line = Estimate().Line("Dashboard");

        Assert.Equal(3.00m, line.MonthlyUsd);
        Assert.Contains("first 3 dashboards are free", line.Note);
    }

    [Fact]
    public void A_target_tracking_policy_pays_for_the_two_alarms_Application_Auto_Scaling_creates()
    {
        // Given two target-tracking policies (a predefined metric, a custom one) and a step policy with its own alarm
        var estimate = Estimate();

        // Then each target-tracking policy is two alarms on one metric; the step policy costs nothing, its alarm one alarm metric
        Assert.Equal(2 * AlarmMetric, estimate.Line("CpuTarget").MonthlyUsd);
        Assert.Equal(2 * AlarmMetric, estimate.Line("BacklogTarget").MonthlyUsd);
        Assert.Equal("Target tracking on BacklogPerTask: 2 CloudWatch alarms", estimate.Line("BacklogTarget").Description);
        Assert.DoesNotContain(estimate.Lines, l => l.LogicalId == "FromZero");
        Assert.Equal(AlarmMetric, estimate.Line("FromZeroAlarm").MonthlyUsd);
    }

    [Fact]
    public void The_cloudwatch_agent_of_a_docker_host_pays_for_its_custom_metrics_and_a_call_a_minute()
    {
        // Given DockerEc2's host, whose cfn-init writes the agent configuration: memory, and two volumes rolled up once
        var config = System.Text.Json.JsonSerializer.Serialize("""
            { "agent": { "metrics_collection_interval": 60 },
              "metrics": { "namespace": "DjangoCdk/Host", "append_dimensions": { "InstanceId": "${aws:InstanceId}" },
                "aggregation_dimensions": [ [ "InstanceId", "path" ] ],
                "metrics_collected": { "mem": { "measurement": [ "mem_used_percent" ] },
                  "disk": { "measurement": [ "disk_used_percent" ], "resources": [ "/", "/data" ], "drop_device": true } } } }
            """);
        var estimate = Estimate($$"""
            { "Host": { "Type": "AWS::EC2::Instance", "Properties": { "InstanceType": "t4g.small" },
                "Metadata": { "AWS::CloudFormation::Init": { "stack": { "files": { "/etc/djangocdk/cloudwatch-agent.json": { "content": {{config}} } } } } } } }
            """);

        // Then memory is 1 metric and each volume 2 (its own series and the roll-up): 5 at 0.30, and 43,800 calls at 0.01 a thousand
        var line = Assert.Single(estimate.Lines, l => l.ResourceType == "CloudWatch agent");
        Assert.Equal(5 * 0.30m + RunsEveryMinute / 1000m * 0.01m, line.MonthlyUsd);
        Assert.Equal("CloudWatch agent on Host: 5 custom metrics to DjangoCdk/Host, every minute", line.Description);
    }

    [Fact]
    public void An_instance_without_the_agent_configuration_has_no_agent_line()
    {
        var estimate = Estimate("""{ "Host": { "Type": "AWS::EC2::Instance", "Properties": { "InstanceType": "t4g.small" } } }""");

        Assert.DoesNotContain(estimate.Lines, l => l.ResourceType == "CloudWatch agent");
    }

    [Fact]
    public void The_queue_depth_publisher_pays_for_its_runs_its_custom_metrics_and_its_PutMetricData_calls()
    {
        // Given the publisher, 128 MB on ARM64, run every minute, publishing for two workers over two distinct queues
        var line = Estimate().Line("Publisher");

        // Then: requests and GB-seconds at 1 s a run, no free tier; QueueDepth x 2 queues + (BacklogPerTask, BacklogWithoutTasks) x 2 workers
        // = 6 custom metrics; one PutMetricData call a run
        var lambda = RunsEveryMinute / 1_000_000m * 0.20m + RunsEveryMinute * 1m * 0.125m * 0.0000133334m;
        var metrics = 6 * 0.30m;
        var calls = RunsEveryMinute / 1000m * 0.01m;
        Assert.Equal(lambda + metrics + calls, line.MonthlyUsd);
        Assert.Equal(2.319760365m, line.MonthlyUsd);
        Assert.Equal("Lambda on rate(1 minute): 43,800 runs a month, 128 MB, ARM64; publishes 6 custom metrics to DjangoCdk/Celery", line.Description);
        Assert.Contains("the free tier is not applied", line.Note);
    }

    [Fact]
    public void A_function_on_a_rate_schedule_is_priced_at_the_assumed_duration_and_its_architecture()
    {
        // Given an x86 function of 256 MB that EventBridge runs every 5 minutes, and publishes nothing
        var line = Estimate("""
            {
              "Job": { "Type": "AWS::Lambda::Function", "Properties": { "MemorySize": 256, "Timeout": 60 } },
              "Every5": { "Type": "AWS::Events::Rule", "Properties": { "ScheduleExpression": "rate(5 minutes)", "Targets": [ { "Arn": { "Fn::GetAtt": [ "Job", "Arn" ] }, "Id": "T" } ] } }
            }
            """).Line("Job");

        // Then 730 x 12 runs at the x86 GB-second price
        const decimal runs = Hours * 12;
        Assert.Equal(runs / 1_000_000m * 0.20m + runs * 1m * 0.25m * 0.0000166667m, line.MonthlyUsd);
        Assert.StartsWith("Lambda on rate(5 minutes): 8,760 runs a month, 256 MB, X86_64", line.Description);
    }

    [Fact]
    public void A_function_run_by_anything_but_a_rate_schedule_stays_usage_and_has_no_line()
    {
        // Given a function without a rule, and one on a cron schedule
        var estimate = Estimate("""
            {
              "Handler": { "Type": "AWS::Lambda::Function", "Properties": {} },
              "Nightly": { "Type": "AWS::Lambda::Function", "Properties": {} },
              "Cron": { "Type": "AWS::Events::Rule", "Properties": { "ScheduleExpression": "cron(0 3 * * ? *)", "Targets": [ { "Arn": { "Fn::GetAtt": [ "Nightly", "Arn" ] }, "Id": "T" } ] } }
            }
            """);

        // Then neither is priced, and Lambda is listed as not counted
        Assert.Empty(estimate.Lines);
        Assert.Contains("Lambda invocations and duration", estimate.Excluded);
    }

    [Fact]
    public void The_alarm_topic_s_key_is_priced_and_its_notifications_are_named_as_negligible()
    {
        var estimate = Estimate();

        Assert.Equal(1.00m, estimate.Line("TopicKey").MonthlyUsd);
        Assert.DoesNotContain(estimate.Lines, l => l.LogicalId is "Topic" or "TopicPolicy" or "Email" or "Schedule");
        Assert.Contains(estimate.Excluded, e => e.StartsWith("SNS notifications", StringComparison.Ordinal) && e.Contains("negligible at alarm volumes"));
        // The scheduled function is priced, so its usage is not listed as left out
        Assert.DoesNotContain("Lambda invocations and duration", estimate.Excluded);
    }

    [Fact]
    public void The_total_is_the_sum_of_the_lines_worked_out_by_hand()
    {
        var estimate = Estimate();

        var expected = 1.00m // the topic's KMS key
                       + 2 * AlarmMetric + AlarmMetric // the 5xx-rate alarm (2 metrics), the database CPU alarm
                       + 3.00m // the dashboard
                       + 2 * (2 * AlarmMetric) // two target-tracking policies, two alarms each
                       + AlarmMetric // the scale-from-zero alarm
                       + (RunsEveryMinute / 1_000_000m * 0.20m + RunsEveryMinute * 0.125m * 0.0000133334m) // the publisher's Lambda
                       + 6 * 0.30m + RunsEveryMinute / 1000m * 0.01m; // its custom metrics and PutMetricData calls
        Assert.Equal(expected, estimate.TotalMonthlyUsd);
        Assert.Equal(7.119760365m, estimate.TotalMonthlyUsd);
        Assert.True(estimate.Complete);
    }

    [Fact]
    public void A_resource_type_the_estimate_does_not_know_is_named_as_not_counted()
    {
        // Given a composite alarm (not in the table), next to types that are free
        var estimate = Estimate("""
            {
              "Composite": { "Type": "AWS::CloudWatch::CompositeAlarm", "Properties": { "AlarmRule": "ALARM(a)" } },
              "Role": { "Type": "AWS::IAM::Role", "Properties": {} },
              "Release": { "Type": "Custom::DjangoRelease", "Properties": {} }
            }
            """);

        // Then it is named as left out, and the free types are not
        var item = Assert.Single(estimate.Excluded, e => e.StartsWith("Resource types the estimate does not know", StringComparison.Ordinal));
        Assert.EndsWith(": AWS::CloudWatch::CompositeAlarm", item);
        Assert.Empty(estimate.Lines);
    }
}
