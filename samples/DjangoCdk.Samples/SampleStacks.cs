using Amazon.CDK;
using DjangoCdk;
using Constructs;

namespace DjangoCdk.Samples;

/// <summary>The bundled sample apps: one small deployable stack per construct configuration.</summary>
public static class SampleStacks
{
    /// <summary>The region of the samples that need one (DjangoEcs does) when CDK_DEFAULT_REGION is unset.</summary>
    public const string DefaultRegion = "us-east-1";

    /// <summary>Adds every sample stack to <paramref name="app"/>.</summary>
    public static void AddAll(App app, string imageDirectory)
    {
        // What the CDK CLI resolves from credentials and profile; without them the stacks are environment-agnostic,
        // as `cdk synth` makes them on a machine without AWS credentials. StaticSiteMinimal stays fully agnostic
        // (no account, no region); the stacks with a DjangoEcs or DjangoEks need a region (their load balancer's access logs are
        // written by the region's Elastic Load Balancing account), so they fall back to DefaultRegion.
        var account = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_ACCOUNT");
        var region = System.Environment.GetEnvironmentVariable("CDK_DEFAULT_REGION");
        var env = new Amazon.CDK.Environment { Account = account, Region = region };
        var regional = new Amazon.CDK.Environment { Account = account, Region = region ?? DefaultRegion };
        EcsMinimal(app, "DjangoEcsMinimal", regional, imageDirectory);
        EcsComplete(app, "DjangoEcsComplete", regional, imageDirectory);
        var dist = FrontendSamples.FindDist();
        FrontendSamples.StaticSiteMinimal(app, "StaticSiteMinimal", env, dist);
        FrontendSamples.StaticSiteComplete(app, "StaticSiteComplete", regional, dist, imageDirectory);
        Vue(app, "DjangoVue", regional, imageDirectory, dist);
        StorageSamples.AddAll(app, env);
        Ec2Samples.AddAll(app, env, imageDirectory);
        EksSamples.Eks(app, "DjangoEks", regional, imageDirectory);
    }

    /// <summary>DjangoVue: the sample SPA and the sample Django project on app.example.com.</summary>
    public static Stack Vue(Construct scope, string id, Amazon.CDK.IEnvironment env, string imageDirectory, string distPath)
    {
        var stack = new Stack(scope, id, new StackProps { Env = env, Description = "DjangoCdk sample: DjangoVue, Django and a SPA on one domain" });
        _ = new DjangoVue(stack, "Site", new DjangoVueProps
        {
            DomainName = "app.example.com",
            ZoneName = "example.com",
            HostedZoneId = "Z0123456789EXAMPLE",
            // CloudFront only uses us-east-1 certificates: the samples' default region creates one, others need an ARN.
            CertificateArn = env.Region == "us-east-1" ? null : "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555",
            Django = new DjangoEcsProps { ImageDirectory = imageDirectory, UseCeleryBeat = true },
            Frontend = new StaticSiteProps { PathToDist = distPath, RequirePathToDist = true },
        });
        return stack;
    }

    /// <summary>DjangoEcs with nothing but the image: HTTP on the load balancer's name, one worker, migrations and collectstatic.</summary>
    public static Stack EcsMinimal(Construct scope, string id, Amazon.CDK.IEnvironment env, string imageDirectory)
    {
        var stack = new Stack(scope, id, new StackProps { Env = env, Description = "DjangoCdk sample: DjangoEcs with defaults" });
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = imageDirectory });
        return stack;
    }

    /// <summary>DjangoEcs with every option on (<see cref="SampleProps.EcsComplete"/>, which the tests synthesize too): HTTPS on a domain, beat, ECS Exec, two workers (one on Spot), user variables and secrets, a NAT instance.</summary>
    public static Stack EcsComplete(Construct scope, string id, Amazon.CDK.IEnvironment env, string imageDirectory)
    {
        // Prerequisite, in the description so it shows in the console: CloudFormation cannot create SecureString parameters.
        var stack = new Stack(scope, id, new StackProps
        {
            Env = env,
            Description = $"DjangoCdk sample: DjangoEcs with every option. Before deploying, create the SSM SecureString {SampleProps.SentryDsnParameter} (aws ssm put-parameter --type SecureString --name {SampleProps.SentryDsnParameter} --value <dsn>)",
        });
        _ = new DjangoEcs(stack, "Django", SampleProps.EcsComplete(stack, imageDirectory));
        return stack;
    }
}
