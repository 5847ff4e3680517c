using Spectre.Console.Testing;
using Xunit;

namespace DjangoCdk.Cli.Tests.Init;

public sealed class InitPromptTests
{
    private static (int ExitCode, string Output) RunInteractive(string directory, Action<TestConsoleInput> answers, params string[] args) =>
        RunInteractive(directory, ansi: true, answers, args);

    private static (int ExitCode, string Output) RunInteractive(string directory, bool ansi, Action<TestConsoleInput> answers, params string[] args)
    {
        var console = new TestConsole().Width(200);
        console.Profile.Capabilities.Ansi = ansi;
        console.Profile.Capabilities.Interactive = true;
        answers(console.Input);
        var services = new CliServices(new FakeProcessRunner(), _ => null, directory, new DateOnly(2026, 11, 26), console, Interactive: true);
        var exitCode = CliApp.Create(services).Run(args);
        return (exitCode, console.Output);
    }

    [Fact]
    public void On_a_terminal_init_asks_the_target_name_preset_domain_and_zone()
    {
        // Given a copy of the plain project, on a terminal
        using var dir = new TempDirectory();
        var project = InitFixtures.CopyTo("plain", dir.Path);

        // When the user keeps the detected target, names the stack, picks production, gives a domain and keeps the zone
        var (exitCode, output) = RunInteractive(project, input =>
        {
            input.PushKey(ConsoleKey.Enter);
            input.PushTextWithEnter("shop-web");
            input.PushKey(ConsoleKey.DownArrow);
            input.PushKey(ConsoleKey.Enter);
            input.PushTextWithEnter("api.shop.example.com");
            input.PushKey(ConsoleKey.Enter);
        }, "init");

        // Then the answers are in the config
        Assert.True(exitCode == 0, output);
        var yaml = InitFixtures.ParseYaml(File.ReadAllText(Path.Combine(project, "django-cdk.yaml")));
        Assert.Equal("ecs", yaml.Scalar("target"));
        Assert.Equal("shop-web", yaml.Scalar("name"));
        Assert.Equal("production", yaml.Scalar("preset"));
        Assert.Equal("api.shop.example.com", yaml.Scalar("ecs.api_domain_name"));
        Assert.Equal("shop.example.com", yaml.Scalar("ecs.zone_name"));
    }

    [Fact]
    public void Without_ANSI_support_choices_are_typed_instead_of_selected()
    {
        // Given a terminal without ANSI codes (--no-color, NO_COLOR), where a selection list cannot be drawn
        using var dir = new TempDirectory();
        var project = InitFixtures.CopyTo("plain", dir.Path);

        // When the user types the target and preset, accepts the default name and gives no domain
        var (exitCode, output) = RunInteractive(project, ansi: false, input =>
        {
            input.PushTextWithEnter("ec2");
            input.PushTextWithEnter("");
            input.PushTextWithEnter("production");
            input.PushTextWithEnter("");
        }, "init");

        // Then the typed answers are in the config
        Assert.True(exitCode == 0, output);
        var yaml = InitFixtures.ParseYaml(File.ReadAllText(Path.Combine(project, "django-cdk.yaml")));
        Assert.Equal("ec2", yaml.Scalar("target"));
        Assert.Equal("mysite", yaml.Scalar("name"));
        Assert.Equal("production", yaml.Scalar("preset"));
        Assert.Null(yaml.At("ec2.domain_name"));
    }

    [Fact]
    public void With_yes_init_asks_nothing_even_on_a_terminal()
    {
        // Given a terminal with no answers queued
        using var dir = new TempDirectory();
        var project = InitFixtures.CopyTo("plain", dir.Path);

        // When init runs with --yes
        var (exitCode, _) = RunInteractive(project, _ => { }, "init", "--yes");

        // Then it completes with the detected values
        Assert.Equal(0, exitCode);
        Assert.Equal("mysite", InitFixtures.ParseYaml(File.ReadAllText(Path.Combine(project, "django-cdk.yaml"))).Scalar("name"));
    }
}
