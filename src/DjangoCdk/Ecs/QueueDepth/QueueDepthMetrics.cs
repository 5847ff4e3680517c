using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.ECS;

namespace DjangoCdk;

/// <summary>
/// The metrics the queue-depth publisher writes (<c>Ecs/QueueDepth/handler/index.js</c>), in the namespace
/// <c>DjangoCdk/Celery</c>: what scaling policies, alarms and the dashboard read. The names and dimensions are the
/// handler's contract, pinned by its tests and by the construct's.
/// </summary>
internal static class QueueDepthMetrics
{
    /// <summary>Messages waiting in one Celery queue (every priority list of it), per app (the cluster).</summary>
    public static Metric QueueDepth(ICluster cluster, string queue, Duration period, string statistic = "Maximum") =>
        Create("QueueDepth", new Dictionary<string, string> { ["ClusterName"] = cluster.ClusterName, ["QueueName"] = queue }, period, statistic);

    /// <summary>The messages waiting in a worker's queues divided by its desired task count (by one when it has none): what its scaling tracks.</summary>
    public static Metric BacklogPerTask(ICluster cluster, IBaseService service, Duration period) =>
        Create("BacklogPerTask", ServiceDimensions(cluster, service), period, "Average");

    /// <summary>The messages waiting in a worker's queues while it has no desired task, else 0: what starts a worker that scaled to zero.</summary>
    public static Metric BacklogWithoutTasks(ICluster cluster, IBaseService service, Duration period) =>
        Create("BacklogWithoutTasks", ServiceDimensions(cluster, service), period, "Maximum");

    private static Dictionary<string, string> ServiceDimensions(ICluster cluster, IBaseService service) =>
        new() { ["ClusterName"] = cluster.ClusterName, ["ServiceName"] = service.ServiceName };

    private static Metric Create(string name, Dictionary<string, string> dimensions, Duration period, string statistic) => new(new MetricProps
    {
        Namespace = Defaults.QueueDepthNamespace,
        MetricName = name,
        DimensionsMap = dimensions,
        Period = period,
        Statistic = statistic,
    });
}
