using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Constructs;

namespace DjangoCdk.Samples;

/// <summary>Sample apps of <see cref="DockerEc2"/>: the whole application on one instance.</summary>
public static class Ec2Samples
{
    /// <summary>Adds both DockerEc2 samples to <paramref name="app"/>.</summary>
    public static void AddAll(App app, Amazon.CDK.IEnvironment env, string imageDirectory)
    {
        Minimal(app, "DockerEc2Minimal", env, imageDirectory);
        Complete(app, "DockerEc2Complete", env, imageDirectory);
    }

    /// <summary>DockerEc2 with nothing but the image: plain HTTP on the Elastic IP, Session Manager only.</summary>
    public static Stack Minimal(Construct scope, string id, Amazon.CDK.IEnvironment env, string imageDirectory)
    {
        var stack = new Stack(scope, id, new StackProps { Env = env, Description = "DjangoCdk sample: DockerEc2 with defaults" });
        _ = new DockerEc2(stack, "Django", new DockerEc2Props { ImageDirectory = imageDirectory, MachineImage = ImageFor(stack, AmazonLinuxCpuType.ARM_64) });
        return stack;
    }

    /// <summary>DockerEc2 with every option a user commonly sets: HTTPS on a domain, SSH from one address, a bigger instance and volume, longer backups.</summary>
    public static Stack Complete(Construct scope, string id, Amazon.CDK.IEnvironment env, string imageDirectory)
    {
        var stack = new Stack(scope, id, new StackProps
        {
            Env = env,
            Description = "DjangoCdk sample: DockerEc2 with a domain. Before deploying, create the EC2 key pair 'ublog-admin' (or remove KeyName and SshCidr)",
        });
        _ = new DockerEc2(stack, "Django", new DockerEc2Props
        {
            ImageDirectory = imageDirectory,
            DomainName = "blog.example.com",
            ZoneName = "example.com",
            HostedZoneId = "Z0123456789EXAMPLE",
            KeyName = "ublog-admin",
            SshCidr = "203.0.113.7/32",
            InstanceType = "t4g.medium",
            MachineImage = ImageFor(stack, AmazonLinuxCpuType.ARM_64),
            RootVolumeGiB = 30,
            DataVolumeGiB = 50,
            BackupRetentionDays = 14,
            EnvironmentVariables = new Dictionary<string, string> { ["SITE_NAME"] = "μblog" },
            BootTimeoutMinutes = 45,
        });
        return stack;
    }

    /// <summary>
    /// With an account and region, null: the image is looked up once and pinned in cdk.context.json. An
    /// environment-agnostic synth cannot look it up, so it names the image explicitly: this one is resolved at every
    /// deployment (a new Amazon Linux release replaces the instance), which is why deployable stacks should have an Env.
    /// </summary>
    private static IMachineImage? ImageFor(Stack stack, AmazonLinuxCpuType cpu) =>
        Token.IsUnresolved(stack.Account) || Token.IsUnresolved(stack.Region)
            ? MachineImage.LatestAmazonLinux2023(new AmazonLinux2023ImageSsmParameterProps { CpuType = cpu })
            : null;
}
