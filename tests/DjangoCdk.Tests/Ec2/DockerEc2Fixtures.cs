using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;

namespace DjangoCdk.Tests.Ec2;

/// <summary>What the DockerEc2 tests share: IDs, the image lookup's context, and readers of the instance's cfn-init files.</summary>
internal static class Hosts
{
    public const string HostId = "Host";
    public const string HostPath = "Test/Host";
    public const string Ami = "ami-0123456789abcdef0";

    /// <summary>The answer of the pinned Amazon Linux 2023 lookup in the test account and region (the samples' is in cdk.context.json).</summary>
    public static Dictionary<string, object> ImageContext(string cpu = "arm64") => new()
    {
        [$"ssm:account={TestStacks.Account}:parameterName=/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-{cpu}:region={TestStacks.Region}"] = Ami,
        [$"ssm:account={TestStacks.Account}:parameterName=/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-{cpu}:region={TestStacks.Region}"] = Ami,
    };

    /// <summary>A stack in the test account and region whose image lookup is answered.</summary>
    public static Stack NewStack() =>
        new(TestStacks.NewApp(ImageContext()), "Test", new StackProps { Env = new Amazon.CDK.Environment { Account = TestStacks.Account, Region = TestStacks.Region } });

    /// <summary>The instance resource of the template.</summary>
    public static JsonObject Instance(Template template) => new TemplateJson(template).OfType("AWS::EC2::Instance").Single().Value;

    /// <summary>The files cfn-init writes, path to content, with references shown as <c>{Ref:LogicalId}</c>.</summary>
    public static Dictionary<string, JsonObject> InitFiles(Template template) =>
        Instance(template)["Metadata"]!["AWS::CloudFormation::Init"]!["stack"]!["files"]!.AsObject()
            .ToDictionary(f => f.Key, f => f.Value!.AsObject());

    /// <summary>The content of one cfn-init file as text.</summary>
    public static string InitFile(Template template, string path) => Flatten(InitFiles(template)[path]["content"]!);

    /// <summary>An env file written by cfn-init, as name to value (quotes removed).</summary>
    public static Dictionary<string, string> EnvFile(Template template, string path) =>
        InitFile(template, path).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => p[1].Trim('\''));

    /// <summary>Text of a CloudFormation value: strings as they are, Fn::Join joined, anything else as compact JSON.</summary>
    public static string Flatten(JsonNode node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonObject o when o["Fn::Join"] is JsonArray join => string.Join((string)join[0]!, join[1]!.AsArray().Select(p => Flatten(p!))),
        JsonObject o when o["Ref"] is { } r => "{Ref:" + (string)r! + "}",
        _ => node.ToJsonString(),
    };
}

/// <summary>A DockerEc2 with nothing but the image, in eu-west-1, synthesized once.</summary>
public sealed class DockerEc2DefaultsFixture
{
    public DockerEc2DefaultsFixture()
    {
        Stack = Hosts.NewStack();
        Host = new DockerEc2(Stack, Hosts.HostId, new DockerEc2Props { ImageDirectory = TestStacks.Backend });
        Template = Stack.Template();
    }

    public Stack Stack { get; }

    public DockerEc2 Host { get; }

    public Template Template { get; }
}

/// <summary>A DockerEc2 with every prop set (x86, a domain, SSH, a frontend, a stack file in S3), synthesized once.</summary>
public sealed class DockerEc2CompleteFixture
{
    public const string Domain = "blog.example.com";
    public const string Zone = "example.com";
    public const string ZoneId = "Z0123456789EXAMPLE";
    public const string Cidr = "203.0.113.7/32";
    public const string GivenAmi = "ami-0fedcba9876543210";
    public const string AlarmEmail = "ops@example.com";

    public DockerEc2CompleteFixture()
    {
        FrontendDirectory = Path.Combine(Path.GetTempPath(), "djangocdk-tests-frontend-image");
        Directory.CreateDirectory(FrontendDirectory);
        File.WriteAllText(Path.Combine(FrontendDirectory, "Frontend.Dockerfile"), "FROM public.ecr.aws/nginx/nginx:stable-alpine\nEXPOSE 8080\n");
        Stack = Hosts.NewStack();
        Host = new DockerEc2(Stack, Hosts.HostId, new DockerEc2Props
        {
            ImageDirectory = TestStacks.Backend,
            Dockerfile = "Dockerfile",
            FrontendImageDirectory = FrontendDirectory,
            FrontendImageDockerfile = "Frontend.Dockerfile",
            FrontendPort = 8080,
            DomainName = Domain,
            ZoneName = Zone,
            HostedZoneId = ZoneId,
            KeyName = "admin",
            SshCidr = Cidr,
            StackFileUri = "s3://ops-bucket/django/compose.yaml",
            InstanceType = "t3.medium",
            MachineImage = MachineImage.GenericLinux(new Dictionary<string, string> { [TestStacks.Region] = GivenAmi }),
            RootVolumeGiB = 40,
            DataVolumeGiB = 100,
            BackupRetentionDays = 30,
            UseCeleryBeat = false,
            HealthCheckPath = "/healthz/",
            SettingsModule = "ublog.settings.aws",
            Debug = true,
            EnvironmentVariables = new Dictionary<string, string> { ["SITE_NAME"] = "ublog" },
            BootTimeoutMinutes = 60,
            Monitoring = new MonitoringOptions
            {
                AlarmEmails = [AlarmEmail],
                Dashboard = false,
                Alarms = new AlarmsOptions
                {
                    HostCpuPercent = new AlarmOptions { Threshold = 90, Minutes = 30 },
                    HostStatusCheckFailed = new AlarmOptions { Minutes = 3 },
                },
            },
        });
        Template = Stack.Template();
    }

    public string FrontendDirectory { get; }

    public Stack Stack { get; }

    public DockerEc2 Host { get; }

    public Template Template { get; }
}
