using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ElastiCache;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.RDS;
using Constructs;

namespace DjangoCdk;

/// <summary>What DjangoEcs built that its alarms and dashboard watch.</summary>
internal sealed record EcsMonitored(
    DjangoEcs App,
    IReadOnlyList<EcsWorker> Workers,
    IReadOnlyList<IFunction> ReleaseFunctions,
    CfnReplicationGroup Cache,
    IFunction? Publisher);

/// <summary>
/// The alarms and dashboard of a <see cref="DjangoEcs"/>, added to its <see cref="AppMonitoring"/>: the load balancer
/// and web service, each worker, the release phase, the database, the cache and the queue-depth publisher; then the
/// web service's deployment alarms. Each alarm's metric, statistic and missing-data treatment is chosen here; the
/// thresholds and windows come from the settings.
/// </summary>
internal static class EcsMonitoring
{
    private const string Alb = "AWS/ApplicationELB";
    private const string ContainerInsights = "ECS/ContainerInsights";

    /// <summary>
    /// Creates the monitoring of <paramref name="watched"/>; the dashboard's last row, the alarms' states, is left to
    /// the caller when <paramref name="statusRowLater"/> (DjangoVue adds CloudFront's alarm first).
    /// </summary>
    public static AppMonitoring Create(Construct scope, string id, MonitoringSettings settings, EcsMonitored watched, bool statusRowLater)
    {
        var monitoring = new AppMonitoring(scope, id, settings, scope.Node.Path);
        var guards = AddWebAlarms(monitoring, watched.App);
        foreach (var worker in watched.Workers) AddWorkerAlarm(monitoring, watched.App.Cluster, worker);
        DataStoreMonitoring.AddReleaseAlarm(monitoring, watched.ReleaseFunctions);
        DataStoreMonitoring.AddAlarms(monitoring, watched.App.Database, watched.Cache);
        if (watched.Publisher is { } publisher)
        {
            monitoring.Add(nameof(AlarmsOptions.QueueDepthPublisherErrors), "", (_, period) => publisher.MetricErrors(new MetricOptions { Period = period, Statistic = "Sum" }),
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: true,
                s => $"the Celery queue-depth publisher failed {AppMonitoring.Number(s.Threshold)} or more times in {s.Minutes} minutes: queue-depth scaling is blind (see its log group).");
        }

        AddDashboard(monitoring, watched);
        if (!statusRowLater) monitoring.AddAlarmStatusRow();
        if (settings.RollbackOnAlarm && guards.Count > 0)
        {
            watched.App.WebService.EnableDeploymentAlarms(guards.Select(a => a.AlarmName).ToArray(),
                new DeploymentAlarmOptions { Behavior = AlarmBehavior.ROLLBACK_ON_ALARM });
        }

        return monitoring;
    }

