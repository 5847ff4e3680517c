using Xunit;

namespace DjangoCdk.Cli.Tests.Init;

public sealed class DjangoProjectScannerTests
{
    private static DjangoProjectScan Scan(string project) => DjangoProjectScanner.Scan(InitFixtures.Project(project));

    [Theory]
    [InlineData("ours", "backend.settings.production", true)]
    [InlineData("environ", "config.settings.production", true)]
    [InlineData("plain", "mysite.settings_production", true)]
    public void The_production_settings_module_is_found_beside_the_default_one(string project, string module, bool production)
    {
        // Given a project whose manage.py defaults to some settings module
        // When it is scanned
        var scan = Scan(project);

        // Then the production module is chosen
        Assert.Equal(module, scan.SettingsModule);
        Assert.Equal(production, scan.ProductionSettingsFound);
    }

    [Fact]
    public void Without_a_production_module_the_default_settings_module_is_kept_and_every_settings_file_is_scanned()
    {
        // Given a project with settings/base.py and settings/dev.py only, dev the default
        using var dir = new TempDirectory();
        dir.Write("manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site1.settings.dev')\n");
        dir.Write("site1/__init__.py", "");
        dir.Write("site1/settings/__init__.py", "");
        dir.Write("site1/settings/base.py", "SECRET_KEY = os.environ['SECRET_KEY']\n");
        dir.Write("site1/settings/dev.py", "from .base import *\n");
        dir.Write("site1/settings/staging.py", "API_TOKEN = os.environ['API_TOKEN']\n");

        // When it is scanned
        var scan = DjangoProjectScanner.Scan(dir.Path);

        // Then the default module is kept, and the names of every settings module are reported
        Assert.Equal("site1.settings.dev", scan.SettingsModule);
        Assert.False(scan.ProductionSettingsFound);
        Assert.Contains("API_TOKEN", scan.RequiredNames);
    }

    [Fact]
    public void The_settings_a_production_module_imports_are_scanned_and_the_local_ones_are_not()
    {
        // Given environ: production.py does `from .base import *`; local.py reads LOCAL_INTERNAL_IPS
        // When it is scanned
        var scan = Scan("environ");

        // Then base.py's names are there and local.py's are not
        Assert.Equal(["config/settings/production.py", "config/settings/base.py"], scan.SettingsFiles);
        Assert.Contains(scan.EnvNames, n => n.Name == "SECRET_KEY");
        Assert.DoesNotContain(scan.EnvNames, n => n.Name == "LOCAL_INTERNAL_IPS");
    }

    [Fact]
    public void An_absolute_star_import_of_the_base_settings_is_followed()
    {
        // Given plain: settings_production.py does `from mysite.settings import *`
        var scan = Scan("plain");

        // Then settings.py is scanned too
        Assert.Equal(["mysite/settings_production.py", "mysite/settings.py"], scan.SettingsFiles);
    }

    [Theory]
    [InlineData("ours", "backend.celery_app:app")]
    [InlineData("environ", "config.celery_app:app")]
    [InlineData("plain", "mysite.celery:celery_app")]
    public void The_Celery_app_is_the_module_and_variable_that_call_Celery(string project, string app)
    {
        Assert.Equal(app, Scan(project).CeleryApp);
    }

    [Theory]
    [InlineData("ours", true)]      // CELERY_BEAT_SCHEDULE in base.py
    [InlineData("environ", true)]   // django-celery-beat in the requirements
    [InlineData("plain", false)]
    public void Celery_beat_is_used_when_the_project_schedules_periodic_tasks(string project, bool beat)
    {
        Assert.Equal(beat, Scan(project).UseCeleryBeat);
    }

    [Theory]
    [InlineData("ours", "celery", "")]
    [InlineData("environ", "celery", "emails,reports")]   // task_routes and @shared_task(queue=...)
    [InlineData("plain", "default", "reports")]           // task_default_queue and @app.task(queue=...)
    public void Queues_come_from_task_routes_and_queue_arguments(string project, string defaultQueue, string queues)
    {
        var scan = Scan(project);

        Assert.Equal(defaultQueue, scan.DefaultQueue);
        Assert.Equal(queues.Length == 0 ? [] : queues.Split(','), scan.Queues);
    }

    [Fact]
    public void Each_queue_gets_its_own_worker_beside_the_default_one()
    {
        var workers = Scan("environ").Workers;

        Assert.Equal(["default", "emails", "reports"], workers.Select(w => w.Name));
        Assert.Equal(["celery"], workers[0].Queues);
        Assert.Equal(["emails"], workers[1].Queues);
    }

    [Theory]
    [InlineData("ours", null, 8000, true)]
    [InlineData("environ", "production", 5000, false)]
    [InlineData("plain", null, 8080, true)]
    public void The_Dockerfile_gives_the_target_stage_the_port_and_whether_it_has_a_command(string project, string? target, int port, bool hasCommand)
    {
        var dockerfile = Scan(project).Dockerfile;

        Assert.NotNull(dockerfile);
        Assert.Equal("Dockerfile", dockerfile.Path);
        Assert.Equal(target, dockerfile.Target);
        Assert.Equal(port, dockerfile.ExposedPort);
        Assert.Equal(hasCommand, dockerfile.HasCommand);
    }

