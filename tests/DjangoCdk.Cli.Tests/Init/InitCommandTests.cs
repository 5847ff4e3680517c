using Xunit;

namespace DjangoCdk.Cli.Tests.Init;

public sealed class InitCommandTests
{
    [Fact]
    public void Init_writes_the_config_prints_what_it_found_and_exits_0()
    {
        // Given a copy of the environ project
        using var dir = new TempDirectory();
        var project = InitFixtures.CopyTo("environ", dir.Path);

        // When init runs in it, not on a terminal
        var result = new CliRun(project).Run("init", "--no-color");

        // Then the config is written and the findings are printed
        Assert.Equal(0, result.ExitCode);
        var config = Path.Combine(project, "django-cdk.yaml");
        Assert.True(File.Exists(config));
        var yaml = InitFixtures.ParseYaml(File.ReadAllText(config));
        Assert.Equal("vue", yaml.Scalar("target"));
        Assert.Equal("environ", yaml.Scalar("name"));
        Assert.Contains("config.celery_app:app", result.Output);
        Assert.Contains("STRIPE_API_KEY", result.Output);
        Assert.Contains("NOT PROVIDED", result.Output);
        Assert.Contains("django-cdk synth", result.Output);
    }

    [Fact]
    public void Flags_set_the_target_name_domain_zone_and_preset()
    {
        using var dir = new TempDirectory();
        var project = InitFixtures.CopyTo("plain", dir.Path);

        var result = new CliRun(dir.Path).Run("init", "plain", "--yes", "--target", "ecs", "--name", "my-site", "--domain", "api.shop.example.com", "--preset", "production");

        Assert.Equal(0, result.ExitCode);
        var yaml = InitFixtures.ParseYaml(File.ReadAllText(Path.Combine(project, "django-cdk.yaml")));
        Assert.Equal("my-site", yaml.Scalar("name"));
        Assert.Equal("production", yaml.Scalar("preset"));
        Assert.Equal("api.shop.example.com", yaml.Scalar("ecs.api_domain_name"));
        Assert.Equal("shop.example.com", yaml.Scalar("ecs.zone_name"));
        Assert.Contains("django-cdk synth --config plain/django-cdk.yaml", result.Output);
    }

    [Fact]
    public void Init_refuses_to_overwrite_a_config_without_force()
    {
        // Given a project with a config already
        using var dir = new TempDirectory();
        var project = InitFixtures.CopyTo("plain", dir.Path);
        File.WriteAllText(Path.Combine(project, "django-cdk.yaml"), "name: mine\n");

        // When init runs without --force
        var result = new CliRun(project).Run("init");

        // Then it stops with exit code 1, says how to proceed, and leaves the file alone
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("already exists", result.Output);
        Assert.Contains("--force", result.Output);
        Assert.Equal("name: mine\n", File.ReadAllText(Path.Combine(project, "django-cdk.yaml")));
    }

    [Fact]
    public void Init_overwrites_a_config_with_force()
    {
        using var dir = new TempDirectory();
        var project = InitFixtures.CopyTo("plain", dir.Path);
        File.WriteAllText(Path.Combine(project, "django-cdk.yaml"), "name: mine\n");

        var result = new CliRun(project).Run("init", "--force");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("mysite", InitFixtures.ParseYaml(File.ReadAllText(Path.Combine(project, "django-cdk.yaml"))).Scalar("name"));
    }

    [Fact]
    public void The_config_option_chooses_where_the_file_goes()
    {
        using var dir = new TempDirectory();
        InitFixtures.CopyTo("plain", dir.Path);

        var result = new CliRun(dir.Path).Run("init", "plain", "--config", "deploy/prod.yaml");

        Assert.Equal(0, result.ExitCode);
        var yaml = InitFixtures.ParseYaml(File.ReadAllText(Path.Combine(dir.Path, "deploy", "prod.yaml")));
        Assert.Equal("../plain", yaml.Scalar("ecs.image_directory"));
        Assert.Contains("django-cdk synth --config deploy/prod.yaml", result.Output);
    }

    [Fact]
    public void A_folder_without_manage_py_exits_1_naming_the_folder()
    {
        using var dir = new TempDirectory();
        dir.Write("README.md", "not django");

        var result = new CliRun(dir.Path).Run("init");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("No manage.py in " + dir.Path, result.Output.Replace("\n", ""));
        Assert.False(File.Exists(Path.Combine(dir.Path, "django-cdk.yaml")));
    }

    [Fact]
    public void An_unknown_target_exits_1_listing_the_allowed_ones()
    {
        using var dir = new TempDirectory();

        var result = new CliRun(dir.Path).Run("init", "--target", "lambda");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ecs, vue, static, eks, ec2, s3", result.Output);
    }

    [Theory]
    [InlineData("--name", "1blog")]
    [InlineData("--name", "my_blog")]
    [InlineData("--preset", "huge")]
    [InlineData("--domain", "https://example.com")]
    [InlineData("--zone", "example.com")]
    public void A_bad_flag_value_exits_1(string flag, string value)
    {
        using var dir = new TempDirectory();

        var result = new CliRun(dir.Path).Run("init", flag, value);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(flag, result.Output);
    }

    [Fact]
    public void A_domain_outside_the_zone_is_refused()
    {
        var settings = new DjangoCdk.Cli.Commands.InitSettings { Domain = "api.example.com", Zone = "other.org" };

        Assert.False(settings.Validate().Successful);
    }
}
