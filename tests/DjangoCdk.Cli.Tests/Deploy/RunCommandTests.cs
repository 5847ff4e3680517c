using Xunit;

namespace DjangoCdk.Cli.Tests.Deploy;

/// <summary>run and exec build their commands from the deployed stack's outputs (cdk-outputs.json here).</summary>
public sealed class RunCommandTests
{
    private const string EcsRun = "aws ecs run-task --cluster c --overrides '{\"containerOverrides\":[{\"name\":\"web\",\"command\":[\"python\",\"manage.py\",\"COMMAND\"]}]}'";

    [Fact]
    public void Run_puts_each_word_of_the_management_command_into_the_ecs_override()
    {
        using var project = Deployed("ecs", $"\"AppRunManagementCommand\": {System.Text.Json.JsonSerializer.Serialize(EcsRun)}");

        var result = project.Run("run", "--", "migrate", "--plan");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"command\":[\"python\",\"manage.py\",\"migrate\",\"--plan\"]", result.Output);
    }

    [Fact]
    public void An_option_of_the_management_command_before_the_separator_is_refused_not_dropped()
    {
        using var project = Deployed("ecs", $"\"AppRunManagementCommand\": {System.Text.Json.JsonSerializer.Serialize(EcsRun)}");

        var result = project.Run("run", "migrate", "--plan");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("put the management command after --, e.g. django-cdk run -- migrate --plan", result.Output);
    }

    [Fact]
    public void Run_quotes_the_words_for_a_kubectl_command()
    {
        using var project = Deployed("eks", "\"AppRunManagementCommand\": \"kubectl --namespace app exec deploy/web --container web -- python manage.py COMMAND\"");

        var result = project.Run("run", "--", "shell", "-c", "print('hi')");

        Assert.Contains("python manage.py shell -c 'print('\\''hi'\\'')'", result.Output);
    }

    [Fact]
    public void Run_with_execute_runs_the_command_through_the_shell()
    {
        using var project = Deployed("eks", "\"AppRunManagementCommand\": \"kubectl --namespace app exec deploy/web --container web -- python manage.py COMMAND\"");
        project.Cli.Processes.Installed.UnionWith(["kubectl", "sh"]);

        var result = project.Run("run", "migrate", "--execute");

        Assert.Equal(0, result.ExitCode);
        var command = project.Cli.Processes.Commands.Single();
        Assert.Equal("sh", command.Program);
        Assert.Equal(new[] { "-c", "kubectl --namespace app exec deploy/web --container web -- python manage.py migrate" }, command.Arguments);
    }

    [Fact]
    public void Exec_on_ecs_without_ecs_exec_says_how_to_turn_it_on()
    {
        using var project = Deployed("ecs", $"\"AppRunManagementCommand\": {System.Text.Json.JsonSerializer.Serialize(EcsRun)}");

        var result = project.Run("exec");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("set use_ecs_exec: true", result.Output);
    }

    [Fact]
    public void Without_outputs_or_the_aws_cli_run_says_to_deploy_first()
    {
        using var project = ConfigProject.Ecs();

        var result = project.Run("run", "migrate");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No outputs of stack blog", result.Output);
    }

    private static ConfigProject Deployed(string target, string outputs)
    {
        var project = new ConfigProject($"name: blog\ntarget: {target}\n{target}:\n  image_directory: {{backend}}\n");
        project.Write("cdk-outputs.json", $"{{\"blog\": {{{outputs}}}}}");
        return project;
    }
}
