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
internal sealed class QueueDepthPublisher : Construct
{
    internal const string FunctionId = "Function";
    internal const string SecurityGroupId = "SecurityGroup";
    internal const string ScheduleId = "Schedule";

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
                ["WORKERS"] = stack.ToJsonString(workers.Select(w => new Dictionary<string, object>
                {
                    ["service"] = w.Service.ServiceName,
                    ["queues"] = w.Settings.Queues,
                }).ToArray()),
                ["METRIC_NAMESPACE"] = Defaults.QueueDepthNamespace,
            },
        });
        cache.AuthToken.GrantRead(Function);
        Function.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["ecs:DescribeServices"],
            Resources = workers.Select(w => w.Service.ServiceArn).ToArray(),
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
            new NagSuppression("AwsSolutions-IAM5", "cloudwatch:PutMetricData accepts no resource but '*'; the statement is limited by the cloudwatch:namespace condition to the DjangoCdk/Celery namespace.",
                "Resource::*"));
    }

    /// <summary>The publishing function.</summary>
    public Function Function { get; }

    /// <summary>The function's security group, which the cache admits.</summary>
    public SecurityGroup SecurityGroup { get; }
}
