using Xunit;

namespace DjangoCdk.Cli.Tests.Deploy;

/// <summary>deploy, diff and destroy run the AWS CDK CLI; the fake process runner records the exact command lines.</summary>
public sealed class DeployCommandTests : IDisposable
{
    private static readonly string[] Self = ["/opt/django-cdk"];
    private readonly ConfigProject _project = ConfigProject.Ecs();

    public DeployCommandTests()
    {
        _project.Cli.Self = Self;
        _project.Cli.Variables["AWS_PROFILE"] = "blog";
        _project.Cli.Processes.Installed.UnionWith(["cdk", "docker"]);
        // What the CDK CLI would do: synth writes a cloud assembly with one image asset; deploy writes the outputs file.
        _project.Cli.Processes.OnRun = command =>
        {
            if (command.Arguments[0] == "synth") WriteAssembly(command.Arguments[command.Arguments.ToList().IndexOf("--output") + 1]);
            if (command.Arguments[0] == "deploy") _project.Write("cdk-outputs.json", "{\"blog\": {\"AppSiteUrl\": \"https://api.example.com\"}}");
        };
    }

    private string Out => Path.Combine(_project.Path, "cdk.out");

    private string App => $"/opt/django-cdk app --config {_project.ConfigFile}";

    [Fact]
    public void Deploy_synthesizes_through_the_cdk_cli_then_deploys_that_assembly()
    {
        var result = _project.Run("deploy");

        Assert.Equal(0, result.ExitCode);
        var commands = _project.Cli.Processes.Commands.Where(c => c.Program == "cdk").Select(c => c.Arguments.ToArray()).ToList();
        Assert.Equal(new[] { "synth", "--app", App, "--output", Out, "blog", "--quiet" }, commands[0]);
        Assert.Equal(new[] { "deploy", "--app", Out, "blog", "--progress", "events", "--outputs-file", Path.Combine(_project.Path, "cdk-outputs.json") }, commands[1]);
        Assert.All(_project.Cli.Processes.Commands.Where(c => c.Program == "cdk"), c => Assert.Equal(_project.Path, c.WorkingDirectory));
    }

    [Fact]
    public void Deploy_with_yes_approves_security_changes_without_asking()
    {
        _project.Run("deploy", "--yes");

        var deploy = _project.Cli.Processes.Commands.Single(c => c.Arguments[0] == "deploy");
        Assert.Equal(["--require-approval", "never"], deploy.Arguments.TakeLast(2));
    }

    [Fact]
    public void Deploy_prints_the_stack_outputs()
    {
        var result = _project.Run("deploy");

        Assert.Contains("https://api.example.com", result.Output);
    }

    [Fact]
    public void Without_the_cdk_cli_npx_runs_the_pinned_major_version()
    {
        _project.Cli.Processes.Installed.Remove("cdk");
        _project.Cli.Processes.Installed.Add("npx");

        _project.Run("diff");

        var diff = _project.Cli.Processes.Commands.Single();
        Assert.Equal("npx", diff.Program);
        Assert.Equal(new[] { "--yes", "aws-cdk@2", "diff", "--app", App, "--output", Out, "blog" }, diff.Arguments);
    }

    [Fact]
    public void Without_node_the_message_says_how_to_install_the_cdk_cli()
    {
        _project.Cli.Processes.Installed.Clear();

        var result = _project.Run("deploy");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The AWS CDK CLI is needed for this command and is not installed. Install Node.js 22", result.Output);
        Assert.Empty(_project.Cli.Processes.Commands);
    }

    [Fact]
    public void Without_credentials_the_message_says_how_to_configure_them()
    {
        _project.Cli.Variables.Remove("AWS_PROFILE");
        _project.Cli.Variables["HOME"] = _project.Path;

        var result = _project.Run("deploy");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No AWS credentials found", result.Output);
        Assert.Contains("aws sso login", result.Output);
    }

    [Fact]
    public void Without_docker_an_app_with_an_image_is_not_deployed()
    {
        _project.Cli.Processes.Installed.Remove("docker");

        var result = _project.Run("deploy");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Docker is needed to build the app's image and is not installed", result.Output);
        Assert.DoesNotContain(_project.Cli.Processes.Commands, c => c.Arguments[0] == "deploy");
    }

    [Fact]
    public void A_stopped_docker_daemon_is_named()
    {
        _project.Cli.Processes.Answers["docker"] = new ProcessResult(1, "", "Cannot connect to the Docker daemon");

        var result = _project.Run("deploy");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("its daemon is not running", result.Output);
    }

    [Fact]
    public void A_failed_cdk_deploy_exits_with_the_tool_failure_code()
    {
        _project.Cli.Processes.OnRun = command =>
        {
            if (command.Arguments[0] == "synth") WriteAssembly(Out);
            _project.Cli.Processes.RunExitCode = command.Arguments[0] == "deploy" ? 1 : 0;
        };

        var result = _project.Run("deploy");

        Assert.Equal((int)ExitCode.ToolFailed, result.ExitCode);
        Assert.Contains("cdk deploy failed (exit code 1)", result.Output);
    }

    [Fact]
    public void Destroy_lists_what_it_keeps_before_it_deletes()
    {
        _project.Cli.Processes.OnRun = command =>
        {
            if (command.Arguments[0] == "synth") WriteAssembly(Out);
        };

        var result = _project.Run("destroy", "--yes");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Database", result.Output);
        Assert.Contains("deleted after a final snapshot, which is kept", result.Output);
        Assert.Contains("StaticBucket", result.Output);
        Assert.Equal(new[] { "destroy", "--app", Out, "blog", "--force" }, _project.Cli.Processes.Commands.Last().Arguments);
    }

    [Fact]
    public void Destroy_without_a_terminal_needs_yes()
    {
        var result = _project.Run("destroy");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("add --yes to confirm", result.Output);
        Assert.DoesNotContain(_project.Cli.Processes.Commands, c => c.Arguments[0] == "destroy");
    }

    public void Dispose() => _project.Dispose();

    // A cloud assembly as the CDK CLI leaves it: one stack with a snapshotted database and a kept bucket, one image asset.
    private static void WriteAssembly(string outDirectory)
    {
        Directory.CreateDirectory(outDirectory);
        File.WriteAllText(Path.Combine(outDirectory, "manifest.json"),
            "{\"artifacts\": {\"blog\": {\"type\": \"aws:cloudformation:stack\", \"environment\": \"aws://123456789012/us-east-1\", \"properties\": {\"templateFile\": \"blog.template.json\"}}}}");
        File.WriteAllText(Path.Combine(outDirectory, "blog.template.json"),
            "{\"Resources\": {\"Database\": {\"Type\": \"AWS::RDS::DBInstance\", \"DeletionPolicy\": \"Snapshot\"}, \"StaticBucket\": {\"Type\": \"AWS::S3::Bucket\", \"DeletionPolicy\": \"Retain\"}, \"Queue\": {\"Type\": \"AWS::SQS::Queue\", \"DeletionPolicy\": \"Delete\"}}}");
        File.WriteAllText(Path.Combine(outDirectory, "blog.assets.json"), "{\"files\": {}, \"dockerImages\": {\"abc\": {}}}");
    }
}
