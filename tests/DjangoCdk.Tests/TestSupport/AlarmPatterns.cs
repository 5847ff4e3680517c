using Amazon.CDK;
using Amazon.CDK.Assertions;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;

namespace DjangoCdk.Tests.TestSupport;

/// <summary>What the monitoring tests assert of a CloudWatch alarm, and the options they build, written once.</summary>
internal static class AlarmPatterns
{
    /// <summary>A metric dimension as CloudFormation writes it.</summary>
    public static Dictionary<string, object> Dimension(string name, object value) => Props(("Name", name), ("Value", value));

    /// <summary>A metric of a metric-math alarm, by its ID in the expression.</summary>
    public static Dictionary<string, object> MathMetric(string id, string ns, string name, string stat, int period, params object[] dimensions) =>
        Props(("Id", id), ("ReturnData", false), ("MetricStat", Props(
            ("Metric", Props(("Namespace", ns), ("MetricName", name), ("Dimensions", dimensions))), ("Period", period), ("Stat", stat))));

    /// <summary>The alarm <paramref name="logicalId"/> evaluates <paramref name="expression"/> over <paramref name="metrics"/> (among others).</summary>
    public static void HasMathAlarm(this Template template, string logicalId, string expression, double threshold, string comparison, int periods, string missing, params object[] metrics) =>
        template.HasPropertiesWithId(logicalId,
            ("Metrics", Match.ArrayWith([Match.ObjectLike(Props(("Expression", expression))), .. metrics.Select(m => Match.ObjectLike((IDictionary<string, object>)m))])),
            ("Threshold", threshold), ("ComparisonOperator", comparison), ("EvaluationPeriods", periods), ("DatapointsToAlarm", periods), ("TreatMissingData", missing));

    /// <summary>The alarm <paramref name="logicalId"/> watches one metric with exactly these dimensions.</summary>
    public static void HasMetricAlarm(this Template template, string logicalId, string ns, string metric, string stat, int period, double threshold, string comparison, int periods, string missing, params object[] dimensions) =>
        template.HasPropertiesWithId(logicalId,
            ("Namespace", ns), ("MetricName", metric), ("Statistic", stat), ("Period", period), ("Dimensions", dimensions),
            ("Threshold", threshold), ("ComparisonOperator", comparison), ("EvaluationPeriods", periods), ("DatapointsToAlarm", periods), ("TreatMissingData", missing));

    /// <summary>The logical ID of the alarm topic of <paramref name="monitoring"/> (a topic the construct created).</summary>
    public static string TopicId(Stack stack, AppMonitoring monitoring) =>
        stack.LogicalId(monitoring.AlarmTopic.Node.DefaultChild ?? monitoring.AlarmTopic);

    /// <summary>Every alarm of <paramref name="monitoring"/> notifies exactly its topic when it fires and when it clears.</summary>
    public static void EveryAlarmNotifiesTheTopic(this Template template, Stack stack, AppMonitoring monitoring)
    {
        Assert.NotEmpty(monitoring.Alarms);
        var topic = Ref(TopicId(stack, monitoring));
        foreach (var alarm in monitoring.Alarms.Values)
            template.HasPropertiesWithId(stack.LogicalId(alarm), ("AlarmActions", new[] { topic }), ("OKActions", new[] { topic }));
    }

    /// <summary>AlarmsOptions with one alarm, named by its prop, set to <paramref name="alarm"/>.</summary>
    public static AlarmsOptions With(string name, AlarmOptions alarm)
    {
        var alarms = new AlarmsOptions();
        typeof(AlarmsOptions).GetProperty(name)!.SetValue(alarms, alarm);
        return alarms;
    }
}
