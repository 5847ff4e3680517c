using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.ElastiCache;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.RDS;

namespace DjangoCdk;

/// <summary>
/// The alarms and dashboard row every Django host shares (DjangoEcs, DjangoEks): the release phase's failures, the
/// PostgreSQL database and the Redis cache.
/// </summary>
internal static class DataStoreMonitoring
{
    /// <summary>The database's and the cache's alarms.</summary>
    public static void AddAlarms(AppMonitoring monitoring, DatabaseInstance database, CfnReplicationGroup cache)
    {
        AddDatabaseAlarms(monitoring, database);
        AddCacheAlarms(monitoring, cache);
    }

    /// <summary>The database's CPU, connections, free storage and memory; Redis's memory, engine CPU and evictions.</summary>
    public static void AddRow(AppMonitoring monitoring, DatabaseInstance database, CfnReplicationGroup cache)
    {
        if (monitoring.Dashboard is null) return;
        var minute = Duration.Minutes(1);
        monitoring.AddRow(
            AppMonitoring.Graph("Database CPU (%) and connections", [
                database.MetricCPUUtilization(new MetricOptions { Period = minute, Label = "CPU %" }),
                database.MetricDatabaseConnections(new MetricOptions { Period = minute, Label = "connections" }),
            ]),
            AppMonitoring.Graph("Database free storage and memory (bytes)", [
                database.MetricFreeStorageSpace(new MetricOptions { Period = minute, Statistic = "Minimum", Label = "free storage" }),
                database.MetricFreeableMemory(new MetricOptions { Period = minute, Statistic = "Minimum", Label = "freeable memory" }),
            ]),
            AppMonitoring.Graph("Redis", [
                CacheMetric(cache, "DatabaseMemoryUsagePercentage", "Maximum", minute).With(new MetricOptions { Label = "memory %" }),
                CacheMetric(cache, "EngineCPUUtilization", "Average", minute).With(new MetricOptions { Label = "engine CPU %" }),
                CacheMetric(cache, "Evictions", "Sum", minute).With(new MetricOptions { Label = "evictions" }),
            ]));
    }

    public static void AddReleaseAlarm(AppMonitoring monitoring, IReadOnlyList<IFunction> functions)
    {
        if (functions.Count == 0) return;
        monitoring.Add(nameof(AlarmsOptions.ReleaseFailures), "", (_, period) => new MathExpression(new MathExpressionProps
        {
            Expression = string.Join(" + ", functions.Select((_, i) => $"FILL(errors{i}, 0)")),
            UsingMetrics = functions.Select((f, i) => (f, i)).ToDictionary(p => $"errors{p.i}", p => (IMetric)p.f.MetricErrors(new MetricOptions { Period = period, Statistic = "Sum" })),
            Period = period,
            Label = "release step failures",
        }), ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: true,
            s => $"{AppMonitoring.Number(s.Threshold)} or more release steps (migrate, collectstatic...) failed to start or exited non-zero in {s.Minutes} minutes; the deployment rolled back. The step's log is in the app's log group.");
    }

    private static void AddDatabaseAlarms(AppMonitoring monitoring, DatabaseInstance database)
    {
        monitoring.Add(nameof(AlarmsOptions.DatabaseCpuPercent), "", (_, period) => database.MetricCPUUtilization(new MetricOptions { Period = period, Statistic = "Average" }),
            ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: false,
            s => $"the database's CPU was {AppMonitoring.Number(s.Threshold)} % or more for {s.Minutes} minutes.");
        monitoring.Add(nameof(AlarmsOptions.DatabaseFreeStorageGiB), "", (_, period) => new MathExpression(new MathExpressionProps
        {
            Expression = "free / 1073741824",
            UsingMetrics = new Dictionary<string, IMetric> { ["free"] = database.MetricFreeStorageSpace(new MetricOptions { Period = period, Statistic = "Minimum" }) },
            Period = period,
            Label = "free storage (GiB)",
        }), ComparisonOperator.LESS_THAN_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: false,
            s => $"the database had less than {AppMonitoring.Number(s.Threshold)} GiB of free storage for {s.Minutes} minutes (storage autoscaling could not keep up, or reached its maximum).");
        monitoring.Add(nameof(AlarmsOptions.DatabaseFreeMemoryMiB), "", (_, period) => new MathExpression(new MathExpressionProps
        {
            Expression = "free / 1048576",
            UsingMetrics = new Dictionary<string, IMetric> { ["free"] = database.MetricFreeableMemory(new MetricOptions { Period = period, Statistic = "Minimum" }) },
            Period = period,
            Label = "freeable memory (MiB)",
        }), ComparisonOperator.LESS_THAN_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: false,
            s => $"the database had less than {AppMonitoring.Number(s.Threshold)} MiB of freeable memory for {s.Minutes} minutes.");
        monitoring.Add(nameof(AlarmsOptions.DatabaseConnections), "", (_, period) => database.MetricDatabaseConnections(new MetricOptions { Period = period, Statistic = "Maximum" }),
            ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: false,
            s => $"the database had {AppMonitoring.Number(s.Threshold)} or more connections for {s.Minutes} minutes (PostgreSQL refuses new ones at max_connections).");
    }

    private static void AddCacheAlarms(AppMonitoring monitoring, CfnReplicationGroup cache)
    {
        monitoring.Add(nameof(AlarmsOptions.CacheMemoryPercent), "", (_, period) => CacheMetric(cache, "DatabaseMemoryUsagePercentage", "Maximum", period),
            ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: false,
            s => $"Redis used {AppMonitoring.Number(s.Threshold)} % or more of its memory for {s.Minutes} minutes (Celery's queues and Django's cache share it).");
        monitoring.Add(nameof(AlarmsOptions.CacheEvictions), "", (_, period) => CacheMetric(cache, "Evictions", "Sum", period),
            ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: true,
            s => $"Redis evicted {AppMonitoring.Number(s.Threshold)} or more keys in {s.Minutes} minutes for lack of memory.");
    }

    /// <summary>A metric of the cache's one node: ElastiCache names a replication group's nodes "&lt;group&gt;-001", "-002"...</summary>
    private static Metric CacheMetric(CfnReplicationGroup cache, string name, string statistic, Duration period) => new(new MetricProps
    {
        Namespace = "AWS/ElastiCache",
        MetricName = name,
        DimensionsMap = new Dictionary<string, string> { ["CacheClusterId"] = cache.Ref + "-001" },
        Statistic = statistic,
        Period = period,
    });
}
