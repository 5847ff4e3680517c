namespace DjangoCdk.Cli;

/// <summary>
/// What <see cref="DjangoProjectScanner"/> found in a Django project: the settings, the Celery app, the Dockerfile,
/// a frontend, the requirements and every environment variable the production settings read. Paths are full paths
/// unless a member says otherwise.
/// </summary>
public sealed record DjangoProjectScan
{
    /// <summary>The folder init was pointed at.</summary>
    public required string Directory { get; init; }

    /// <summary>The folder holding manage.py (the project root; Python modules are relative to it).</summary>
    public required string ProjectRoot { get; init; }

    /// <summary>The folder the image is built from: the Dockerfile's folder, or the project root without one.</summary>
    public required string ImageDirectory { get; init; }

    /// <summary>The DJANGO_SETTINGS_MODULE default set in manage.py (or wsgi.py / asgi.py); null when none is set.</summary>
    public string? DefaultSettingsModule { get; init; }

    /// <summary>The settings module to deploy: the production one when found, else <see cref="DefaultSettingsModule"/>.</summary>
    public string? SettingsModule { get; init; }

    /// <summary>Whether <see cref="SettingsModule"/> is a production module (settings/production.py, settings_prod.py, ...).</summary>
    public bool ProductionSettingsFound { get; init; }

    /// <summary>The settings files scanned for variables (the production module and what it imports), relative to the project root.</summary>
    public IReadOnlyList<string> SettingsFiles { get; init; } = [];

    /// <summary>The WSGI application as gunicorn takes it ("blog.wsgi:application"), or null.</summary>
    public string? WsgiApplication { get; init; }

    /// <summary>The ASGI application ("blog.asgi:application"), or null.</summary>
    public string? AsgiApplication { get; init; }

    /// <summary>The Celery app as <c>celery -A</c> takes it ("blog.celery:app"), or null when the project has none.</summary>
    public string? CeleryApp { get; init; }

    /// <summary>Whether the project schedules periodic tasks (django-celery-beat, a beat schedule, add_periodic_task).</summary>
    public bool UseCeleryBeat { get; init; }

    /// <summary>The queue tasks go to unless routed (Celery's "celery" unless task_default_queue says otherwise).</summary>
    public string DefaultQueue { get; init; } = "celery";

    /// <summary>The other queues named in task_routes or <c>queue=</c>, sorted.</summary>
    public IReadOnlyList<string> Queues { get; init; } = [];

    /// <summary>The Dockerfile, or null when none was found.</summary>
    public DockerfileInfo? Dockerfile { get; init; }

    /// <summary>A single-page app with a build script, or null.</summary>
    public FrontendInfo? Frontend { get; init; }

    /// <summary>The Python packages required (normalised: lower case, '-' for '_'), from requirements*.txt, pyproject.toml and Pipfile.</summary>
    public IReadOnlySet<string> Requirements { get; init; } = new HashSet<string>();

    /// <summary>The health-check path (from urls.py, or the HEALTH_CHECK_PATH setting's default), or null.</summary>
    public string? HealthCheckPath { get; init; }

    /// <summary>Whether the settings set STATIC_ROOT (so the release runs collectstatic).</summary>
    public bool HasStaticRoot { get; init; }

    /// <summary>Whether the settings load a .env file (environ.Env.read_env, load_dotenv); the file is not deployed.</summary>
    public bool ReadsDotEnv { get; init; }

    /// <summary>Every environment read in <see cref="SettingsFiles"/>.</summary>
    public IReadOnlyList<EnvRead> EnvReads { get; init; } = [];

    /// <summary>The findings, for the table init prints.</summary>
    public IReadOnlyList<ScanFinding> Findings { get; init; } = [];

    /// <summary>The variables the settings read, one entry per name, sorted by name, with what provides each.</summary>
    public IReadOnlyList<EnvNameUse> EnvNames =>
        EnvReads.GroupBy(r => r.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new EnvNameUse(g.Key, g.ToList(), EnvironmentContract.Map(g.Key))).ToList();

