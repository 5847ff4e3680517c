using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.SSM;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;

namespace DjangoCdk.Samples;

/// <summary>
/// The props of the sample configurations, defined once: the sample stacks deploy them and the tests synthesize them
/// (the tests override a prop only where they prove something the sample must not do, and say so).
/// </summary>
public static class SampleProps
{
    /// <summary>The SSM SecureString the complete sample injects as SENTRY_DSN; create it before deploying.</summary>
    public const string SentryDsnParameter = "/ublog/sentry-dsn";

    /// <summary>
    /// DjangoEcs with every option a deployable app turns on: HTTPS on api.example.com, beat, ECS Exec, two workers
    /// (one on Spot that scales to zero when its queues are empty), user variables and secrets, a multi-AZ database, a
    /// NAT instance, and alarms emailed to the team.
    /// </summary>
    /// <param name="stack">The stack the app goes into: the secret's parameter is imported there, and whether the stack has an account and region decides how the NAT image is chosen.</param>
    /// <param name="imageDirectory">The Docker build context of the Django project.</param>
    public static DjangoEcsProps EcsComplete(Stack stack, string imageDirectory)
    {
        var sentryDsn = StringParameter.FromSecureStringParameterAttributes(stack, "SentryDsn", new SecureStringParameterAttributes
        {
            ParameterName = SentryDsnParameter,
        });
        return new DjangoEcsProps
        {
            ImageDirectory = imageDirectory,
            ApiDomainName = "api.example.com",
            ZoneName = "example.com",
            HostedZoneId = "Z0123456789EXAMPLE",
            FrontendUrl = "https://app.example.com",
            UseCeleryBeat = true,
            UseEcsExec = true,
            CeleryWorkers =
            [
                new CeleryWorkerOptions { Name = "default", Queues = ["celery"], Concurrency = 2 },
                new CeleryWorkerOptions { Name = "bulk", Queues = ["bulk", "reports"], UseSpot = true, Cpu = 1024, MemoryMiB = 2048, MaxCount = 4, ScaleToZero = true },
            ],
            Monitoring = new MonitoringOptions { AlarmEmails = ["ops@example.com"] },
            EnvironmentVariables = new Dictionary<string, string> { ["SITE_NAME"] = "μblog" },
            Secrets = new Dictionary<string, EcsSecret> { ["SENTRY_DSN"] = EcsSecret.FromSsmParameter(sentryDsn) },
            WebMinCount = 2,
            WebMaxCount = 8,
            DatabaseMultiAz = true,
            NatStrategy = NatStrategy.Instance,
            // With an account and region the NAT image is looked up once and pinned in cdk.context.json. An
            // environment-agnostic synth cannot look it up, so it names the image explicitly: this one is resolved at
            // every deployment (a new Amazon Linux release replaces the NAT instance), which is why deployable stacks
            // should have an Env.
            NatInstanceImage = Token.IsUnresolved(stack.Account) || Token.IsUnresolved(stack.Region)
                ? MachineImage.LatestAmazonLinux2023(new AmazonLinux2023ImageSsmParameterProps { CpuType = AmazonLinuxCpuType.ARM_64 })
                : null,
        };
    }
}
