using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.CustomResources;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// What the release phases of DjangoEcs (ECS tasks) and DjangoEks (Kubernetes Jobs) share: how long CloudFormation
/// and the waiter wait for one step, and the custom-resource provider that polls it with logged executions.
/// </summary>
internal static class ReleaseProvider
{
    internal const string ProviderId = "Provider";
    internal const string WaiterLogsId = "WaiterLogs";
    private const int PollSeconds = 15;
    private const int SlackMinutes = 5;

    /// <summary>The longest step timeout that still fits in CloudFormation's one hour.</summary>
    internal const int MaxTaskTimeoutSeconds = Defaults.ReleaseMaxTimeoutMinutes * 60;

    /// <summary>How long CloudFormation and the waiter wait for one step: its timeout plus the waiter's own margin, at most one hour.</summary>
    internal static int ServiceTimeoutSeconds(int taskTimeoutSeconds) =>
        Math.Min(taskTimeoutSeconds + SlackMinutes * 60, Defaults.CustomResourceMaxServiceTimeoutSeconds);

    /// <summary>
    /// The provider of a release phase under <paramref name="phase"/>: polls every 15 s for as long as CloudFormation
    /// waits for a step, and logs every waiter execution to /aws/vendedlogs/states/<paramref name="logNamePrefix"/>-....
    /// <paramref name="polled"/> names what a step waits for, in the cdk-nag reason.
    /// </summary>
    public static Provider Create(Construct phase, Function onEvent, Function isComplete, int timeoutSeconds, string logNamePrefix, string polled)
    {
        var stack = Stack.Of(phase);
        var provider = new Provider(phase, ProviderId, new ProviderProps
        {
            OnEventHandler = onEvent,
            IsCompleteHandler = isComplete,
            QueryInterval = Duration.Seconds(PollSeconds),
            TotalTimeout = Duration.Seconds(ServiceTimeoutSeconds(timeoutSeconds)),
            WaiterStateMachineLogOptions = new Amazon.CDK.CustomResources.LogOptions
            {
                Destination = new LogGroup(phase, WaiterLogsId, new LogGroupProps
                {
                    // Step Functions delivers logs through CloudWatch Logs vended delivery: a group under
                    // /aws/vendedlogs/ needs no statement in the account's 5,120-character logs resource policy,
                    // which every other name grows by one statement per stack until deployments fail. The stack's
                    // ID (unique per creation) keeps two stacks, or a re-created one, from colliding on the name.
                    LogGroupName = Fn.Join("", [$"/aws/vendedlogs/states/{logNamePrefix}-", Fn.Select(2, Fn.Split("/", stack.StackId)), "-", phase.Node.Addr[..8]]),
                    Retention = RetentionDays.ONE_MONTH,
                    RemovalPolicy = RemovalPolicy.DESTROY,
                }),
                Level = Amazon.CDK.AWS.StepFunctions.LogLevel.ALL,
            },
        });
        NagSuppressions.AddToTree(provider, new NagSuppression("AwsSolutions-SF2",
            $"The waiter state machine only polls one {polled}; its executions are logged in full, and X-Ray traces would add cost without showing anything the logs do not."));
        return provider;
    }
}
