using Xunit;

namespace DjangoCdk.Cli.Tests.Synthesis;

/// <summary>The stack's account and region are found as the AWS CDK CLI finds them.</summary>
public sealed class StackEnvironmentTests
{
    private readonly FakeProcessRunner _processes = new();
    private readonly Dictionary<string, string> _variables = [];

    private StackEnvironment Resolve(string top = "") =>
        StackEnvironment.Resolve(
            new CliServices(_processes, name => _variables.GetValueOrDefault(name), "/project", new DateOnly(2026, 11, 26)),
            ConfigLoader.Parse($"name: blog\ntarget: s3\n{top}", "django-cdk.yaml", "/project"));

    [Fact]
    public void The_config_names_the_account_and_region()
    {
        _variables["CDK_DEFAULT_ACCOUNT"] = "111111111111";

        var environment = Resolve("account: \"123456789012\"\nregion: eu-west-1\n");

        Assert.Equal(new StackEnvironment("123456789012", "eu-west-1"), environment);
    }

    [Fact]
    public void Under_the_cdk_cli_its_default_account_and_region_are_used()
    {
        _variables["CDK_DEFAULT_ACCOUNT"] = "111111111111";
        _variables["CDK_DEFAULT_REGION"] = "eu-central-1";

        Assert.Equal(new StackEnvironment("111111111111", "eu-central-1"), Resolve());
        Assert.Empty(_processes.Commands);
    }

    [Fact]
    public void With_credentials_and_the_aws_cli_the_credentials_account_and_region_are_asked()
    {
        _variables["AWS_PROFILE"] = "blog";
        _processes.Installed.Add("aws");
        _processes.Answers["aws"] = new ProcessResult(0, "222222222222\n", "");

        var environment = Resolve("region: us-west-2\n");

        Assert.Equal(new StackEnvironment("222222222222", "us-west-2", FromCredentials: true), environment);
        Assert.Equal(new[] { "sts", "get-caller-identity", "--query", "Account", "--output", "text" }, _processes.Commands.Single().Arguments);
    }

    [Fact]
    public void Without_credentials_the_stack_is_environment_agnostic_and_nothing_is_asked()
    {
        _processes.Installed.Add("aws");

        Assert.Equal(new StackEnvironment(null, null), Resolve());
        Assert.Empty(_processes.Commands);
    }

    [Fact]
    public void A_failed_aws_call_leaves_the_value_unknown()
    {
        _variables["AWS_PROFILE"] = "blog";
        _variables["AWS_REGION"] = "eu-west-3";
        _processes.Installed.Add("aws");
        _processes.Answers["aws"] = new ProcessResult(255, "", "The SSO session has expired");

        Assert.Equal(new StackEnvironment(null, "eu-west-3", FromCredentials: true), Resolve());
    }
}
