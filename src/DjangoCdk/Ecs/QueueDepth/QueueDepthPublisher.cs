using System.Text;
using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// A function in the app's private subnets that EventBridge runs once a minute: it reads each Celery queue's length
/// from Redis over TLS with the AUTH token (read from Secrets Manager at run time, never placed in the template or the
/// function's environment) and publishes <see cref="QueueDepthMetrics"/> for the workers' scaling, alarms and the
/// dashboard. When Redis cannot be read it publishes nothing and fails, so scaling holds still and an alarm fires.
/// </summary>
/// <remarks>
/// The function is told each worker's name and queues, not its service's name: it finds the service by the
/// <see cref="WorkerTag"/> tag this construct puts on it. Generated service names run to about 60 characters each,
/// which with many workers would overflow the 4 KB Lambda allows for a function's environment; names and queues are
/// known at synth time, so <see cref="CheckSize"/> refuses too many before anything is built.
/// </remarks>
internal sealed class QueueDepthPublisher : Construct
{
    internal const string FunctionId = "Function";
    internal const string SecurityGroupId = "SecurityGroup";
    internal const string ScheduleId = "Schedule";

    /// <summary>The tag on each worker service that names its worker (the handler's WORKER_TAG).</summary>
    internal const string WorkerTag = "djangocdk:celery-worker";

    /// <summary>What the WORKERS variable may take of Lambda's 4 KB of environment; the other variables take well under 1 KB.</summary>
    internal const int MaxWorkersBytes = 3072;

    /// <summary>The WORKERS variable: each queue-scaled worker's name and queues, as JSON.</summary>
    internal static string WorkersJson(IEnumerable<WorkerSettings> workers) =>
        JsonSerializer.Serialize(workers.Where(w => w.QueueScaling is not null).Select(w => new { name = w.Name, queues = w.Queues }));

    /// <summary>Refuses, naming CeleryWorkers, workers whose names and queues would not fit the function's environment.</summary>
    internal static void CheckSize(string path, IReadOnlyList<WorkerSettings> workers)
    {
        var bytes = Encoding.UTF8.GetByteCount(WorkersJson(workers));
        if (bytes <= MaxWorkersBytes) return;
        var count = workers.Count(w => w.QueueScaling is not null);
        throw Errors.OutOfRange(path, nameof(IDjangoAppProps.CeleryWorkers), $"{count} workers scaling on queue depth",
            $"Their names and queues take {bytes} bytes of the queue-depth publisher's environment, above the {MaxWorkersBytes} DjangoCdk allows of Lambda's 4 KB. " +
            "Set ScaleOnQueueDepth = false on the workers that can scale on CPU, route several queues to one worker, or use shorter worker and queue names.");
    }

    public QueueDepthPublisher(Construct scope, string id, IVpc vpc, ICluster cluster, RedisCache cache, IReadOnlyList<EcsWorker> workers) : base(scope, id)
    {
        var stack = Stack.Of(this);
        SecurityGroup = new SecurityGroup(this, SecurityGroupId, new SecurityGroupProps
        {
            Vpc = vpc,
            Description = "Celery queue-depth publisher: Redis, and AWS APIs through NAT",
            AllowAllOutbound = true,
        });
        cache.AllowFrom(SecurityGroup);

        Function = new Function(this, FunctionId, new FunctionProps
        {
            Runtime = LambdaRuntime.NodeJs,
            Architecture = Architecture.ARM_64,
            Code = HandlerCode.QueueDepth.Asset(),
            Handler = "index.handler",
            Description = "Publishes the depth of each Celery queue in Redis to CloudWatch, for worker scaling",
            Timeout = Duration.Seconds(30),
            MemorySize = 128,
            Vpc = vpc,
            VpcSubnets = Network.AppSubnets,
            SecurityGroups = [SecurityGroup],
            Environment = new Dictionary<string, string>
            {
                ["REDIS_HOST"] = cache.Host,
                ["REDIS_PORT"] = Defaults.RedisPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["REDIS_AUTH_SECRET_ARN"] = cache.AuthToken.SecretArn,
                ["CLUSTER_NAME"] = cluster.ClusterName,
                ["WORKERS"] = WorkersJson(workers.Select(w => w.Settings)),
                ["METRIC_NAMESPACE"] = Defaults.QueueDepthNamespace,
            },
        });
        cache.AuthToken.GrantRead(Function);
        foreach (var worker in workers) Tags.Of(worker.Service).Add(WorkerTag, worker.Settings.Name);
        // Finding the workers' services by their tag: the cluster's service list, and the services of this cluster.
        Function.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["ecs:ListServices"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object> { ["ArnEquals"] = new Dictionary<string, object> { ["ecs:cluster"] = cluster.ClusterArn } },
        }));
        Function.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["ecs:DescribeServices"],
            Resources = [stack.FormatArn(new ArnComponents { Service = "ecs", Resource = "service", ResourceName = cluster.ClusterName + "/*", ArnFormat = ArnFormat.SLASH_RESOURCE_NAME })],
        }));
        Function.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["cloudwatch:PutMetricData"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["cloudwatch:namespace"] = Defaults.QueueDepthNamespace },
            },
        }));

        new Rule(this, ScheduleId, new RuleProps
        {
            Description = "Runs the Celery queue-depth publisher once a minute",
            Schedule = Schedule.Rate(Duration.Minutes(1)),
            // A missed minute is better than two runs at once: the next run publishes fresh numbers anyway.
            Targets = [new LambdaFunction(Function, new LambdaFunctionProps { RetryAttempts = 0, MaxEventAge = Duration.Minutes(1) })],
        });

        NagSuppressions.AddToTree(this,
            new NagSuppression("AwsSolutions-IAM4", "AWSLambdaBasicExecutionRole (logs) and AWSLambdaVPCAccessExecutionRole (the network interfaces a function in a VPC needs) are AWS's own minimal policies for a function in private subnets.",
                NagSuppressions.ManagedPolicy("service-role/AWSLambdaBasicExecutionRole"), NagSuppressions.ManagedPolicy("service-role/AWSLambdaVPCAccessExecutionRole")),
            new NagSuppression("AwsSolutions-IAM5", "cloudwatch:PutMetricData and ecs:ListServices accept no resource but '*': the first is limited by the cloudwatch:namespace condition to the DjangoCdk/Celery namespace, the second by the ecs:cluster condition to the app's cluster; the function describes the services of that one cluster to find each worker's by its tag (service names are generated at deployment).",
                "Resource::*",
                $"/^Resource::arn:{NagSuppressions.Partition}:ecs:{NagSuppressions.Region}:{NagSuppressions.Account}:service\\/<[A-Za-z0-9]+>\\/\\*$/"));
    }

    /// <summary>The publishing function.</summary>
    public Function Function { get; }

    /// <summary>The function's security group, which the cache admits.</summary>
    public SecurityGroup SecurityGroup { get; }
}