    /// <summary>The names the production settings read without a default: each must be set on AWS.</summary>
    public IReadOnlySet<string> RequiredNames =>
        EnvReads.Where(r => r.Required).Select(r => r.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The names nothing provides: the config must set them (environment_variables or secrets).</summary>
    public IReadOnlyList<EnvNameUse> UnprovidedNames => EnvNames.Where(n => !n.Mapping.Provided).ToList();

    /// <summary>The aliases the config needs: project name → contract value.</summary>
    public IReadOnlyDictionary<string, string> Aliases =>
        EnvNames.Where(n => n.Mapping.Kind == EnvNameKind.Alias).ToDictionary(n => n.Name, n => n.Mapping.ProvidedBy!, StringComparer.Ordinal);

    /// <summary>The Celery workers to propose: "default" on <see cref="DefaultQueue"/>, plus one per other queue, named after it.</summary>
    public IReadOnlyList<CeleryWorkerPlan> Workers
    {
        get
        {
            if (CeleryApp is null) return [];
            var workers = new List<CeleryWorkerPlan> { new("default", [DefaultQueue]) };
            foreach (var queue in Queues.Where(q => q != DefaultQueue))
            {
                var name = WorkerName(queue);
                if (workers.Any(w => w.Name == name)) name += "-" + workers.Count;
                workers.Add(new CeleryWorkerPlan(name, [queue]));
            }

            return workers;
        }
    }

    /// <summary>The production compose file's web service, when the Dockerfile has no CMD and one starts the server.</summary>
    public ComposeWebService? ComposeWeb { get; init; }

    /// <summary>The port the web container listens on: the compose start script's bind, the Dockerfile's EXPOSE, else 8000.</summary>
    public int ContainerPort => ComposeWeb?.Port ?? Dockerfile?.ExposedPort ?? 8000;

    /// <summary>
    /// The web command, only when the image has no CMD: gunicorn on the WSGI app, or on the ASGI app with uvicorn's
    /// worker when uvicorn is a requirement; null when the image has a CMD or no application was found.
    /// </summary>
    public IReadOnlyList<string>? WebCommand
    {
        get
        {
            if (Dockerfile?.HasCommand == true) return null;
            if (ComposeWeb is not null) return ComposeWeb.Command;
            var bind = $"0.0.0.0:{ContainerPort}";
            if (AsgiApplication is not null && Requirements.Contains("uvicorn"))
                return ["gunicorn", AsgiApplication, "-k", "uvicorn.workers.UvicornWorker", "--bind", bind];
            return WsgiApplication is null ? null : ["gunicorn", WsgiApplication, "--bind", bind];
        }
    }

    /// <summary>The release commands: migrate, then collectstatic when the settings set STATIC_ROOT.</summary>
    public IReadOnlyList<string> ReleaseCommands => HasStaticRoot
        ? ["python manage.py migrate --no-input", "python manage.py collectstatic --no-input"]
        : ["python manage.py migrate --no-input"];

    /// <summary>The target to suggest: "vue" when a frontend was found, else "ecs".</summary>
    public string SuggestedTarget => Frontend is null ? "ecs" : "vue";

    /// <summary>A stack name to suggest: the project's package name, or the folder's name when that is generic ("config").</summary>
    public string SuggestedName
    {
        get
        {
            string[] generic = ["config", "settings", "project", "core", "app", "src", "website", "django", "main"];
            var package = SettingsModule?.Split('.')[0];
            var candidate = package is not null && !generic.Contains(package) ? package : System.IO.Path.GetFileName(ProjectRoot.TrimEnd('/', '\\'));
            return StackName(candidate);
        }
    }

    private static string WorkerName(string queue)
    {
        var name = new string(queue.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
        return name.Length == 0 ? "worker" : name;
    }

    private static string StackName(string candidate)
    {
        var name = new string(candidate.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
        name = name.TrimStart('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '-');
        return name.Length == 0 ? "django-app" : name.Length > 128 ? name[..128] : name;
    }
}
