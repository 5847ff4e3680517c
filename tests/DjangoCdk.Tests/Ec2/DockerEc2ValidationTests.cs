using Amazon.CDK.AWS.EC2;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Ec2;

/// <summary>
/// Bad input: one clear DjangoCdkValidationException naming the prop. Props are checked by
/// <see cref="DockerEc2Settings.Resolve"/> in plain C#; only the construct-level tests need the CDK runtime.
/// </summary>
public sealed class DockerEc2ValidationTests
{
    private static readonly ConstructSite Site = new(Hosts.HostPath, TestStacks.Account, TestStacks.Region);
    private static readonly ConstructSite EnvironmentAgnosticSite = new(Hosts.HostPath, "${Token[AWS.AccountId.1]}", "${Token[AWS.Region.2]}");

    private static DockerEc2Props Valid => new() { ImageDirectory = TestStacks.Backend };

    private static DjangoCdkValidationException Rejects(DockerEc2Props props, ConstructSite? site = null) =>
        Assert.Throws<DjangoCdkValidationException>(() => DockerEc2Settings.Resolve(props, site ?? Site));

    [Fact]
    public void The_construct_validates_its_props_before_it_builds_anything()
    {
        // Given a stack
        var stack = Hosts.NewStack();

        // When a DockerEc2 gets SSH open to the world
        var error = Assert.Throws<DjangoCdkValidationException>(() =>
            new DockerEc2(stack, Hosts.HostId, Valid with { KeyName = "admin", SshCidr = "0.0.0.0/0" }));

        // Then it throws with its own path, naming the prop, and leaves no child behind
        Assert.Equal(Hosts.HostPath, error.ConstructPath);
        Assert.Equal("SshCidr", error.ParamName);
        Assert.Empty(stack.Node.FindChild(Hosts.HostId).Node.Children);
    }

    [Fact]
    public void Valid_props_resolve_to_the_documented_defaults()
    {
        var settings = DockerEc2Settings.Resolve(Valid, Site);
        Assert.Equal("t4g.small", settings.InstanceType);
        Assert.True(settings.Arm64);
        Assert.Equal(20, settings.RootVolumeGiB);
        Assert.Equal(20, settings.DataVolumeGiB);
        Assert.Equal(7, settings.BackupRetentionDays);
        Assert.Equal(30, settings.BootTimeoutMinutes);
        Assert.True(settings.UseCeleryBeat);
        Assert.Null(settings.Domain);
        Assert.Null(settings.Ssh);
        Assert.Null(settings.StackFile);
        Assert.Null(settings.Frontend);
    }

    [Fact]
    public void Image_directory_is_required()
    {
        var error = Rejects(new DockerEc2Props());
        Assert.Equal(ValidationErrorCode.Missing, error.Code);
        Assert.Equal("ImageDirectory", error.ParamName);
    }

    [Fact]
    public void Image_directory_must_exist()
    {
        var error = Rejects(Valid with { ImageDirectory = "/no/such/folder" });
        Assert.Equal(ValidationErrorCode.NotFound, error.Code);
        Assert.Equal("ImageDirectory", error.ParamName);
    }

    [Fact]
    public void Frontend_dockerfile_without_a_frontend_directory_is_a_conflict()
    {
        var error = Rejects(Valid with { FrontendImageDockerfile = "Dockerfile" });
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
        Assert.Equal("FrontendImageDockerfile", error.ParamName);
    }

    [Theory]
    [InlineData("https://blog.example.com")]
    [InlineData("blog.example.com/path")]
    [InlineData("-blog.example.com")]
    [InlineData("blog..example.com")]
    [InlineData("blog_example.com")]
    [InlineData("localhost")]
    [InlineData("blog.example.com:8000")]
    public void Bad_domain_names_are_refused(string domain)
    {
        var error = Rejects(Valid with { DomainName = domain, ZoneName = "example.com", HostedZoneId = "Z1" });
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Equal("DomainName", error.ParamName);
    }

