using Xunit;

namespace DjangoCdk.Cli.Tests.Init;

public sealed class EnvNameScannerTests
{
    /// <summary>"NAME:required" / "NAME:optional" for every read, in order.</summary>
    private static string Reads(string source) =>
        string.Join(" ", EnvNameScanner.Scan(source).Select(r => $"{r.Name}:{(r.Required ? "required" : "optional")}"));

    [Theory]
    [InlineData("SECRET_KEY = os.environ[\"SECRET_KEY\"]", "SECRET_KEY:required")]
    [InlineData("SECRET_KEY = os.environ['SECRET_KEY']", "SECRET_KEY:required")]
    [InlineData("KEY = os.environ[ 'A_KEY' ]", "A_KEY:required")]
    [InlineData("DEBUG = os.environ.get(\"DEBUG\", \"0\") == \"1\"", "DEBUG:optional")]
    [InlineData("DSN = os.environ.get('SENTRY_DSN')", "SENTRY_DSN:required")]
    [InlineData("HOSTS = os.getenv('ALLOWED_HOSTS', 'localhost').split(',')", "ALLOWED_HOSTS:optional")]
    [InlineData("BROKER = os.getenv(\"REDIS_URL\")", "REDIS_URL:required")]
    [InlineData("X = os.environ.get(\n    \"MULTI_LINE\",\n    \"default\",\n)", "MULTI_LINE:optional")]
    [InlineData("from os import environ\nX = environ.get('BARE_GET', '')", "BARE_GET:optional")]
    [InlineData("env = environ.Env()\nSECRET_KEY = env(\"SECRET_KEY\")", "SECRET_KEY:required")]
    [InlineData("env = environ.Env()\nDEBUG = env.bool('DJANGO_DEBUG', False)", "DJANGO_DEBUG:optional")]
    [InlineData("env = environ.Env()\nDEBUG = env.bool('DJANGO_DEBUG', default=False)", "DJANGO_DEBUG:optional")]
    [InlineData("env = environ.Env()\nHOSTS = env.list(\"DJANGO_ALLOWED_HOSTS\")", "DJANGO_ALLOWED_HOSTS:required")]
    [InlineData("env = environ.Env()\nHOSTS = env.list('HOSTS', str)", "HOSTS:required")]
    [InlineData("env = environ.Env()\nHOSTS = env.list('HOSTS', default=[])", "HOSTS:optional")]
    [InlineData("env = environ.Env()\nN = env.int('WORKERS', 4)", "WORKERS:optional")]
    [InlineData("env = environ.Env()\nX = env.str(\n    \"STRIPE_API_KEY\"\n)", "STRIPE_API_KEY:required")]
    [InlineData("env = environ.Env()\nDATABASES = {'default': env.db()}", "DATABASE_URL:required")]
    [InlineData("env = environ.Env()\nDATABASES = {'default': env.db_url('PRIMARY_DB')}", "PRIMARY_DB:required")]
    [InlineData("env = environ.Env()\nCACHES = {'default': env.cache()}", "CACHE_URL:required")]
    [InlineData("env = environ.Env()\nCACHES = {'default': env.cache_url('REDIS_URL', default='redis://')}", "REDIS_URL:optional")]
    [InlineData("env = environ.Env()\nvars().update(env.email_url())", "EMAIL_URL:required")]
    [InlineData("env = environ.Env()\nX = env.json('FEATURES', {})", "FEATURES:optional")]
    [InlineData("env = environ.Env()\nX = env.path('MEDIA_PATH')", "MEDIA_PATH:required")]
    [InlineData("env = environ.Env(DEBUG=(bool, False))\nDEBUG = env('DEBUG')", "DEBUG:optional")]
    [InlineData("config = environ.Env()\nKEY = config('API_KEY')", "API_KEY:required")]
    [InlineData("DATABASES = {'default': dj_database_url.config()}", "DATABASE_URL:required")]
    [InlineData("DATABASES = {'default': dj_database_url.config(conn_max_age=600, default='sqlite:///db.sqlite3')}", "DATABASE_URL:optional")]
    [InlineData("DATABASES = {'default': dj_database_url.config(env='PRIMARY_DATABASE_URL')}", "PRIMARY_DATABASE_URL:required")]
    [InlineData("DATABASES = {'default': dj_database_url.parse(os.environ['DB_URL'])}", "DB_URL:required")]
    [InlineData("def env_str(name, default=''):\n    return os.environ.get(name, default)\n\nX = env_str('LOG_LEVEL')", "LOG_LEVEL:optional")]
    [InlineData("def must(name):\n    return os.environ[name]\n\nX = must('API_TOKEN')", "API_TOKEN:required")]
    [InlineData("def must(name):\n    return os.environ[name]\n\ndef flag(name):\n    return must(name) == '1'\n\nX = flag('FEATURE_X')", "FEATURE_X:required")]
    public void Each_call_form_gives_the_name_and_whether_it_has_a_default(string source, string expected)
    {
        Assert.Equal(expected, Reads(source));
    }

