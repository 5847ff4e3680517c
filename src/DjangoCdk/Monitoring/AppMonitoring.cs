using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// The alarms of a Django app, the SNS topic they notify (on ALARM and on OK), and its CloudWatch dashboard.
/// <see cref="DjangoEcs"/>, <see cref="DjangoEks"/> and <see cref="DockerEc2"/> create it from their
/// <c>Monitoring</c> prop and add the alarms that apply to what they built; reach it as their <c>Monitoring</c>
/// property to subscribe more endpoints, add widgets or alarms.
/// </summary>
public sealed class AppMonitoring : Construct
{
    /// <summary>Construct IDs: an alarm's ID is its prop name in <see cref="AlarmsOptions"/> (and the worker's service ID for per-worker alarms).</summary>
    internal static class Ids
    {
        public const string Topic = "AlarmTopic";
        public const string TopicKey = "AlarmTopicKey";
        public const string Dashboard = "Dashboard";
        public const string EmailPrefix = "Email";
    }

    private readonly MonitoringSettings settings;
    private readonly string appLabel;
    private readonly Dictionary<string, Alarm> alarms = new(StringComparer.Ordinal);

    internal AppMonitoring(Construct scope, string id, MonitoringSettings settings, string appLabel) : base(scope, id)
    {
        this.settings = settings;
        this.appLabel = appLabel;
        (AlarmTopic, AlarmTopicKey) = settings.Topic is { } topic ? (topic, null) : CreateTopic();
        for (var i = 0; i < settings.Emails.Count; i++)
            AlarmTopic.AddSubscription(new EmailSubscription(settings.Emails[i]));
        Dashboard = settings.Dashboard ? new Dashboard(this, Ids.Dashboard, new DashboardProps
        {
            // Dashboards are global to the account: the region keeps two deployments of one stack apart.
            DashboardName = Fn.Join("-", [DashboardNamePrefix(scope), Aws.REGION]),
            DefaultInterval = Duration.Hours(3),
        }) : null;
    }

    /// <summary>The topic every alarm notifies when it goes into ALARM and back to OK.</summary>
    public ITopic AlarmTopic { get; }

    /// <summary>The KMS key that encrypts <see cref="AlarmTopic"/>, when the construct created the topic.</summary>
    public Key? AlarmTopicKey { get; }

    /// <summary>The alarms, by construct ID: the prop name in <see cref="AlarmsOptions"/>, followed by the worker's service ID for per-worker alarms.</summary>
    public IReadOnlyDictionary<string, Alarm> Alarms => alarms;

    /// <summary>The dashboard, unless <see cref="MonitoringOptions.Dashboard"/> is false.</summary>
    public Dashboard? Dashboard { get; }

    /// <summary>The smallest request count in a window for which the rate and latency alarms judge it.</summary>
    internal int MinimumRequests => settings.MinimumRequests;

    /// <summary>The resolved alarm named <paramref name="name"/>, or null when it is off.</summary>
    internal AlarmSetting? Setting(string name) => settings.Alarm(name);

    /// <summary>
    /// An alarm built from the setting named <paramref name="name"/>, or null when it is off. A windowed alarm judges
    /// one period as long as its window (rates and counts: 5 % of 5 minutes' requests); otherwise every minute of the
    /// window must breach (levels: 15 minutes of CPU above 80 %). <paramref name="metric"/> receives the period.
    /// </summary>
    internal Alarm? Add(string name, string idSuffix, Func<AlarmSetting, Duration, IMetric> metric, ComparisonOperator comparison,
        TreatMissingData missing, bool windowed, Func<AlarmSetting, string> describe)
    {
        if (settings.Alarm(name) is not { } setting) return null;
        var period = windowed ? Duration.Minutes(setting.Minutes) : Duration.Minutes(1);
        var evaluations = windowed ? 1 : setting.Minutes;
        var alarm = new Alarm(this, name + idSuffix, new AlarmProps
        {
            Metric = metric(setting, period),
            Threshold = setting.Threshold,
            ComparisonOperator = comparison,
            EvaluationPeriods = evaluations,
            DatapointsToAlarm = evaluations,
            TreatMissingData = missing,
            AlarmDescription = $"{appLabel}: {describe(setting)}",
        });
        var action = new SnsAction(AlarmTopic);
        alarm.AddAlarmAction(action);
        alarm.AddOkAction(action);
        alarms[name + idSuffix] = alarm;
        return alarm;
    }

