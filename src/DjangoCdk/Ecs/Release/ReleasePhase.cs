using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.CustomResources;
using Constructs;

namespace DjangoCdk;

/// <summary>What the release phase runs, and where.</summary>
internal sealed record ReleasePhaseOptions(
    ICluster Cluster,
    TaskDefinition TaskDefinition,
    string ContainerName,
    IReadOnlyList<string[]> Commands,
    IVpc Vpc,
    SubnetSelection Subnets,
    ISecurityGroup SecurityGroup,
    ILogGroup LogGroup,
    string StreamPrefix,
    int TimeoutSeconds,
    string Trigger,
    bool Skip);

/// <summary>
/// Runs each release command (migrate, collectstatic, ...) as a one-off Fargate task with the new task definition,
/// one after the other, and makes the deployment wait: a step that exits non-zero, fails to start or times out fails
/// the deployment and CloudFormation rolls back. Services that must not roll before the release depend on
/// <see cref="Steps"/>. Steps re-run whenever the task definition (image, environment, secrets) or a command changes.
/// </summary>
internal sealed class ReleasePhase : Construct
{
    internal const string OnEventId = "OnEvent";
    internal const string IsCompleteId = "IsComplete";
    internal const string StepIdPrefix = "Step";
    internal const string ResourceType = "Custom::DjangoRelease";

    public ReleasePhase(Construct scope, string id, ReleasePhaseOptions options) : base(scope, id)
    {
        var stack = Stack.Of(this);
        var code = HandlerCode.EcsRelease.Asset();

        var onEvent = NewFunction(OnEventId, code, "index.onEvent", "Starts a Django release command as a one-off ECS task");
        onEvent.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["ecs:RunTask"],
            Resources = [options.TaskDefinition.TaskDefinitionArn],
            Conditions = new Dictionary<string, object> { ["ArnEquals"] = new Dictionary<string, object> { ["ecs:cluster"] = options.Cluster.ClusterArn } },
        }));
        var passRoles = new List<string> { options.TaskDefinition.TaskRole.RoleArn };
        if (options.TaskDefinition.ExecutionRole is { } executionRole) passRoles.Add(executionRole.RoleArn);
        onEvent.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["iam:PassRole"],
            Resources = passRoles.ToArray(),
            Conditions = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["iam:PassedToService"] = "ecs-tasks.amazonaws.com" } },
        }));

        var isComplete = NewFunction(IsCompleteId, code, "index.isComplete", "Waits for a Django release task and reports its exit code");
        var tasksOfCluster = stack.FormatArn(new ArnComponents
        {
            Service = "ecs",
            Resource = "task",
            ResourceName = options.Cluster.ClusterName + "/*",
            ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
        });
        isComplete.AddToRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Actions = ["ecs:DescribeTasks", "ecs:StopTask"],
            Resources = [tasksOfCluster],
        }));

        var provider = ReleaseProvider.Create(this, onEvent, isComplete, options.TimeoutSeconds, "djangocdk-release", "ECS task");

        var subnets = options.Vpc.SelectSubnets(options.Subnets).SubnetIds;
        var steps = new List<CustomResource>();
        for (var i = 0; i < options.Commands.Count; i++)
        {
            var command = options.Commands[i];
            var properties = new Dictionary<string, object>
            {
                ["Name"] = StepName(command),
                ["Cluster"] = options.Cluster.ClusterArn,
                ["TaskDefinition"] = options.TaskDefinition.TaskDefinitionArn,
                ["ContainerName"] = options.ContainerName,
                ["Command"] = command,
                ["Subnets"] = subnets,
                ["SecurityGroups"] = new[] { options.SecurityGroup.SecurityGroupId },
                ["LaunchType"] = "FARGATE",
                ["PlatformVersion"] = "LATEST",
                ["TimeoutSeconds"] = options.TimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["LogGroup"] = options.LogGroup.LogGroupName,
                ["LogStreamPrefix"] = options.StreamPrefix,
                ["Trigger"] = options.Trigger,
            };
            // Only present while skipping, so turning it off changes the properties again and the commands run.
            if (options.Skip) properties["Skip"] = "true";
            var step = new CustomResource(this, StepIdPrefix + (i + 1), new CustomResourceProps
            {
                ServiceToken = provider.ServiceToken,
                ResourceType = ResourceType,
                Properties = properties,
            });
            // CloudFormation's own wait for the step (default and maximum one hour), matched to the waiter's.
            ((CfnResource)step.Node.DefaultChild!).AddPropertyOverride("ServiceTimeout", ReleaseProvider.ServiceTimeoutSeconds(options.TimeoutSeconds));
            // The handlers' permissions, and the task's own (secrets and image for the execution role, the bucket
            // for the task role), must be in place and updated before a step runs.
            step.Node.AddDependency(onEvent, isComplete, options.TaskDefinition.TaskRole);
            if (options.TaskDefinition.ExecutionRole is { } taskExecutionRole) step.Node.AddDependency(taskExecutionRole);
            if (steps.Count > 0) step.Node.AddDependency(steps[^1]);
            steps.Add(step);
        }

        Steps = steps;
        Provider = provider;
        Functions = [onEvent, isComplete];
        NagSuppressions.AddToTree(this, LambdaSuppressions);
    }

    /// <summary>The release steps in the order they run.</summary>
    public IReadOnlyList<CustomResource> Steps { get; }

    /// <summary>The functions that start the steps and wait for them: their errors are the release's failures.</summary>
    public IReadOnlyList<Function> Functions { get; }

    /// <summary>The custom-resource provider that runs the steps.</summary>
    public Provider Provider { get; }

    /// <summary>A short label for a command: the management command for <c>manage.py X</c>, else the program.</summary>
    internal static string StepName(string[] command)
    {
        var manage = Array.FindIndex(command, c => c.EndsWith("manage.py", StringComparison.Ordinal));
        return manage >= 0 && manage + 1 < command.Length ? command[manage + 1] : Path.GetFileName(command[0]);
    }

    private Function NewFunction(string id, Code code, string handler, string description)
    {
        var function = new Function(this, id, new FunctionProps
        {
            Runtime = LambdaRuntime.NodeJs,
            Code = code,
            Handler = handler,
            Description = description,
            Timeout = Duration.Seconds(30),
            MemorySize = 128,
            LogRetention = null,
        });
        return function;
    }

    private static readonly NagSuppression[] LambdaSuppressions =
    [
        NagSuppressions.LambdaBasicExecutionRole,
        new("AwsSolutions-IAM5", "Task ARNs are generated by ECS when a release task starts, so the waiter may describe and stop any task of this one cluster; the provider framework invokes its own handler functions, whose versions need the ':*' suffix; Step Functions log delivery only accepts Resource '*'.",
            $"/^Resource::arn:{NagSuppressions.Partition}:ecs:[^:]+:{NagSuppressions.Account}:task\\/<[A-Za-z0-9]+>\\/\\*$/",
            @"/^Resource::<[A-Za-z0-9]+\.Arn>:\*$/",
            "Resource::*"),
    ];
}
