using System.Text;

namespace DjangoCdk;

/// <summary>
/// What DjangoEcs and DjangoEks add to their stack, estimated from their settings in plain C#: the constants of the
/// estimate, in one place. They were measured on Amazon.CDK.Lib 2.160.0 (bytes are those of the template file the
/// CDK writes and uploads, indented) and are pinned by tests that synthesize real stacks
/// (<c>StackFootprintTests</c>): resources exactly, bytes from above within a few percent. When a construct changes
/// what it builds, those tests fail and these numbers are measured again.
/// </summary>
internal static class StackFootprints
{
    /// <summary>DjangoEcs (bytes rounded up a little from the measurement, so the estimate stays an upper bound).</summary>
    internal static class Ecs
    {
        /// <summary>Network (2 AZs, one NAT gateway), buckets, data stores, cluster, load balancer, web service, the release machinery.</summary>
        public static readonly StackSize Base = new(101, 110_400);

        /// <summary>
        /// What the feature flags of a new CDK project add (the repository's cdk.json, which django-cdk uses and
        /// <c>cdk init</c> writes): the default security group's restriction (a custom resource, its provider's role
        /// and function, their log group) and the access-log bucket's policy, with construct-path and asset metadata.
        /// Counted always, so an app without the flags is estimated a little high.
        /// </summary>
        public static readonly StackSize ProjectFlags = new(5, 15_200);

        /// <summary>Task definition, service, scalable target, CPU scaling policy; bytes for a worker with an empty name and queue list.</summary>
        public static readonly StackSize Worker = new(4, 8_040);

        /// <summary>One release step (a custom resource); bytes for an empty command.</summary>
        public static readonly StackSize ReleaseCommand = new(1, 2_973);

        public static readonly StackSize Beat = new(2, 6_100);
        public static readonly StackSize Domain = new(3, 2_000);
        public static readonly StackSize Exec = new(2, 4_900);
        public const long ExecBytesPerService = 40;
        public const long SpotBytes = 200;
        public static readonly StackSize NatInstance = new(3, 4_600);

        /// <summary>Each Availability Zone beyond the first: three subnets, their route tables, associations and routes.</summary>
        public static readonly StackSize ExtraZone = new(11, 5_900);

        /// <summary>Each NAT gateway beyond the first (NatStrategy.GatewayPerAz): an Elastic IP and the gateway.</summary>
        public static readonly StackSize ExtraNatGateway = new(2, 1_100);

        /// <summary>A composed value an alias asks for (DATABASE_URL, REDIS_URL): a secret.</summary>
        public static readonly StackSize ComposedSecret = new(1, 2_000);

        /// <summary>A user variable in one container's environment, beyond its name and value.</summary>
        public const long VariableBytes = 64;

        /// <summary>A user secret in one container's secrets, beyond its name; and once, in the execution role's policy.</summary>
        public const long SecretBytesPerContainer = 200;
        public const long SecretPolicyBytes = 300;

        /// <summary>The worker's name appears in construct IDs, references, the container and its log stream.</summary>
        public const long NameBytesPerChar = 24;

        /// <summary>The queue-depth publisher, when a worker scales on its queues: function, role, policy, log group, security group, the cache's ingress rule, schedule, permission.</summary>
        public static readonly StackSize QueueDepthPublisher = new(8, 16_200);

        /// <summary>Per worker that scales on its queues: the target-tracking policy, and its part of the publisher's environment and policy.</summary>
        public static readonly StackSize QueueScaling = new(1, 1_700);

        /// <summary>Per worker that scales to zero: the step policy and the alarm that starts it.</summary>
        public static readonly StackSize ScaleToZero = new(2, 3_450);

        /// <summary>
        /// Monitoring with every alarm on and no dashboard, beside the per-worker alarms: the topic, its key and policy,
        /// and 14 alarms (6 web, 4 database, 2 cache, the release's and the publisher's).
        /// </summary>
        public static readonly StackSize Monitoring = new(17, 26_100);

        /// <summary>What a topic of the user's saves (the topic, its key and its policy), at least.</summary>
        public static readonly StackSize MonitoringTopic = new(3, 2_000);

        /// <summary>What one alarm turned off (or not applicable) saves, at least.</summary>
        public static readonly StackSize Alarm = new(1, 900);

