using YamlDotNet.RepresentationModel;
using Xunit;

namespace DjangoCdk.Cli.Tests.Init;

public sealed class ConfigWriterTests
{
    private static (string Text, YamlMappingNode Yaml) Write(string project, InitChoices choices)
    {
        var scan = DjangoProjectScanner.Scan(InitFixtures.Project(project));
        var text = ConfigWriter.Write(scan, choices, scan.Directory);
        return (text, InitFixtures.ParseYaml(text));
    }

    [Theory]
    [InlineData("ours", "ecs")]
    [InlineData("environ", "vue")]
    [InlineData("plain", "ecs")]
    [InlineData("plain", "eks")]
    [InlineData("plain", "ec2")]
    [InlineData("environ", "static")]
    [InlineData("plain", "s3")]
    public void The_config_is_valid_YAML_with_the_fixed_keys_first(string project, string target)
    {
        var (text, yaml) = Write(project, new InitChoices("blog", target, "starter"));

        Assert.StartsWith("# yaml-language-server: $schema=./django-cdk.schema.json\n", text);
        Assert.Equal("blog", yaml.Scalar("name"));
        Assert.Equal(target, yaml.Scalar("target"));
        Assert.Equal("starter", yaml.Scalar("preset"));
        Assert.NotNull(yaml.At(target));
    }

    [Fact]
    public void The_ecs_section_holds_what_was_detected_in_snake_case()
    {
        // Given the sample backend
        // When its config is written for ecs with a domain
        var (_, yaml) = Write("ours", new InitChoices("ublog", "ecs", "starter", "api.example.com", "example.com"));

        // Then the detected values are the construct's props
        Assert.Equal(".", yaml.Scalar("ecs.image_directory"));
        Assert.Equal("Dockerfile", yaml.Scalar("ecs.dockerfile"));
        Assert.Equal("backend.settings.production", yaml.Scalar("ecs.settings_module"));
        Assert.Equal("backend.celery_app:app", yaml.Scalar("ecs.celery_app"));
        Assert.Equal("true", yaml.Scalar("ecs.use_celery_beat"));
        Assert.Equal("/api/health-check/", yaml.Scalar("ecs.health_check_path"));
        Assert.Equal("8000", yaml.Scalar("ecs.container_port"));
        Assert.Equal("api.example.com", yaml.Scalar("ecs.api_domain_name"));
        Assert.Equal("example.com", yaml.Scalar("ecs.zone_name"));
        var release = Assert.IsType<YamlSequenceNode>(yaml.At("ecs.release_commands"));
        Assert.Equal(["python manage.py migrate --no-input", "python manage.py collectstatic --no-input"], release.Children.Select(c => ((YamlScalarNode)c).Value));
        Assert.Null(yaml.At("ecs.web_command"));
        Assert.Null(yaml.At("ecs.docker_target"));
    }

    [Theory]
    [InlineData("ecs", "ecs")]
    [InlineData("vue", "vue.django")]
    public void An_ecs_app_says_where_alarm_emails_go_and_the_lines_bind_once_uncommented(string target, string section)
    {
        // Given the config written for an app on ECS (vue's Django side included)
        var (text, _) = Write("environ", new InitChoices("blog", target, "starter", "app.example.com", "example.com"));
        Assert.Contains("#   alarm_emails: [ops@example.com]", text);

        // When its monitoring lines are uncommented
        var uncommented = text.Replace("# monitoring:\n", "monitoring:\n", StringComparison.Ordinal).Replace("#   alarm_emails:", "  alarm_emails:", StringComparison.Ordinal);
        var yaml = InitFixtures.ParseYaml(uncommented);

        // Then the emails are under the app's section
        var emails = Assert.IsType<YamlSequenceNode>(yaml.At(section + ".monitoring.alarm_emails"));
        Assert.Equal("ops@example.com", ((YamlScalarNode)emails.Children.Single()).Value);
    }

    [Fact]
    public void An_eks_app_has_no_monitoring_lines()
    {
        var (text, _) = Write("plain", new InitChoices("blog", "eks", "starter", "app.example.com", "example.com"));

        Assert.DoesNotContain("monitoring:", text);
        Assert.DoesNotContain("scale_to_zero", text);
    }

    [Fact]
    public void Workers_are_written_one_per_queue()
    {
        var (_, yaml) = Write("plain", new InitChoices("mysite", "ecs", "starter"));

        var workers = Assert.IsType<YamlSequenceNode>(yaml.At("ecs.celery_workers"));
        Assert.Equal(2, workers.Children.Count);
        var reports = (YamlMappingNode)workers.Children[1];
        Assert.Equal("reports", reports.Scalar("name"));
        Assert.Equal("reports", ((YamlScalarNode)((YamlSequenceNode)reports.At("queues")!).Children[0]).Value);
    }

    [Fact]
    public void A_project_without_Celery_gets_no_worker_and_no_beat()
    {
        using var dir = new TempDirectory();
        dir.Write("manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'web.settings')\n");
        dir.Write("web/settings.py", "WSGI_APPLICATION = 'web.wsgi.application'\n");
        var scan = DjangoProjectScanner.Scan(dir.Path);

        var yaml = InitFixtures.ParseYaml(ConfigWriter.Write(scan, new InitChoices("web", "ecs", "starter"), dir.Path));

        Assert.Empty(Assert.IsType<YamlSequenceNode>(yaml.At("ecs.celery_workers")).Children);
        Assert.Equal("false", yaml.Scalar("ecs.use_celery_beat"));
        Assert.Null(yaml.At("ecs.celery_app"));
    }

