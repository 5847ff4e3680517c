using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace DjangoCdk;

/// <summary>What a <see cref="DockerEc2"/> built that its alarms and dashboard watch.</summary>
internal sealed record MonitoredInstance(Instance_ Instance, BurstableCredits? Credits, bool Recoverable);

/// <summary>
/// The alarms and dashboard of a <see cref="DockerEc2"/>, on its <see cref="AppMonitoring"/>: the one host runs Django,
/// Celery, PostgreSQL and Redis, so the host is what there is to watch. EC2 status checks come every minute (free,
/// whatever the monitoring level); CPU, credits, network and EBS every 5 minutes (basic monitoring, which DockerEc2
/// keeps), so those alarms judge windows of whole 5-minute datapoints (the settings refuse other windows); memory and
/// disk use every minute from the CloudWatch agent on the host (<see cref="HostMetrics"/>).
/// </summary>
internal static class HostMonitoring
{
    private const string Ec2 = "AWS/EC2";

    public static AppMonitoring Create(Construct scope, string id, MonitoringSettings settings, MonitoredInstance watched)
    {
        var monitoring = new AppMonitoring(scope, id, settings, scope.Node.Path);
        var instance = watched.Instance;

        // The system status check fails when AWS's side breaks (host hardware, power, network). The alarm's EC2 recover
        // action (arn:<partition>:automate:<region>:ec2:recover, no IAM role needed) moves the instance to healthy
        // hardware as a reboot that keeps its ID, private IP, Elastic IP, metadata and EBS volumes (the data volume
        // included); what was in memory is lost, and the boot starts the compose stack again. EC2 User Guide,
        // "Configure CloudWatch action based recovery" and "Automatic instance recovery": it works on the
        // StatusCheckFailed_System metric only, on a running instance in a VPC with default or dedicated tenancy and
        // EBS storage only; an instance with instance store volumes cannot be recovered (the attempt fails and AWS
        // Health reports AWS_EC2_INSTANCE_AUTO_RECOVERY_FAILURE), and EC2 tries at most three times a day. DockerEc2's
        // default t4g.small (and the t, m, c, r families without local disks) are of the supported types
        // (DescribeInstanceTypes' AutoRecoverySupported); for other types the alarm only notifies, and EC2's simplified
        // automatic recovery, on by default on supported types, is left to act. A stopped instance publishes no check:
        // missing data is not a failure here, so nothing tries to recover a host someone stopped.
        var system = monitoring.Add(nameof(AlarmsOptions.HostStatusCheckFailed), "", (_, period) => Metric(instance, "StatusCheckFailed_System", "Maximum", period),
            ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: false,
            s => $"the host failed EC2's system status check (AWS hardware, power or network) for {s.Minutes} minutes. " +
                 (watched.Recoverable
                     ? "EC2 is recovering it onto healthy hardware (same instance ID, Elastic IP and volumes; memory is lost); if the check keeps failing, stop and start the instance."
                     : "Its instance type cannot be recovered by the alarm (local instance store disks, or not a supported family): stop and start the instance."));
        if (system is not null && watched.Recoverable) system.AddAlarmAction(new Ec2Action(Ec2InstanceAction.RECOVER));

        // No reboot action: a check that keeps failing for minutes is usually memory exhausted by PostgreSQL, Redis and
        // the workers sharing a small host, a full disk or a broken boot. A reboot hides the first for a while (and
        // restarts the database under the app) and loops on the others; the owner should read the console output
        // first. Missing data counts as failed, so the alarm also says when the host is stopped, and a reboot action
        // would then act on a stopped instance. Users who want one add it: Monitoring.Alarms["HostInstanceCheckFailed"]
        // .AddAlarmAction(new Ec2Action(Ec2InstanceAction.REBOOT)).
        monitoring.Add(nameof(AlarmsOptions.HostInstanceCheckFailed), "", (_, period) => Metric(instance, "StatusCheckFailed_Instance", "Maximum", period),
            ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.BREACHING, windowed: false,
            s => $"the host failed EC2's instance status check, or published none (stopped), for {s.Minutes} minutes: its operating system does not answer (memory exhausted, kernel panic, network setup). " +
                 "Read its console output (aws ec2 get-console-output), then reboot it.");

        // A stopped host uses no CPU: the instance check above reports it.
        monitoring.Add(nameof(AlarmsOptions.HostCpuPercent), "", (_, period) => Metric(instance, "CPUUtilization", "Average", period),
            ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: true,
            s => $"the host's CPU averaged {AppMonitoring.Number(s.Threshold)} % or more over {s.Minutes} minutes (Django, Celery, PostgreSQL and Redis share it): find the busy container with 'sudo docker stats', or choose a larger InstanceType.");

        if (watched.Credits is { } credits) AddCreditAlarm(monitoring, instance, credits);
        AddAgentAlarms(monitoring, instance);
        AddDashboard(monitoring, instance, watched.Credits is not null);
        monitoring.AddAlarmStatusRow();
        return monitoring;
    }