    [Theory]
    [InlineData("FROM python:3.12 AS build\nFROM python:3.12-slim AS runtime\nFROM runtime AS dev\n", "runtime")]
    [InlineData("FROM python:3.12 AS build\nFROM python:3.12-slim AS final\n", "final")]
    [InlineData("FROM python:3.12 AS build\nFROM python:3.12-slim\n", null)]
    [InlineData("FROM python:3.12-slim\n", null)]
    [InlineData("FROM --platform=$BUILDPLATFORM python:3.12 as base\nFROM base as Prod\nCMD [\"x\"]\n", "Prod")]
    public void The_Docker_target_is_a_production_stage_else_the_last_named_one(string text, string? target)
    {
        Assert.Equal(target, DockerfileInfo.Parse("Dockerfile", text).Target);
    }

    [Fact]
    public void A_stage_inherits_the_command_and_port_of_the_stage_it_builds_on()
    {
        var info = DockerfileInfo.Parse("Dockerfile", "FROM python:3.12 AS base\nEXPOSE 9000\nCMD [\"gunicorn\"]\nFROM base AS production\nRUN true\n");

        Assert.Equal(9000, info.ExposedPort);
        Assert.True(info.HasCommand);
    }

    [Fact]
    public void A_package_json_with_a_build_script_is_a_frontend_and_suggests_target_vue()
    {
        var scan = Scan("environ");

        Assert.NotNull(scan.Frontend);
        Assert.Equal("frontend/dist", scan.Frontend.DistPath);
        Assert.True(scan.Frontend.DistExists);
        Assert.Equal("vue", scan.SuggestedTarget);
    }

    [Theory]
    [InlineData("ours", "/api/health-check/")]   // HEALTH_CHECK_PATH's default in base.py (urls.py routes the setting)
    [InlineData("environ", "/health/")]          // path("health/", ...)
    [InlineData("plain", "/healthz/")]           // re_path(r"^healthz/?$", ...)
    public void The_health_check_path_comes_from_urls_py_or_the_setting(string project, string path)
    {
        Assert.Equal(path, Scan(project).HealthCheckPath);
    }

    [Theory]
    [InlineData("ours", true)]
    [InlineData("environ", true)]
    [InlineData("plain", false)]
    public void Collectstatic_is_a_release_command_only_with_STATIC_ROOT(string project, bool collectstatic)
    {
        var scan = Scan(project);

        Assert.Equal(collectstatic, scan.ReleaseCommands.Contains("python manage.py collectstatic --no-input"));
        Assert.Equal("python manage.py migrate --no-input", scan.ReleaseCommands[0]);
    }

    [Fact]
    public void Without_a_CMD_the_web_command_is_gunicorn_with_uvicorns_worker_when_uvicorn_is_required()
    {
        var scan = Scan("environ");

        Assert.Equal(["gunicorn", "config.asgi:application", "-k", "uvicorn.workers.UvicornWorker", "--bind", "0.0.0.0:5000"], scan.WebCommand);
    }

    [Fact]
    public void Without_a_CMD_or_uvicorn_the_web_command_is_gunicorn_on_the_wsgi_application()
    {
        using var dir = new TempDirectory();
        dir.Write("manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'web.settings')\n");
        dir.Write("web/settings.py", "WSGI_APPLICATION = 'web.wsgi.application'\n");
        dir.Write("Dockerfile", "FROM python:3.12-slim\nCOPY . .\n");

        var scan = DjangoProjectScanner.Scan(dir.Path);

        Assert.Equal(["gunicorn", "web.wsgi:application", "--bind", "0.0.0.0:8000"], scan.WebCommand);
    }

    [Fact]
    public void With_a_CMD_no_web_command_is_proposed()
    {
        Assert.Null(Scan("ours").WebCommand);
    }

    [Fact]
    public void Requirements_are_read_from_a_requirements_folder_with_normalised_names()
    {
        var requirements = Scan("environ").Requirements;

        Assert.Contains("django-environ", requirements);
        Assert.Contains("django-celery-beat", requirements);
        Assert.Contains("gunicorn", requirements);
        Assert.Contains("psycopg", requirements);
    }

    [Fact]
    public void The_stack_name_is_the_project_package_or_the_folder_when_the_package_is_generic()
    {
        Assert.Equal("backend", Scan("ours").SuggestedName);
        Assert.Equal("environ", Scan("environ").SuggestedName);   // the package is "config"
        Assert.Equal("mysite", Scan("plain").SuggestedName);
    }

    [Fact]
    public void A_folder_without_manage_py_is_an_error_that_names_the_folder()
    {
        using var dir = new TempDirectory();
        dir.Write("app/models.py", "");

        var error = Assert.Throws<CliException>(() => DjangoProjectScanner.Scan(dir.Path));

        Assert.Contains(dir.Path, error.Message);
        Assert.Contains("manage.py", error.Message);
    }

    [Fact]
    public void Manage_py_in_an_immediate_subfolder_is_found()
    {
        using var dir = new TempDirectory();
        dir.Write("backend/manage.py", "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'api.settings')\n");
        dir.Write("backend/api/settings.py", "DEBUG = False\n");

        var scan = DjangoProjectScanner.Scan(dir.Path);

        Assert.Equal(Path.Combine(dir.Path, "backend"), scan.ProjectRoot);
        Assert.Equal("api.settings", scan.SettingsModule);
    }

    [Fact]
    public void A_dotenv_file_loaded_by_the_settings_is_reported()
    {
        Assert.True(Scan("environ").ReadsDotEnv);
        Assert.False(Scan("plain").ReadsDotEnv);
    }
}