        /// <summary>A worker's alarm.</summary>
        public static readonly StackSize WorkerAlarm = new(1, 1_250);

        /// <summary>The dashboard, and what each worker's lines add to its body.</summary>
        public static readonly StackSize Dashboard = new(1, 10_600);
        public const long DashboardBytesPerWorker = 1_000;

        /// <summary>An email subscription, beyond the address.</summary>
        public static readonly StackSize EmailSubscription = new(1, 400);
    }

    /// <summary>
    /// What DjangoVue adds beside its DjangoEcs: the StaticSite (bucket, distribution, functions, DNS records,
    /// certificate) and the load balancer's CloudFront lock.
    /// </summary>
    internal static class Vue
    {
        /// <summary>Also counts CloudFront's alarm and dashboard row, which exist with Django's monitoring.</summary>
        public static readonly StackSize Site = new(22, 34_000);
    }

    /// <summary>DjangoEks.</summary>
    internal static class Eks
    {
        /// <summary>Network, buckets, data stores, cluster, node group, add-ons, namespace, secrets sync, web, ingress, release machinery.</summary>
        public static readonly StackSize Base = new(127, 215_130);

        /// <summary>As <see cref="Ecs.ProjectFlags"/>, for DjangoEks's stack.</summary>
        public static readonly StackSize ProjectFlags = new(5, 17_500);

        /// <summary>One Kubernetes manifest (Deployment, HorizontalPodAutoscaler, PodDisruptionBudget); bytes for an empty name and queue list.</summary>
        public static readonly StackSize Worker = new(1, 9_302);

        /// <summary>One release Job in a custom resource; bytes for an empty command.</summary>
        public static readonly StackSize ReleaseCommand = new(1, 6_676);

        public static readonly StackSize Beat = new(1, 8_500);
        public static readonly StackSize AdminRole = new(1, 1_300);
        public static readonly StackSize NatInstance = new(3, 5_300);
        public static readonly StackSize ExtraZone = new(11, 7_000);
        public static readonly StackSize ExtraNatGateway = new(2, 1_100);
        public static readonly StackSize ComposedSecret = new(1, 2_400);

        /// <summary>A user variable in one pod's environment (inside a JSON string), beyond its name and value.</summary>
        public const long VariableBytes = 40;

        /// <summary>A user secret in one pod's environment (a secretKeyRef), beyond its name; and once, in the ExternalSecret.</summary>
        public const long SecretBytesPerPod = 100;
        public const long SecretSyncBytes = 300;

        public const long NameBytesPerChar = 24;

        /// <summary>
        /// Monitoring with every alarm that applies on and no dashboard: the topic, its key and policy, and 7 alarms (the
        /// release's, 4 database, 2 cache).
        /// </summary>
        public static readonly StackSize Monitoring = new(10, 12_000);

        /// <summary>What a topic of the user's saves (the topic, its key and its policy), at least.</summary>
        public static readonly StackSize MonitoringTopic = new(3, 2_900);

        /// <summary>What one alarm turned off (or not applicable) saves, at least.</summary>
        public static readonly StackSize Alarm = new(1, 900);

        /// <summary>The dashboard: the data stores' row and the alarms' states.</summary>
        public static readonly StackSize Dashboard = new(1, 4_200);

        /// <summary>An email subscription, beyond the address.</summary>
        public static readonly StackSize EmailSubscription = new(1, 440);
    }

    /// <summary>What a command costs beyond the fixed part of its step: each character twice (the command and the step's name), 8 per word.</summary>
    private const long CommandBytesPerChar = 2;
    private const long CommandBytesPerWord = 8;

    /// <summary>A token's value once resolved (a Ref, a GetAtt or a join): a generous length.</summary>
    private const long TokenBytes = 200;

