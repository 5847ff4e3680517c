using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;

namespace DjangoCdk;

/// <summary>
/// Memory and disk use of DockerEc2's host, which EC2 cannot see from outside the instance: the CloudWatch agent
/// (Amazon Linux 2023's amazon-cloudwatch-agent package, installed by the boot script) publishes them every minute
/// from the configuration cfn-init writes to <see cref="ConfigFile"/>. This type is the contract between that file,
/// the instance role's permission and the alarms that read the metrics.
/// </summary>
/// <remarks>
/// The agent's disk metrics carry the dimensions InstanceId, path and fstype (device is dropped); the file system type
/// depends on the image (xfs on Amazon Linux 2023's root, ext4 on the data volume), so the agent also publishes each
/// rolled up to InstanceId and path (<c>aggregation_dimensions</c>), which is what the alarms read. Memory carries
/// InstanceId only. Five custom metrics in all: memory, and two for each of the two volumes (CloudWatch agent
/// configuration file reference, "metrics" section: append_dimensions, aggregation_dimensions, drop_device).
/// </remarks>
internal static class HostMetrics
{
    /// <summary>Where cfn-init writes the agent's configuration; the boot script starts the agent with it.</summary>
    public const string ConfigFile = Defaults.Ec2ConfigDirectory + "/cloudwatch-agent.json";

    public const string MemoryUsedPercent = "mem_used_percent";
    public const string DiskUsedPercent = "disk_used_percent";

    /// <summary>The volumes whose use is published: the root volume and the data volume's mount point.</summary>
    public static readonly string[] Volumes = ["/", Defaults.Ec2DataDirectory];

    /// <summary>The custom metrics the agent publishes with this configuration (for the cost estimate).</summary>
    public static readonly int PublishedMetrics = 1 + 2 * Volumes.Length;

    /// <summary>The agent's configuration: every 60 seconds, to <see cref="Defaults.HostMetricsNamespace"/>.</summary>
    public static string AgentConfig() => new JsonObject
    {
        ["agent"] = new JsonObject { ["metrics_collection_interval"] = 60, ["omit_hostname"] = true },
        ["metrics"] = new JsonObject
        {
            ["namespace"] = Defaults.HostMetricsNamespace,
            // Read by the agent from the instance metadata: the instance's own ID cannot be written into its metadata.
            ["append_dimensions"] = new JsonObject { ["InstanceId"] = "${aws:InstanceId}" },
            ["aggregation_dimensions"] = new JsonArray(new JsonArray("InstanceId", "path")),
            ["metrics_collected"] = new JsonObject
            {
                ["mem"] = new JsonObject { ["measurement"] = new JsonArray(MemoryUsedPercent) },
                ["disk"] = new JsonObject
                {
                    ["measurement"] = new JsonArray(DiskUsedPercent),
                    ["resources"] = new JsonArray(Volumes.Select(v => (JsonNode)v).ToArray()),
                    ["drop_device"] = true,
                },
            },
        },
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    /// <summary>PutMetricData accepts no resource but "*"; the condition keeps the role to the host's namespace.</summary>
    public static PolicyStatement PublishStatement() => new(new PolicyStatementProps
    {
        Actions = ["cloudwatch:PutMetricData"],
        Resources = ["*"],
        Conditions = new Dictionary<string, object>
        {
            ["StringEquals"] = new Dictionary<string, object> { ["cloudwatch:namespace"] = Defaults.HostMetricsNamespace },
        },
    });

    /// <summary>The host's memory in use, in percent.</summary>
    public static Metric Memory(Instance_ instance, string statistic, Duration period) =>
        Metric(instance, MemoryUsedPercent, statistic, period, new Dictionary<string, string>());

    /// <summary>The use of the volume mounted at <paramref name="path"/>, in percent (the rolled-up series).</summary>
    public static Metric Disk(Instance_ instance, string path, string statistic, Duration period) =>
        Metric(instance, DiskUsedPercent, statistic, period, new Dictionary<string, string> { ["path"] = path });

    private static Metric Metric(Instance_ instance, string name, string statistic, Duration period, Dictionary<string, string> dimensions) =>
        new(new MetricProps
        {
            Namespace = Defaults.HostMetricsNamespace,
            MetricName = name,
            DimensionsMap = new Dictionary<string, string>(dimensions) { ["InstanceId"] = instance.InstanceId },
            Statistic = statistic,
            Period = period,
        });
}
