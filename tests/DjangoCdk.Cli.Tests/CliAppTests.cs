using Xunit;

namespace DjangoCdk.Cli.Tests;

public sealed class CliAppTests
{
    [Fact]
    public void An_unknown_command_is_a_user_error_with_exit_code_1()
    {
        using var dir = new TempDirectory();

        var result = new CliRun(dir.Path).Run("deploi");

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void An_unexpected_error_prints_a_bug_notice_and_exits_70()
    {
        using var project = ConfigProject.Ecs();
        project.Cli.Processes.Throw = new InvalidOperationException("boom");

        var result = project.Run("diff");

        Assert.Equal((int)ExitCode.InternalError, result.ExitCode);
        Assert.Contains("This is a bug in django-cdk", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
    }

    [Fact]
    public void Verbose_adds_the_stack_trace_of_an_unexpected_error()
    {
        using var project = ConfigProject.Ecs();
        project.Cli.Processes.Throw = new InvalidOperationException("boom");

        var result = project.Run("diff", "--verbose");

        Assert.Contains("   at ", result.Output);
    }

    [Fact]
    public void No_color_draws_tables_in_plain_ascii()
    {
        using var project = new ConfigProject("name: site\ntarget: s3\ns3: {}\n");

        var result = project.Run("synth", "--no-color");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("+--", result.Output);
        Assert.DoesNotContain("╭", result.Output);
        Assert.DoesNotContain("\u001b[", result.Output);
    }
}
