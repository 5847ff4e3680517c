using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// What every Django container of a <see cref="DjangoEcs"/> shares: one image, the environment contract, the secrets,
/// the log group, the architecture and the two roles. Web, workers, beat and release differ only in command and size.
/// </summary>
internal sealed record AppContainerSettings(
    ContainerImage Image,
    IDictionary<string, string> Environment,
    IDictionary<string, Amazon.CDK.AWS.ECS.Secret> Secrets,
    ILogGroup LogGroup,
    CpuArchitecture Architecture,
    IRole TaskRole,
    IRole ExecutionRole)
{
    public FargateTaskDefinition NewTaskDefinition(Construct scope, string id, int cpu, int memoryMiB)
    {
        var taskDefinition = new FargateTaskDefinition(scope, id, new FargateTaskDefinitionProps
        {
            Cpu = cpu,
            MemoryLimitMiB = memoryMiB,
            RuntimePlatform = new RuntimePlatform { CpuArchitecture = Architecture, OperatingSystemFamily = OperatingSystemFamily.LINUX },
            TaskRole = TaskRole,
            ExecutionRole = ExecutionRole,
        });
        NagSuppressions.Add(taskDefinition, new NagSuppression("AwsSolutions-ECS2",
            "Only non-secret configuration (host names, ports, bucket and settings names) is passed as plain environment; the SECRET_KEY and the database and Redis passwords are injected from Secrets Manager, which the Django-DJ2 rule checks."));
        return taskDefinition;
    }

    public ContainerDefinition AddContainer(TaskDefinition taskDefinition, string name, string[]? command, int? stopTimeoutSeconds)
    {
        return taskDefinition.AddContainer(name, new ContainerDefinitionOptions
        {
            Image = Image,
            Command = command,
            Environment = Environment,
            Secrets = Secrets,
            Logging = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = LogGroup, StreamPrefix = name }),
            StopTimeout = stopTimeoutSeconds is { } s ? Duration.Seconds(s) : null,
            Essential = true,
        });
    }
}
