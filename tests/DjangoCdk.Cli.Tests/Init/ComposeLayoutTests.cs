using Xunit;

namespace DjangoCdk.Cli.Tests.Init;

/// <summary>
/// A project laid out like cookiecutter-django: Dockerfiles per service under compose/production, an ENTRYPOINT
/// wrapper and no CMD, the server started by the production compose file's command, AWS keys read without a default.
/// </summary>
public sealed class ComposeLayoutTests : IDisposable
{
    private readonly TempDirectory _project = new();

    public ComposeLayoutTests()
    {
        _project.Write("manage.py", "import os\nos.environ.setdefault(\"DJANGO_SETTINGS_MODULE\", \"config.settings.local\")\n");
        _project.Write("config/__init__.py", "");
        _project.Write("config/settings/__init__.py", "");
        _project.Write("config/settings/base.py", "import environ\nenv = environ.Env()\nDATABASES = {\"default\": env.db(\"DATABASE_URL\")}\n");
        _project.Write("config/settings/production.py",
            "from .base import *\nfrom .base import env\nSECRET_KEY = env(\"DJANGO_SECRET_KEY\")\n" +
            "AWS_ACCESS_KEY_ID = env(\"DJANGO_AWS_ACCESS_KEY_ID\")\nAWS_SECRET_ACCESS_KEY = env(\"DJANGO_AWS_SECRET_ACCESS_KEY\")\n");
        _project.Write("config/wsgi.py", "application = None\n");
        _project.Write("compose/production/aws/Dockerfile", "FROM amazon/aws-cli:2\n");
        _project.Write("compose/production/django/Dockerfile",
            "FROM python:3.13-slim AS python-run-stage\nCOPY requirements /requirements\nRUN pip install -r /requirements/production.txt\n" +
            "COPY ./compose/production/django/entrypoint /entrypoint\nCOPY ./compose/production/django/start /start\nENTRYPOINT [\"/entrypoint\"]\n");
        _project.Write("compose/production/django/start", "#!/bin/bash\nexec gunicorn config.wsgi --bind 0.0.0.0:5000 --chdir=/app\n");
        _project.Write("docker-compose.production.yml",
            "services:\n  django:\n    build:\n      context: .\n      dockerfile: ./compose/production/django/Dockerfile\n    command: /start\n" +
            "  celeryworker:\n    build:\n      context: .\n      dockerfile: ./compose/production/django/Dockerfile\n    command: /start-celeryworker\n");
    }

    [Fact]
    public void The_django_dockerfile_is_chosen_over_its_neighbours_and_built_from_the_project_root()
    {
        var scan = DjangoProjectScanner.Scan(_project.Path);

        Assert.Equal("compose/production/django/Dockerfile", scan.Dockerfile!.Path);
        Assert.Equal(_project.Path, scan.ImageDirectory);
    }

    [Fact]
    public void An_entrypoint_wrapper_without_cmd_takes_the_web_command_of_the_compose_file()
    {
        var scan = DjangoProjectScanner.Scan(_project.Path);

        Assert.False(scan.Dockerfile!.HasCommand);
        Assert.Equal(["/start"], scan.WebCommand);
    }

    [Fact]
    public void The_container_port_is_the_one_the_start_script_binds()
    {
        var scan = DjangoProjectScanner.Scan(_project.Path);

        Assert.Equal(5000, scan.ContainerPort);
    }

    [Fact]
    public void Aws_keys_the_settings_require_are_written_empty_so_the_role_signs()
    {
        var scan = DjangoProjectScanner.Scan(_project.Path);

        var yaml = InitFixtures.ParseYaml(ConfigWriter.Write(scan, new InitChoices("site", "ecs", "starter", null, null), _project.Path));

        Assert.Equal("", yaml.Scalar("ecs.environment_variables.DJANGO_AWS_ACCESS_KEY_ID"));
        Assert.Equal("", yaml.Scalar("ecs.environment_variables.DJANGO_AWS_SECRET_ACCESS_KEY"));
        Assert.Equal("compose/production/django/Dockerfile", yaml.Scalar("ecs.dockerfile"));
    }

    public void Dispose() => _project.Dispose();
}