    [Fact]
    public void A_zone_that_does_not_contain_the_domain_is_refused()
    {
        var error = Rejects(Valid with { DomainName = "blog.example.org", ZoneName = "example.com", HostedZoneId = "Z1" });
        Assert.Equal("DomainName", error.ParamName);
        Assert.Contains("example.com", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_domain_needs_its_zone()
    {
        var error = Rejects(Valid with { DomainName = "blog.example.com" });
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
        Assert.Equal("DomainName", error.ParamName);
    }

    [Fact]
    public void An_environment_agnostic_stack_needs_the_zone_id()
    {
        var error = Rejects(Valid with { DomainName = "blog.example.com", ZoneName = "example.com", MachineImage = new GenericLinuxImage(new Dictionary<string, string>()) }, EnvironmentAgnosticSite);
        Assert.Equal("HostedZoneId", error.ParamName);
    }

    [Fact]
    public void An_environment_agnostic_stack_needs_a_machine_image()
    {
        var error = Rejects(Valid, EnvironmentAgnosticSite);
        Assert.Equal(ValidationErrorCode.Missing, error.Code);
        Assert.Equal("MachineImage", error.ParamName);
    }

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("10.0.0.0/4")]
    public void Ssh_open_to_the_internet_is_refused(string cidr)
    {
        var error = Rejects(Valid with { KeyName = "admin", SshCidr = cidr });
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Equal("SshCidr", error.ParamName);
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("203.0.113.300/32")]
    [InlineData("203.0.113.7/33")]
    [InlineData("my-office")]
    public void Malformed_ssh_ranges_are_refused(string cidr)
    {
        var error = Rejects(Valid with { KeyName = "admin", SshCidr = cidr });
        Assert.Equal("SshCidr", error.ParamName);
    }

    [Fact]
    public void Key_name_without_a_cidr_is_refused()
    {
        var error = Rejects(Valid with { KeyName = "admin" });
        Assert.Equal(ValidationErrorCode.Missing, error.Code);
        Assert.Equal("SshCidr", error.ParamName);
    }

    [Fact]
    public void Cidr_without_a_key_name_is_a_conflict()
    {
        var error = Rejects(Valid with { SshCidr = "203.0.113.7/32" });
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
        Assert.Equal("SshCidr", error.ParamName);
    }

    [Theory]
    [InlineData("https://raw.githubusercontent.com/org/repo/main/compose.yaml")]
    [InlineData("s3://bucket")]
    [InlineData("/local/compose.yaml")]
    public void Stack_file_must_be_an_s3_object(string uri)
    {
        var error = Rejects(Valid with { StackFileUri = uri });
        Assert.Equal("StackFileUri", error.ParamName);
    }

    [Theory]
    [InlineData("t4g")]
    [InlineData("small")]
    [InlineData("T4G.SMALL")]
    public void Malformed_instance_types_are_refused(string instanceType)
    {
        var error = Rejects(Valid with { InstanceType = instanceType });
        Assert.Equal("InstanceType", error.ParamName);
    }

    [Theory]
    [InlineData("t4g.small", true)]
    [InlineData("c7gn.large", true)]
    [InlineData("im4gn.large", true)]
    [InlineData("a1.medium", true)]
    [InlineData("t3.small", false)]
    [InlineData("m7i-flex.large", false)]
    [InlineData("g5.xlarge", false)]
    public void The_architecture_follows_the_instance_type(string instanceType, bool arm64) =>
        Assert.Equal(arm64, DockerEc2Settings.IsArm64(instanceType));

    [Theory]
    [InlineData("RootVolumeGiB", 4)]
    [InlineData("DataVolumeGiB", 0)]
    [InlineData("BackupRetentionDays", 0)]
    [InlineData("BootTimeoutMinutes", 1)]
    [InlineData("FrontendPort", 70000)]
    public void Numbers_out_of_range_are_refused(string prop, int value)
    {
        var props = prop switch
        {
            "RootVolumeGiB" => Valid with { RootVolumeGiB = value },
            "DataVolumeGiB" => Valid with { DataVolumeGiB = value },
            "BackupRetentionDays" => Valid with { BackupRetentionDays = value },
            "BootTimeoutMinutes" => Valid with { BootTimeoutMinutes = value },
            _ => Valid with { FrontendImageDirectory = TestStacks.Backend, FrontendPort = value },
        };
        var error = Rejects(props);
        Assert.Equal(ValidationErrorCode.OutOfRange, error.Code);
        Assert.Equal(prop, error.ParamName);
    }

    [Fact]
    public void Health_check_path_must_be_absolute()
    {
        var error = Rejects(Valid with { HealthCheckPath = "health" });
        Assert.Equal("HealthCheckPath", error.ParamName);
    }

    [Fact]
    public void Contract_names_are_reserved_in_environment_variables()
    {
        var error = Rejects(Valid with { EnvironmentVariables = new Dictionary<string, string> { ["ALLOWED_HOSTS"] = "*" } });
        Assert.Equal(ValidationErrorCode.Reserved, error.Code);
        Assert.Equal("EnvironmentVariables", error.ParamName);
    }

    [Fact]
    public void Environment_values_with_line_breaks_or_quotes_are_refused()
    {
        var error = Rejects(Valid with { EnvironmentVariables = new Dictionary<string, string> { ["GREETING"] = "it's" } });
        Assert.Equal("EnvironmentVariables[GREETING]", error.ParamName);
    }

    [Fact]
    public void An_environment_agnostic_stack_synthesizes_with_an_explicit_machine_image()
    {
        // Given a stack without account or region, When the image is given, Then the instance uses it and the zone is a token
        var stack = TestStacks.EnvironmentAgnostic();
        var host = new DockerEc2(stack, Hosts.HostId, Valid with { MachineImage = MachineImage.LatestAmazonLinux2023(new AmazonLinux2023ImageSsmParameterProps { CpuType = AmazonLinuxCpuType.ARM_64 }) });
        var instance = Hosts.Instance(TestStacks.Template(stack));
        Assert.Contains("Ref", instance["Properties"]!["ImageId"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(host.DataVolume);
    }

    [Fact]
    public void An_unanswered_image_lookup_is_a_synthesis_warning()
    {
        // Given a stack with an environment but no cached answer for the image lookup
        var stack = TestStacks.New();

        // When a DockerEc2 pins the default image
        _ = new DockerEc2(stack, Hosts.HostId, Valid);

        // Then the placeholder is named in a warning
        Amazon.CDK.Assertions.Annotations.FromStack(stack).HasWarning("/" + Hosts.HostPath,
            Amazon.CDK.Assertions.Match.StringLikeRegexp(".*Amazon Linux 2023 image.*" + SynthesisWarnings.UnansweredLookup));
    }
}