    /// <summary>
    /// The credit balance as a percentage of what the instance can hold, judged only in windows where the host spends
    /// at least nine tenths of what it earns (otherwise 100). A new t3, t3a or t4g instance starts with no credits and
    /// earns them while it idles: the plain balance would be an alarm for hours after every new instance. The windows
    /// that count are those where the balance is low and cannot grow: a host in standard mode is then, or soon, held
    /// to its baseline; one in unlimited mode (the default of t3, t3a and t4g, which DockerEc2 keeps) pays for
    /// surplus credits. A host busy at boot (image pulls, migrations) may raise it once after a new instance.
    /// </summary>
    private static void AddCreditAlarm(AppMonitoring monitoring, Instance_ instance, BurstableCredits credits)
    {
        monitoring.Add(nameof(AlarmsOptions.HostCpuCreditBalance), "", (s, period) => new MathExpression(new MathExpressionProps
        {
            Expression = $"IF(FILL(usage, 0) >= {Number(credits.EarnedPerHour * s.Minutes / 60 * Defaults.HostCreditSpendShare)}, 100 * balance / {Number(credits.MaxBalance)}, 100)",
            UsingMetrics = new Dictionary<string, IMetric>
            {
                ["usage"] = Metric(instance, "CPUCreditUsage", "Sum", period),
                ["balance"] = Metric(instance, "CPUCreditBalance", "Minimum", period),
            },
            Period = period,
            Label = "CPU credit balance (% of the most it holds) while spending its earnings",
        }), ComparisonOperator.LESS_THAN_THRESHOLD, TreatMissingData.NOT_BREACHING, windowed: true,
            s => $"the host's CPU credit balance fell below {AppMonitoring.Number(s.Threshold)} % of the {Number(credits.MaxBalance)} it can hold while it spent nearly all it earns ({Number(credits.EarnedPerHour)} an hour) over {s.Minutes} minutes. " +
                 "Out of credits, a host in unlimited mode (the default of t3, t3a and t4g) pays for surplus credits and one in standard mode is held to its baseline: find the busy container with 'sudo docker stats', or choose a larger InstanceType.");
    }