    /// <summary>The load balancer and web alarms; returns those that guard web deployments.</summary>
    private static List<Alarm> AddWebAlarms(AppMonitoring monitoring, DjangoEcs app)
    {
        var min = monitoring.MinimumRequests;
        var guards = new List<Alarm?>
        {
            monitoring.Add(nameof(AlarmsOptions.LoadBalancer5xxPercent), "", (_, period) => Rate(LoadBalancerMetric(app, "HTTPCode_ELB_5XX_Count", period), LoadBalancerMetric(app, "RequestCount", period), min),
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: true,
                s => $"the load balancer answered {AppMonitoring.Number(s.Threshold)} % or more of requests with its own 5xx over {s.Minutes} minutes (no healthy web task, or tasks timing out).{LowTraffic(min)}"),
            monitoring.Add(nameof(AlarmsOptions.Target5xxPercent), "", (_, period) => Rate(TargetMetric(app, "HTTPCode_Target_5XX_Count", "Sum", period), TargetMetric(app, "RequestCount", "Sum", period), min),
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: true,
                s => $"Django answered {AppMonitoring.Number(s.Threshold)} % or more of requests with 5xx over {s.Minutes} minutes.{LowTraffic(min)}"),
        };
        foreach (var (name, statistic) in new[] { (nameof(AlarmsOptions.P95ResponseTimeSeconds), "p95"), (nameof(AlarmsOptions.P99ResponseTimeSeconds), "p99") })
        {
            monitoring.Add(name, "", (_, period) => new MathExpression(new MathExpressionProps
            {
                Expression = $"IF(FILL(requests, 0) >= {min}, latency, 0)",
                UsingMetrics = new Dictionary<string, IMetric>
                {
                    ["latency"] = TargetMetric(app, "TargetResponseTime", statistic, period),
                    ["requests"] = TargetMetric(app, "RequestCount", "Sum", period),
                },
                Period = period,
                Label = $"{statistic} response time (s)",
            }), ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: true,
                s => $"the {statistic} of Django's response time was {AppMonitoring.Number(s.Threshold)} s or more over {s.Minutes} minutes.{LowTraffic(min)}");
        }

        guards.Add(monitoring.Add(nameof(AlarmsOptions.UnhealthyTargets), "", (_, period) => TargetMetric(app, "UnHealthyHostCount", "Maximum", period),
            ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: false,
            s => $"{AppMonitoring.Number(s.Threshold)} or more web tasks failed the load balancer's health check for {s.Minutes} minutes."));
        monitoring.Add(nameof(AlarmsOptions.WebTasksBelowDesired), "", (_, period) => new MathExpression(new MathExpressionProps
        {
            Expression = "FILL(desired, 0) - FILL(running, 0)",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["desired"] = ServiceMetric(app.Cluster, app.WebService, "DesiredTaskCount", "Average", period),
                ["running"] = ServiceMetric(app.Cluster, app.WebService, "RunningTaskCount", "Average", period),
            },
            Period = period,
            Label = "web tasks missing",
        }), ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: false,
            s => $"{AppMonitoring.Number(s.Threshold)} or more web tasks below the desired count for {s.Minutes} minutes (tasks crashing or unable to start).");
        return guards.OfType<Alarm>().ToList();
    }

    /// <summary>
    /// A worker with fewer running tasks than the threshold, missing data counted as none; for a worker that scales to
    /// zero, messages waiting while none of its tasks runs.
    /// </summary>
    private static void AddWorkerAlarm(AppMonitoring monitoring, ICluster cluster, EcsWorker worker)
    {
        var (settings, service) = worker;
        if (settings.QueueScaling is { ToZero: true })
        {
            monitoring.Add(nameof(AlarmsOptions.WorkerWithoutTasks), settings.ServiceId, (s, period) => new MathExpression(new MathExpressionProps
            {
                Expression = $"IF(FILL(running, 0) < {AppMonitoring.Number(s.Threshold)} AND FILL(backlog, 0) > 0, 1, 0)",
                UsingMetrics = new Dictionary<string, IMetric>
                {
                    ["running"] = ServiceMetric(cluster, service, "RunningTaskCount", "Maximum", period),
                    ["backlog"] = QueueDepthMetrics.BacklogPerTask(cluster, service, period),
                },
                Period = period,
                Label = $"{settings.Name}: messages waiting with no task",
            }), ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: false,
                s => $"worker '{settings.Name}' (scales to zero) had messages waiting in {string.Join(", ", settings.Queues)} and fewer than {AppMonitoring.Number(s.Threshold)} running tasks for {s.Minutes} minutes.");
            return;
        }

        monitoring.Add(nameof(AlarmsOptions.WorkerWithoutTasks), settings.ServiceId, (_, period) => ServiceMetric(cluster, service, "RunningTaskCount", "Maximum", period),
            ComparisonOperator.LESS_THAN_THRESHOLD, TreatMissingData.BREACHING, windowed: false,
            s => $"worker '{settings.Name}' ran fewer than {AppMonitoring.Number(s.Threshold)} tasks for {s.Minutes} minutes: nothing drains {string.Join(", ", settings.Queues)}.");
    }

    /// <summary>Requests, errors and latency; tasks, queues and CPU; database and cache; then the alarms.</summary>
    private static void AddDashboard(AppMonitoring monitoring, EcsMonitored watched)
    {
        if (monitoring.Dashboard is null) return;
        var app = watched.App;
        var minute = Duration.Minutes(1);
        monitoring.AddRow(
            Graph("Requests and errors", [
                LoadBalancerMetric(app, "RequestCount", minute).With(new MetricOptions { Label = "requests" }),
                TargetMetric(app, "HTTPCode_Target_5XX_Count", "Sum", minute).With(new MetricOptions { Label = "Django 5xx" }),
                TargetMetric(app, "HTTPCode_Target_4XX_Count", "Sum", minute).With(new MetricOptions { Label = "Django 4xx" }),
                LoadBalancerMetric(app, "HTTPCode_ELB_5XX_Count", minute).With(new MetricOptions { Label = "load balancer 5xx" }),
            ]),
            Graph("Response time (s)", new[] { "p50", "p95", "p99" }.Select(p => (IMetric)TargetMetric(app, "TargetResponseTime", p, minute).With(new MetricOptions { Label = p })).ToArray()),
            Graph("Web targets", [
                TargetMetric(app, "HealthyHostCount", "Minimum", minute).With(new MetricOptions { Label = "healthy" }),
                TargetMetric(app, "UnHealthyHostCount", "Maximum", minute).With(new MetricOptions { Label = "unhealthy" }),
            ]));
        var services = app.Services.Select(s => (Service: s, Label: ServiceLabel(app, s, watched.Workers))).ToList();
        List<string> queues = watched.Publisher is null ? [] : watched.Workers.SelectMany(w => w.Settings.Queues).Distinct(StringComparer.Ordinal).ToList();
        monitoring.AddRow(
            Graph("Running tasks", services.Select(s => (IMetric)ServiceMetric(app.Cluster, s.Service, "RunningTaskCount", "Maximum", minute).With(new MetricOptions { Label = s.Label })).ToArray()),
            Graph("CPU (%)", services.Select(s => (IMetric)s.Service.MetricCpuUtilization(new MetricOptions { Period = minute, Label = s.Label })).ToArray()),
            Graph("Celery queue depth", queues.Select(q => (IMetric)QueueDepthMetrics.QueueDepth(app.Cluster, q, minute).With(new MetricOptions { Label = q })).ToArray()));
        DataStoreMonitoring.AddRow(monitoring, app.Database, watched.Cache);
    }

    private static IWidget Graph(string title, IMetric[] metrics) => AppMonitoring.Graph(title, metrics);

    private static string ServiceLabel(DjangoEcs app, FargateService service, IReadOnlyList<EcsWorker> workers) =>
        service == app.WebService ? "web" : service == app.BeatService ? "beat"
        : workers.FirstOrDefault(w => w.Service == service)?.Settings.Name ?? "worker";

    /// <summary>100 × errors / requests when the window has at least <paramref name="minimum"/> requests, else 0. ELB publishes no 5xx datapoint for a minute without one.</summary>
    private static MathExpression Rate(Metric errors, Metric requests, int minimum) => new(new MathExpressionProps
    {
        Expression = $"IF(FILL(requests, 0) >= {minimum}, 100 * FILL(errors, 0) / FILL(requests, 1), 0)",
        UsingMetrics = new Dictionary<string, IMetric> { ["errors"] = errors, ["requests"] = requests },
        Period = requests.Period,
        Label = "5xx (% of requests)",
    });

    private static string LowTraffic(int minimum) => $" Windows with fewer than {minimum} requests are not judged.";

    private static Metric LoadBalancerMetric(DjangoEcs app, string name, Duration period) => new(new MetricProps
    {
        Namespace = Alb,
        MetricName = name,
        DimensionsMap = new Dictionary<string, string> { ["LoadBalancer"] = app.LoadBalancer.LoadBalancerFullName },
        Statistic = "Sum",
        Period = period,
    });

    // Built by hand rather than with WebTargetGroup.Metrics, which needs the target group attached to a listener
    // first; DjangoVue attaches it only after DjangoEcs is built.
    private static Metric TargetMetric(DjangoEcs app, string name, string statistic, Duration period) => new(new MetricProps
    {
        Namespace = Alb,
        MetricName = name,
        DimensionsMap = new Dictionary<string, string>
        {
            ["LoadBalancer"] = app.LoadBalancer.LoadBalancerFullName,
            ["TargetGroup"] = app.WebTargetGroup.TargetGroupFullName,
        },
        Statistic = statistic,
        Period = period,
    });

    /// <summary>A Container Insights metric of one service (the cluster has Container Insights on).</summary>
    private static Metric ServiceMetric(ICluster cluster, IBaseService service, string name, string statistic, Duration period) => new(new MetricProps
    {
        Namespace = ContainerInsights,
        MetricName = name,
        DimensionsMap = new Dictionary<string, string> { ["ClusterName"] = cluster.ClusterName, ["ServiceName"] = service.ServiceName },
        Statistic = statistic,
        Period = period,
    });

}