    [Fact]
    public void Aliases_map_the_projects_names_and_never_a_contract_name()
    {
        var (_, yaml) = Write("environ", new InitChoices("shop", "ecs", "starter"));

        var aliases = Assert.IsType<YamlMappingNode>(yaml.At("ecs.environment_aliases"));
        var map = aliases.Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value);
        Assert.Equal("DJANGO_SECRET_KEY", map["SECRET_KEY"]);
        Assert.Equal("DATABASE_URL", map["DATABASE_URL"]);
        Assert.Equal("REDIS_URL", map["CELERY_BROKER_URL"]);
        Assert.Equal("ALLOWED_HOSTS", map["DJANGO_ALLOWED_HOSTS"]);
        Assert.DoesNotContain(map.Keys, EnvironmentContract.ProvidedNames.ContainsKey);
    }

    [Fact]
    public void Unprovided_names_are_commented_TODO_entries_and_never_values()
    {
        var (text, yaml) = Write("environ", new InitChoices("shop", "ecs", "starter"));

        Assert.Contains("#   STRIPE_API_KEY: shop/stripe-api-key   # required: config/settings/production.py:18", text);
        Assert.Contains("#   EMAIL_HOST: \"...\"   # optional, has a default: config/settings/production.py:21", text);
        Assert.Empty(Assert.IsType<YamlMappingNode>(yaml.At("ecs.secrets")).Children);
        Assert.Empty(Assert.IsType<YamlMappingNode>(yaml.At("ecs.environment_variables")).Children);
    }

    [Fact]
    public void AWS_keys_are_explained_as_provided_by_the_IAM_role()
    {
        var (text, _) = Write("plain", new InitChoices("mysite", "ecs", "starter"));

        Assert.Contains("# AWS_ACCESS_KEY_ID: not needed, the task's IAM role provides AWS credentials", text);
        Assert.DoesNotContain("AWS_ACCESS_KEY_ID: \"...\"", text);
    }

    [Fact]
    public void The_vue_section_nests_django_and_the_frontend_build_folder()
    {
        var (_, yaml) = Write("environ", new InitChoices("shop", "vue", "production", "shop.example.com", "example.com"));

        Assert.Equal("shop.example.com", yaml.Scalar("vue.domain_name"));
        Assert.Equal("example.com", yaml.Scalar("vue.zone_name"));
        Assert.Equal("production", yaml.Scalar("vue.django.docker_target"));
        Assert.Equal("config.settings.production", yaml.Scalar("vue.django.settings_module"));
        Assert.Equal("frontend/dist", yaml.Scalar("vue.frontend.path_to_dist"));
        Assert.Null(yaml.At("vue.django.api_domain_name"));
        var web = Assert.IsType<YamlSequenceNode>(yaml.At("vue.django.web_command"));
        Assert.Equal(["gunicorn", "config.asgi:application", "-k", "uvicorn.workers.UvicornWorker", "--bind", "0.0.0.0:5000"],
            web.Children.Select(c => ((YamlScalarNode)c).Value));
    }

    [Fact]
    public void Vue_without_a_domain_leaves_a_TODO_rather_than_a_made_up_domain()
    {
        var (text, yaml) = Write("environ", new InitChoices("shop", "vue", "starter"));

        Assert.Null(yaml.At("vue.domain_name"));
        Assert.Contains("# TODO required: domain_name: app.example.com", text);
    }

    [Fact]
    public void The_ec2_section_has_only_the_keys_DockerEc2_takes()
    {
        var (_, yaml) = Write("plain", new InitChoices("mysite", "ec2", "starter", "app.example.com", "example.com"));

        var keys = Assert.IsType<YamlMappingNode>(yaml.At("ec2")).Children.Keys.Select(k => ((YamlScalarNode)k).Value).ToList();
        Assert.Equal(["image_directory", "dockerfile", "domain_name", "zone_name", "use_celery_beat", "settings_module", "health_check_path", "environment_variables", "environment_aliases"], keys);
    }

    [Fact]
    public void Paths_are_relative_to_the_config_files_folder()
    {
        // Given the config written one folder above the project
        var scan = DjangoProjectScanner.Scan(InitFixtures.Environ);
        var parent = Path.GetDirectoryName(InitFixtures.Environ)!;

        var yaml = InitFixtures.ParseYaml(ConfigWriter.Write(scan, new InitChoices("shop", "vue", "starter", "a.example.com", "example.com"), parent));

        Assert.Equal("environ", yaml.Scalar("vue.django.image_directory"));
        Assert.Equal("environ/frontend/dist", yaml.Scalar("vue.frontend.path_to_dist"));
    }

    [Fact]
    public void A_default_settings_module_is_written_with_a_comment_saying_no_production_one_was_found()
    {
        using var dir = new TempDirectory();
        dir.Write("manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'web.settings')\n");
        dir.Write("web/settings.py", "DEBUG = True\n");
        var scan = DjangoProjectScanner.Scan(dir.Path);

        var text = ConfigWriter.Write(scan, new InitChoices("web", "ecs", "starter"), dir.Path);

        Assert.Contains("# No production settings module was found", text);
        Assert.Equal("web.settings", InitFixtures.ParseYaml(text).Scalar("ecs.settings_module"));
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("0.0.0.0:8000")]
    [InlineData("a: b")]
    [InlineData("say \"hi\"")]
    [InlineData(".")]
    [InlineData("#x")]
    public void A_scalar_reads_back_as_the_same_string(string value)
    {
        var yaml = InitFixtures.ParseYaml("key: " + ConfigWriter.Scalar(value) + "\n");

        Assert.Equal(value, yaml.Scalar("key"));
    }
}