    /// <summary>
    /// Memory and the two volumes, from the CloudWatch agent on the host (<see cref="HostMetrics"/>), every minute: a
    /// level breached in every minute of the window. No data means the agent is not publishing (or the host is
    /// stopped, which the instance check reports): INSUFFICIENT_DATA, on the dashboard, rather than a guess.
    /// </summary>
    private static void AddAgentAlarms(AppMonitoring monitoring, Instance_ instance)
    {
        monitoring.Add(nameof(AlarmsOptions.HostMemoryPercent), "", (_, period) => HostMetrics.Memory(instance, "Maximum", period),
            ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.MISSING, windowed: false,
            s => $"the host had {AppMonitoring.Number(s.Threshold)} % or more of its memory in use for {s.Minutes} minutes (PostgreSQL, Redis, gunicorn and Celery share it; past it the kernel kills a process). " +
                 "Find the largest container with 'sudo docker stats', lower the Celery concurrency or gunicorn workers, or choose a larger InstanceType.");
        monitoring.Add(nameof(AlarmsOptions.HostRootDiskPercent), "", (_, period) => HostMetrics.Disk(instance, "/", "Maximum", period),
            ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.MISSING, windowed: false,
            s => $"the host's root volume was {AppMonitoring.Number(s.Threshold)} % full or more for {s.Minutes} minutes (the system, Docker's images, the containers' local logs); full, image pulls and container starts fail. " +
                 "See 'sudo docker system df', remove unused images with 'sudo docker image prune -a', or raise RootVolumeGiB.");
        monitoring.Add(nameof(AlarmsOptions.HostDataDiskPercent), "", (_, period) => HostMetrics.Disk(instance, Defaults.Ec2DataDirectory, "Maximum", period),
            ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, TreatMissingData.MISSING, windowed: false,
            s => $"the data volume ({Defaults.Ec2DataDirectory}: PostgreSQL, Redis, certificates) was {AppMonitoring.Number(s.Threshold)} % full or more for {s.Minutes} minutes; full, PostgreSQL stops accepting writes. " +
                 $"Raise DataVolumeGiB (EBS grows it in place), then run 'sudo resize2fs $(findmnt -no SOURCE {Defaults.Ec2DataDirectory})' on the host.");
    }

    /// <summary>CPU, credits and network; memory and disks; status checks and EBS traffic; then the alarms.</summary>
    private static void AddDashboard(AppMonitoring monitoring, Instance_ instance, bool burstable)
    {
        if (monitoring.Dashboard is null) return;
        var basic = Duration.Minutes(Defaults.Ec2BasicMonitoringMinutes);
        IMetric Labelled(string name, string statistic, Duration period, string label) => Metric(instance, name, statistic, period).With(new MetricOptions { Label = label });
        var first = new List<IWidget> { AppMonitoring.Graph("Host CPU (%)", [Labelled("CPUUtilization", "Average", basic, "CPU %")]) };
        if (burstable)
        {
            first.Add(AppMonitoring.Graph("CPU credits", [
                Labelled("CPUCreditBalance", "Minimum", basic, "balance"),
                Labelled("CPUCreditUsage", "Sum", basic, "spent"),
                Labelled("CPUSurplusCreditBalance", "Maximum", basic, "surplus (unlimited mode)"),
            ]));
        }

        first.Add(AppMonitoring.Graph("Network (bytes)", [Labelled("NetworkIn", "Sum", basic, "in"), Labelled("NetworkOut", "Sum", basic, "out")]));
        monitoring.AddRow(first.ToArray());
        var minute = Duration.Minutes(1);
        monitoring.AddRow(
            AppMonitoring.Graph("Host memory in use (%)", [HostMetrics.Memory(instance, "Maximum", minute).With(new MetricOptions { Label = "memory %" })]),
            AppMonitoring.Graph("Volumes in use (%)", [
                HostMetrics.Disk(instance, "/", "Maximum", minute).With(new MetricOptions { Label = "root (system, images)" }),
                HostMetrics.Disk(instance, Defaults.Ec2DataDirectory, "Maximum", minute).With(new MetricOptions { Label = "data (PostgreSQL, Redis)" }),
            ]));
        monitoring.AddRow(
            AppMonitoring.Graph("Status checks (1 = failed)", [
                Labelled("StatusCheckFailed_System", "Maximum", Duration.Minutes(1), "system"),
                Labelled("StatusCheckFailed_Instance", "Maximum", Duration.Minutes(1), "instance"),
            ]),
            AppMonitoring.Graph("EBS traffic (bytes)", [Labelled("EBSReadBytes", "Sum", basic, "read"), Labelled("EBSWriteBytes", "Sum", basic, "written")]));
    }

    /// <summary>A metric of the instance (an EC2 per-instance metric, the only kind an EC2 alarm action accepts).</summary>
    private static Metric Metric(Instance_ instance, string name, string statistic, Duration period) => new(new MetricProps
    {
        Namespace = Ec2,
        MetricName = name,
        DimensionsMap = new Dictionary<string, string> { ["InstanceId"] = instance.InstanceId },
        Statistic = statistic,
        Period = period,
    });

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