    /// <summary>DjangoEcs's estimate.</summary>
    public static StackEstimate ForEcs(DjangoEcsSettings settings)
    {
        var app = settings.App;
        var env = ContainerBytes(app, settings.Secrets.Keys, Ecs.VariableBytes, Ecs.SecretBytesPerContainer, 1, settings.Domain?.Name);
        var rest = Ecs.Base + Ecs.ProjectFlags + Network(app, Ecs.NatInstance, Ecs.ExtraZone, Ecs.ExtraNatGateway)
            + Ecs.ComposedSecret.Times(ComposedSecrets(app))
            + new StackSize(0, env + settings.Secrets.Count * Ecs.SecretPolicyBytes);
        var services = 1 + (app.UseCeleryBeat ? 1 : 0);
        if (app.UseCeleryBeat) rest += Ecs.Beat + new StackSize(0, env + (settings.App.Monitoring is { Dashboard: true } ? Ecs.DashboardBytesPerWorker : 0));
        if (settings.Domain is { } domain) rest += Ecs.Domain + new StackSize(0, domain.AlternativeNames.Sum(n => (long)n.Length) * 2);
        if (settings.UseEcsExec) rest += Ecs.Exec + new StackSize(0, services * Ecs.ExecBytesPerService);

        var monitoring = settings.App.Monitoring;
        var publisher = app.Workers.Any(w => w.QueueScaling is not null);
        if (publisher) rest += Ecs.QueueDepthPublisher;
        if (monitoring is not null) rest += EcsMonitoring(monitoring, publisher, app.Release.Commands.Count > 0);
        var workerAlarm = monitoring?.Alarm(nameof(AlarmsOptions.WorkerWithoutTasks)) is not null;

        var workers = app.Workers.Select(w => Ecs.Worker + new StackSize(0,
            Ecs.NameBytesPerChar * w.Name.Length + Chars(w.Queues) + env + (w.Concurrency is null ? 0 : 32)
            + (w.UseSpot ? Ecs.SpotBytes : 0) + (settings.UseEcsExec ? Ecs.ExecBytesPerService : 0))
            + (w.QueueScaling is null ? default : Ecs.QueueScaling + new StackSize(0, 2 * Chars(w.Queues)))
            + (w.QueueScaling is { ToZero: true } ? Ecs.ScaleToZero : default)
            + (workerAlarm ? Ecs.WorkerAlarm + new StackSize(0, Chars(w.Queues)) : default)
            + (monitoring is { Dashboard: true } ? new StackSize(0, Ecs.DashboardBytesPerWorker + Chars(w.Queues)) : default)).ToList();
        var release = app.Release.Commands.Select(c => Ecs.ReleaseCommand + new StackSize(0, CommandBytes(c))).ToList();
        return new StackEstimate(rest, workers, release);
    }

    /// <summary>The topic, the alarms beside the workers' and the dashboard: every alarm on, less what is off or does not apply.</summary>
    private static StackSize EcsMonitoring(MonitoringSettings monitoring, bool publisher, bool release)
    {
        var perWorker = new[] { nameof(AlarmsOptions.WorkerWithoutTasks), nameof(AlarmsOptions.CloudFront5xxPercent) };
        var missing = monitoring.Alarms.Values.Count(a => !a.Enabled && !perWorker.Contains(a.Name))
            + (publisher || monitoring.Alarm(nameof(AlarmsOptions.QueueDepthPublisherErrors)) is null ? 0 : 1)
            + (release || monitoring.Alarm(nameof(AlarmsOptions.ReleaseFailures)) is null ? 0 : 1);
        var size = Ecs.Monitoring - Ecs.Alarm.Times(missing);
        if (monitoring.Topic is not null) size -= Ecs.MonitoringTopic;
        if (monitoring.Dashboard) size += Ecs.Dashboard;
        return size + Ecs.EmailSubscription.Times(monitoring.Emails.Count) + new StackSize(0, Chars(monitoring.Emails));
    }

