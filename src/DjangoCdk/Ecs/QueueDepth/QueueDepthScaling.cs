using Amazon.CDK;
using Amazon.CDK.AWS.ApplicationAutoScaling;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.ECS;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// A worker's scaling on its queues' backlog: target tracking of <see cref="QueueDepthMetrics.BacklogPerTask"/> beside
/// the CPU target (the service scales out when either asks, in only when both agree), and, for a worker that scales to
/// zero, a step that adds one task when messages wait and it has none (target tracking multiplies the current task
/// count, so it cannot start from zero).
/// </summary>
internal static class QueueDepthScaling
{
    internal const string BacklogPolicyId = "Backlog";
    internal const string FromZeroId = "FromZero";
    internal const string FromZeroAlarmId = "FromZeroAlarm";

    public static void Apply(Construct scope, WorkerSettings worker, ICluster cluster, FargateService service, ScalableTaskCount scaling, QueueScaling queue)
    {
        scaling.ScaleToTrackCustomMetric(BacklogPolicyId, new TrackCustomMetricProps
        {
            Metric = QueueDepthMetrics.BacklogPerTask(cluster, service, Duration.Minutes(1)),
            TargetValue = queue.BacklogPerTask,
            ScaleOutCooldown = Duration.Minutes(1),
            // Removing a task stops its running Celery jobs after the stop timeout: scale in unhurriedly.
            ScaleInCooldown = Duration.Minutes(5),
        });
        if (!queue.ToZero) return;

        var target = (ScalableTarget)scaling.Node.FindChild("Target");
        var step = new StepScalingAction(scaling, FromZeroId, new StepScalingActionProps
        {
            ScalingTarget = target,
            AdjustmentType = AdjustmentType.CHANGE_IN_CAPACITY,
            MetricAggregationType = MetricAggregationType.MAXIMUM,
            Cooldown = Duration.Minutes(1),
        });
        step.AddAdjustment(new AdjustmentTier { Adjustment = 1, LowerBound = 0 });
        var alarm = new Alarm(scaling, FromZeroAlarmId, new AlarmProps
        {
            Metric = QueueDepthMetrics.BacklogWithoutTasks(cluster, service, Duration.Minutes(1)),
            Threshold = 1,
            ComparisonOperator = ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            EvaluationPeriods = 1,
            TreatMissingData = TreatMissingData.NOT_BREACHING,
            AlarmDescription = $"{scope.Node.Path}: messages wait for worker '{worker.Name}', which has no task; starts one (scale to zero).",
        });
        alarm.AddAlarmAction(new ApplicationScalingAction(step));
    }
}