    [Theory]
    [InlineData("# SECRET_KEY = os.environ['COMMENTED']\nX = 1")]
    [InlineData("\"\"\"Docstring: os.environ['IN_DOCSTRING']\"\"\"\nX = 1")]
    [InlineData("X = os.environ.get(f'{PREFIX}_KEY')")]
    [InlineData("X = os.environ.get(NAME_VARIABLE)")]
    [InlineData("X = myos.environ.get('NOT_OS')")]
    public void Comments_docstrings_and_computed_names_are_not_reads(string source)
    {
        Assert.Empty(EnvNameScanner.Scan(source));
    }

    [Fact]
    public void A_read_reports_its_file_line_and_default()
    {
        var read = Assert.Single(EnvNameScanner.Scan("import os\n\nTZ = os.environ.get('TIME_ZONE', 'UTC')\n", "app/settings.py"));

        Assert.Equal("app/settings.py:3", read.Where);
        Assert.Equal("UTC", read.Default);
        Assert.Equal("os.environ.get()", read.Form);
    }

    [Fact]
    public void An_environ_Env_and_a_helper_defined_in_one_file_are_recognised_in_another()
    {
        // Given base.py defining `env` and a helper, and production.py using both after `from .base import *`
        var files = new Dictionary<string, string>
        {
            ["settings/base.py"] = "env = environ.Env()\ndef env_list(name, default=''):\n    return os.environ.get(name, default).split(',')\n",
            ["settings/production.py"] = "from .base import *\nKEY = env('SECRET_KEY')\nHOSTS = env_list('ALLOWED_HOSTS')\n",
        };

        // When they are scanned together
        var reads = EnvNameScanner.Scan(files);

        // Then both reads in production.py are found
        Assert.Equal(["ALLOWED_HOSTS", "SECRET_KEY"], reads.Select(r => r.Name).Order());
        Assert.All(reads, r => Assert.Equal("settings/production.py", r.File));
    }

    [Theory]
    [InlineData("environ.Env.read_env(str(BASE_DIR / '.env'))", true)]
    [InlineData("from dotenv import load_dotenv\nload_dotenv()", true)]
    [InlineData("X = 1", false)]
    public void Loading_a_dotenv_file_is_detected(string source, bool expected)
    {
        Assert.Equal(expected, EnvNameScanner.ReadsDotEnv(source));
    }

    [Fact]
    public void The_sample_backends_production_settings_require_no_variable_because_every_helper_read_has_a_default()
    {
        // Given samples/backend: every read goes through env_str/env_bool/... which default to ""
        var scan = DjangoProjectScanner.Scan(InitFixtures.Ours);

        // Then nothing is required, yet the contract names are all seen
        Assert.Empty(scan.RequiredNames);
        Assert.Contains(scan.EnvNames, n => n.Name == "DJANGO_SECRET_KEY" && n.Mapping.Kind == EnvNameKind.Contract);
        Assert.Contains(scan.EnvNames, n => n.Name == "POSTGRES_PASSWORD" && n.Reads[0].Form == "os.environ.get()");
    }

    [Fact]
    public void Required_names_are_those_the_production_settings_read_without_a_default()
    {
        var scan = DjangoProjectScanner.Scan(InitFixtures.Plain);

        Assert.Equal(["AWS_ACCESS_KEY_ID", "DATABASE_URL", "REDIS_URL", "SECRET_KEY", "SENTRY_DSN"], scan.RequiredNames.Order());
    }
}
