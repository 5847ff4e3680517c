using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.SecretsManager;
using Annotations = Amazon.CDK.Assertions.Annotations;
using DjangoCdk.Samples;
using DjangoCdk.Tests.TestSupport;

namespace DjangoCdk.Tests.Eks;

/// <summary>The everything-on DjangoEks: every prop set to a value other than its default, synthesized once.</summary>
public sealed class DjangoEksCompleteFixture
{
    public const string AdminRoleArn = "arn:aws:iam::123456789012:role/aws-reserved/sso.amazonaws.com/AWSReservedSSO_Admin_0123";
    public const string CertificateArn = "arn:aws:acm:eu-west-1:123456789012:certificate/01234567-89ab-cdef-0123-456789abcdef";
    public const string StripeSecretArn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:stripe-AbCdEf";
    public const string AlarmEmail = "ops@example.com";

    public DjangoEksCompleteFixture()
    {
        Stack = TestStacks.New();
        Stripe = Secret.FromSecretCompleteArn(Stack, "Stripe", StripeSecretArn);
        Django = new DjangoEks(Stack, "Django", new DjangoEksProps
        {
            ImageDirectory = TestStacks.Backend,
            KubectlLayer = KubectlLayers.FromNpmPackage(Stack, "KubectlLayer", EksSamples.KubectlLayerDirectory),
            DomainName = DjangoEksDefaultsFixture.Domain,
            ZoneName = DjangoEksDefaultsFixture.Zone,
            HostedZoneId = DjangoEksDefaultsFixture.ZoneId,
            CertificateArn = CertificateArn,
            UseCeleryBeat = true,
            CeleryWorkers =
            [
                new CeleryWorkerOptions { Name = "reports", Queues = ["reports"], Concurrency = 4, StopTimeoutSeconds = 600 },
                new CeleryWorkerOptions { Name = "emails", Queues = ["emails", "notifications"], Concurrency = 2, Cpu = 256, MemoryMiB = 512, MinCount = 2, MaxCount = 5, StopTimeoutSeconds = 600 },
            ],
            EnvironmentVariables = new Dictionary<string, string> { ["FEATURE_FLAGS"] = "search,exports" },
            Secrets = new Dictionary<string, EksSecret> { ["STRIPE_API_KEY"] = EksSecret.FromSecretsManager(Stripe, "api_key") },
            AdminRoleArns = [AdminRoleArn],
            NodeInstanceTypes = ["m7i.large"],
            NodeMinSize = 3,
            NodeMaxSize = 6,
            NodeDesiredSize = 4,
            NodeDiskSizeGiB = 50,
            WebCpu = 1024,
            WebMemoryMiB = 2048,
            WebMinCount = 3,
            WebMaxCount = 8,
            DatabaseMultiAz = true,
            DatabaseDeletionProtection = false,
            ReleaseCommands = [["python", "manage.py", "migrate", "--no-input"], ["python", "manage.py", "createcachetable"]],
            SkipRelease = false,
            Monitoring = new MonitoringOptions
            {
                AlarmEmails = [AlarmEmail],
                Dashboard = false,
                RollbackOnAlarm = false,
                Alarms = new AlarmsOptions
                {
                    DatabaseCpuPercent = new AlarmOptions { Threshold = 70, Minutes = 30 },
                    CacheEvictions = new AlarmOptions { Enabled = false },
                    Target5xxPercent = new AlarmOptions { Enabled = false },
                },
            },
        });
        (Template, Annotations) = TestStacks.Synthesize(Stack);
        Eks = new EksTemplate(Stack, Django, Template);
    }

    public Stack Stack { get; }
    public ISecret Stripe { get; }
    public DjangoEks Django { get; }
    public Template Template { get; }

    /// <summary>The warnings and errors of the synthesis.</summary>
    public Annotations Annotations { get; }

    internal EksTemplate Eks { get; }

    /// <summary>The logical ID of <paramref name="construct"/>'s resource in <see cref="Stack"/>.</summary>
    public string Id(Constructs.IConstruct construct) => Stack.LogicalId(construct);
}
