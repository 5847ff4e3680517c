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
}