    /// <summary>DjangoEks's estimate: every pod (web, workers, beat, release Jobs) carries the environment.</summary>
    public static StackEstimate ForEks(DjangoEksSettings settings)
    {
        var app = settings.App;
        var env = ContainerBytes(app, settings.Secrets.Keys, Eks.VariableBytes, Eks.SecretBytesPerPod, 2, settings.Domain.Name);
        var rest = Eks.Base + Eks.ProjectFlags + Network(app, Eks.NatInstance, Eks.ExtraZone, Eks.ExtraNatGateway)
            + Eks.ComposedSecret.Times(ComposedSecrets(app))
            + Eks.AdminRole.Times(settings.AdminRoleArns.Length) + new StackSize(0, Chars(settings.AdminRoleArns))
            + new StackSize(0, env + settings.Secrets.Count * Eks.SecretSyncBytes);
        if (app.UseCeleryBeat) rest += Eks.Beat + new StackSize(0, env);
        if (app.Monitoring is { } monitoring) rest += EksMonitoring(monitoring, app.Release.Commands.Count > 0);

        var workers = app.Workers.Select(w => Eks.Worker + new StackSize(0,
            Eks.NameBytesPerChar * w.Name.Length + Chars(w.Queues) + env + (w.Concurrency is null ? 0 : 32))).ToList();
        var release = app.Release.Commands.Select(c => Eks.ReleaseCommand + new StackSize(0, CommandBytes(c) + env)).ToList();
        return new StackEstimate(rest, workers, release);
    }

    /// <summary>The topic, the release, database and cache alarms and the dashboard: every alarm on, less what is off or does not apply.</summary>
    private static StackSize EksMonitoring(MonitoringSettings monitoring, bool release)
    {
        var missing = monitoring.Alarms.Keys.Count(name => MonitoringSettings.ScopeOf(name) == AlarmScope.DataStores && monitoring.Alarm(name) is null)
            + (release || monitoring.Alarm(nameof(AlarmsOptions.ReleaseFailures)) is null ? 0 : 1);
        var size = Eks.Monitoring - Eks.Alarm.Times(missing);
        if (monitoring.Topic is not null) size -= Eks.MonitoringTopic;
        if (monitoring.Dashboard) size += Eks.Dashboard;
        return size + Eks.EmailSubscription.Times(monitoring.Emails.Count) + new StackSize(0, Chars(monitoring.Emails));
    }

    /// <summary>The network beyond the default (2 AZs, one NAT gateway); a VPC of the user's is counted as the default, an upper bound.</summary>
    private static StackSize Network(DjangoAppSettings app, StackSize natInstance, StackSize extraZone, StackSize extraGateway)
    {
        if (app.Vpc is not null) return default;
        var zones = app.NewVpc.AvailabilityZones?.Length ?? Defaults.MaxAzs;
        var size = extraZone.Times(Math.Max(0, zones - Defaults.MaxAzs));
        return app.NewVpc.Nat switch
        {
            NatStrategy.Instance => size + natInstance,
            NatStrategy.GatewayPerAz => size + extraGateway.Times(zones - 1),
            _ => size,
        };
    }

    private static int ComposedSecrets(DjangoAppSettings app) =>
        app.Environment.Aliases.Values.Distinct(StringComparer.Ordinal).Count(v => v is ComposedValues.DatabaseUrl or ComposedValues.RedisUrl);

    /// <summary>
    /// What one container (or pod) carries beyond the measured contract: the user's variables and secrets (names count
    /// <paramref name="charBytes"/> each, escaped inside a manifest string), and the contract values the user's names
    /// lengthen (ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS, FRONTEND_URL, the asset domains), counted three times.
    /// </summary>
    private static long ContainerBytes(DjangoAppSettings app, IEnumerable<string> secretNames, long perVariable, long perSecret, int charBytes, string? domain)
    {
        var env = app.Environment;
        string[] names = [.. env.ExtraAllowedHosts, .. env.ExtraCsrfTrustedOrigins, env.FrontendUrl, env.AssetsDomain, env.MediaDomain, domain ?? ""];
        return env.Variables.Sum(v => perVariable + Bytes(v.Key) + Value(v.Value))
            + secretNames.Sum(name => perSecret + charBytes * Bytes(name))
            + ContractCopies * names.Sum(Value);
    }

    /// <summary>How often a name the user gives appears in one container's contract values, at most (ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS, ...).</summary>
    private const long ContractCopies = 3;

    private static long Value(string value) => Tokens.IsUnresolved(value) ? TokenBytes : Bytes(value);

    private static long CommandBytes(string[] command) => command.Sum(word => CommandBytesPerWord + CommandBytesPerChar * Bytes(word));

    private static long Chars(IEnumerable<string> words) => words.Sum(w => (long)Bytes(w));

    private static int Bytes(string text) => Encoding.UTF8.GetByteCount(text);
}
