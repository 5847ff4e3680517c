using Amazon.CDK;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;

namespace DjangoCdk.Tests.Ecs;

/// <summary>One DjangoEcs with only the required prop, synthesized once for every fact that reads it.</summary>
public sealed class DjangoEcsDefaultsFixture
{
    public DjangoEcsDefaultsFixture()
    {
        Stack = TestStacks.New();
        Django = new DjangoEcs(Stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend });
        Template = Stack.Template();
    }

    public Stack Stack { get; }
    public DjangoEcs Django { get; }
    public Template Template { get; }
}

/// <summary>One DjangoEcs with every option on, synthesized once.</summary>
public sealed class DjangoEcsCompleteFixture
{
    public DjangoEcsCompleteFixture()
    {
        Stack = TestStacks.New();
        Django = new DjangoEcs(Stack, "Django", Props());
        Template = Stack.Template();
    }

    public static DjangoEcsProps Props() => new()
    {
        ImageDirectory = TestStacks.Backend,
        ApiDomainName = "api.example.com",
        ZoneName = "example.com",
        HostedZoneId = "Z0123456789EXAMPLE",
        FrontendUrl = "https://app.example.com",
        UseCeleryBeat = true,
        UseEcsExec = true,
        CeleryWorkers =
        [
            new CeleryWorkerOptions { Name = "default", Queues = ["celery"], Concurrency = 2 },
            new CeleryWorkerOptions { Name = "bulk", Queues = ["bulk", "reports"], UseSpot = true, Cpu = 1024, MemoryMiB = 2048, MinCount = 1, MaxCount = 4 },
        ],
        EnvironmentVariables = new Dictionary<string, string> { ["SITE_NAME"] = "ublog" },
        ExtraAllowedHosts = ["www.example.com"],
        ExtraCsrfTrustedOrigins = ["https://app.example.com"],
        WebMinCount = 2,
        WebMaxCount = 8,
        DatabaseMultiAz = true,
        CpuArchitecture = Amazon.CDK.AWS.ECS.CpuArchitecture.X86_64,
    };

    public Stack Stack { get; }
    public DjangoEcs Django { get; }
    public Template Template { get; }
}