    /// <summary>
    /// CloudFront's 5xx rate alarm and a dashboard row of the distribution. CloudFront publishes its metrics in
    /// us-east-1 only and an alarm can only watch its own region's metrics, so the alarm exists only in a stack deployed
    /// in us-east-1. The dashboard, which can show any region, always has the row.
    /// </summary>
    internal void AddCloudFront(Amazon.CDK.AWS.CloudFront.IDistribution distribution)
    {
        const string cloudFrontRegion = "us-east-1";
        Metric Metric(string name, string statistic, Duration period, string? region = null) => new(new MetricProps
        {
            Namespace = "AWS/CloudFront",
            MetricName = name,
            DimensionsMap = new Dictionary<string, string> { ["DistributionId"] = distribution.DistributionId, ["Region"] = "Global" },
            Statistic = statistic,
            Period = period,
            Region = region,
        });

        // The apps that monitor CloudFront (DjangoVue's Django) require a concrete region.
        if (Stack.Of(this).Region == cloudFrontRegion)
        {
            Add(nameof(AlarmsOptions.CloudFront5xxPercent), "", (_, period) => Metric("5xxErrorRate", "Average", period),
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: true,
                s => $"CloudFront answered {Number(s.Threshold)} % or more of requests with 5xx over {s.Minutes} minutes.");
        }

        var minute = Duration.Minutes(1);
        AddRow(
            new GraphWidget(new GraphWidgetProps
            {
                Title = "CloudFront requests",
                Left = [Metric("Requests", "Sum", minute, cloudFrontRegion)],
                Width = 12,
                Height = 6,
            }),
            new GraphWidget(new GraphWidgetProps
            {
                Title = "CloudFront error rates (%)",
                Left = [Metric("5xxErrorRate", "Average", minute, cloudFrontRegion).With(new MetricOptions { Label = "5xx" }),
                    Metric("4xxErrorRate", "Average", minute, cloudFrontRegion).With(new MetricOptions { Label = "4xx" })],
                Width = 12,
                Height = 6,
            }));
    }

    /// <summary>Adds a row of widgets to the dashboard, if there is one.</summary>
    internal void AddRow(params IWidget[] widgets)
    {
        if (widgets.Length > 0) Dashboard?.AddWidgets(widgets);
    }

    /// <summary>The last row: the state of every alarm created so far.</summary>
    internal void AddAlarmStatusRow()
    {
        if (Dashboard is null || alarms.Count == 0) return;
        Dashboard.AddWidgets(new AlarmStatusWidget(new AlarmStatusWidgetProps
        {
            Title = "Alarms",
            Alarms = alarms.Values.ToArray<IAlarm>(),
            Width = 24,
            Height = Math.Max(2, (alarms.Count + 3) / 4 + 1),
        }));
    }

    /// <summary>A graph a third of the dashboard wide.</summary>
    internal static IWidget Graph(string title, IMetric[] metrics) => new GraphWidget(new GraphWidgetProps
    {
        Title = title,
        Left = metrics,
        Width = 8,
        Height = 6,
    });

    /// <summary>"12.5", "5": thresholds in alarm descriptions.</summary>
    internal static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// A topic encrypted with its own key (SNS cannot let CloudWatch use the AWS-managed key), refusing requests that
    /// do not use TLS, and publishable by CloudWatch alarms of this account only.
    /// </summary>
    private (ITopic Topic, Key Key) CreateTopic()
    {
        var key = new Key(this, Ids.TopicKey, new KeyProps
        {
            EnableKeyRotation = true,
            Description = "Encrypts the Django app's alarm notifications",
            // It protects notifications in flight, no data at rest: deleted with the stack (after KMS's shortest
            // waiting period) rather than kept at 1 USD a month, as the CDK's default would.
            RemovalPolicy = RemovalPolicy.DESTROY,
            PendingWindow = Duration.Days(7),
        });
        // CloudWatch encrypts the message it publishes with the topic's key (SNS Developer Guide, "Configuring AWS KMS
        // permissions": the key policy of a topic that CloudWatch alarms publish to).
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Principals = [new ServicePrincipal("cloudwatch.amazonaws.com")],
            Actions = ["kms:Decrypt", "kms:GenerateDataKey*"],
            Resources = ["*"],
            Conditions = SourceAccount(),
        }));
        var topic = new Topic(this, Ids.Topic, new TopicProps
        {
            DisplayName = "Django alarms",
            MasterKey = key,
            EnforceSSL = true,
        });
        topic.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "CloudWatchAlarmsOfThisAccount",
            Principals = [new ServicePrincipal("cloudwatch.amazonaws.com")],
            Actions = ["sns:Publish"],
            Resources = [topic.TopicArn],
            Conditions = SourceAccount(),
        }));
        return (topic, key);
    }

    private Dictionary<string, object> SourceAccount() =>
        new() { ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Stack.Of(this).Account } };

    /// <summary>The stack's name and the app's path below it, in the characters dashboard names allow.</summary>
    private static string DashboardNamePrefix(Construct app)
    {
        var stack = Stack.Of(app);
        var path = string.Concat(app.Node.Scopes.SkipWhile(s => s != stack).Skip(1).Select(s => s.Node.Id));
        var name = new string($"{stack.StackName}-{path}".Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());
        return name.Length > 200 ? name[..200] : name;
    }
}
