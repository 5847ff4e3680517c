using System.Text.Json;
using System.Text.RegularExpressions;

namespace DjangoCdk.Cli;

/// <summary>
/// Looks at a Django project on disk and reports what <c>init</c> needs (see <see cref="DjangoProjectScan"/>). It
/// reads files only, with patterns, and never runs Python: anything computed at run time is not seen.
/// </summary>
public static partial class DjangoProjectScanner
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        ".git", ".hg", "node_modules", ".venv", "venv", "env", ".env", ".tox", ".nox", "__pycache__", "site-packages",
        "cdk.out", "dist", "build", ".mypy_cache", ".pytest_cache", "staticfiles", "media", ".idea", ".vscode",
    };

    private static readonly string[] ProductionNames = ["production", "prod", "live", "release"];

    private const int MaxPythonFiles = 5000;

    /// <summary>
    /// Scans the project in <paramref name="directory"/> (manage.py there, or in one of its immediate subfolders).
    /// </summary>
    /// <exception cref="CliException">The folder does not exist or holds no manage.py.</exception>
    public static DjangoProjectScan Scan(string directory)
    {
        directory = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(directory))
            throw new CliException($"The folder {directory} does not exist; point init at the Django project's folder (the one holding manage.py).");

        var root = FindProjectRoot(directory);
        var findings = new List<ScanFinding> { new("manage.py", Relative(directory, Path.Combine(root, "manage.py")), "project root") };
        var pythonFiles = PythonFiles(root);

        // Settings.
        var (defaultModule, defaultWhere) = DefaultSettingsModule(root);
        defaultModule ??= GuessSettingsModule(root, pythonFiles);
        var (settingsModule, productionFound) = ProductionSettingsModule(root, defaultModule);
        if (defaultModule is not null)
            findings.Add(new("default settings", defaultModule, defaultWhere ?? "settings.py found"));
        if (settingsModule is not null)
            findings.Add(new("settings module", settingsModule, productionFound ? ModuleFile(root, settingsModule)!.Relative(root) : "no production module found: the default"));

        var settingsFiles = SettingsChain(root, settingsModule, productionFound);
        var settingsTexts = settingsFiles.ToDictionary(f => f, f => File.ReadAllText(Path.Combine(root, f)));
        var maskedSettings = settingsTexts.ToDictionary(kv => kv.Key, kv => PythonSource.Mask(kv.Value));
        var envReads = EnvNameScanner.Scan(settingsTexts);

        // Requirements.
        var (requirements, requirementFiles) = Requirements(root, directory);
        if (requirementFiles.Count > 0)
            findings.Add(new("requirements", string.Join(", ", requirements.Where(IsInteresting).Order()), string.Join(", ", requirementFiles.Select(f => Relative(directory, f)))));

        // WSGI / ASGI.
        var wsgi = FirstSetting(maskedSettings, settingsTexts, "WSGI_APPLICATION") is { } w ? Callable(w.Value) : ApplicationModule(root, pythonFiles, "wsgi.py");
        var asgi = FirstSetting(maskedSettings, settingsTexts, "ASGI_APPLICATION") is { } a ? Callable(a.Value) : ApplicationModule(root, pythonFiles, "asgi.py");
        if (wsgi is not null) findings.Add(new("WSGI application", wsgi, "WSGI_APPLICATION / wsgi.py"));
        if (asgi is not null) findings.Add(new("ASGI application", asgi, "ASGI_APPLICATION / asgi.py"));

        // Celery.
        var (celeryApp, celeryFile, celeryLine) = FindCeleryApp(root, pythonFiles);
        if (celeryApp is not null) findings.Add(new("Celery app", celeryApp, $"{celeryFile}:{celeryLine}"));
        var celeryTexts = new Dictionary<string, string>(maskedSettings);
        if (celeryFile is not null) celeryTexts[celeryFile] = PythonSource.Mask(File.ReadAllText(Path.Combine(root, celeryFile)));
        var (beat, beatWhere) = FindBeat(celeryTexts, requirements);
        if (celeryApp is not null) findings.Add(new("Celery beat", beat ? "yes" : "no", beat ? beatWhere! : "no beat schedule or django-celery-beat"));
        var (defaultQueue, queues, queueWhere) = celeryApp is null ? ("celery", new List<string>(), null) : FindQueues(root, pythonFiles);
        if (celeryApp is not null)
            findings.Add(new("Celery queues", string.Join(", ", new[] { defaultQueue }.Concat(queues.Where(q => q != defaultQueue))), queueWhere ?? "Celery's default queue"));

        // Dockerfile.
        var dockerfile = FindDockerfile(directory, root);
        var composeWeb = dockerfile is { HasCommand: false } ? ComposeWebService.Find(directory, dockerfile.Path) : null;
        if (dockerfile is not null)
        {
            findings.Add(new("Dockerfile", dockerfile.Path, dockerfile.Stages.Count > 0 ? "stages: " + string.Join(", ", dockerfile.Stages) : "one stage"));
            if (dockerfile.Target is not null) findings.Add(new("Docker target", dockerfile.Target, dockerfile.Path));
            findings.Add(composeWeb?.Port is { } bound
                ? new("container port", bound.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{composeWeb.File} (service {composeWeb.Service}: its start script's bind)")
                : new("container port", (dockerfile.ExposedPort ?? 8000).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    dockerfile.ExposedPort is null ? "no EXPOSE: the default" : $"{dockerfile.Path}:{dockerfile.ExposeLine} (EXPOSE)"));
            findings.Add(new("image command", dockerfile.HasCommand ? "CMD in the Dockerfile"
                : composeWeb is not null ? $"{string.Join(' ', composeWeb.Command)} (web_command written)" : "none (web_command written)",
                composeWeb is null ? dockerfile.Path : $"{composeWeb.File} (service {composeWeb.Service})"));
        }

        // Frontend.
        var frontend = FindFrontend(directory, root);
        if (frontend is not null) findings.Add(new("frontend", frontend.DistPath, $"{frontend.PackageJson} (build: {frontend.BuildScript})"));

        // Health check and static files.
        var (health, healthWhere) = FindHealthCheck(root, pythonFiles, envReads, maskedSettings, settingsTexts);
        if (health is not null) findings.Add(new("health check", health, healthWhere!));
        var staticRoot = FirstAssignment(maskedSettings, "STATIC_ROOT");
        if (staticRoot is not null) findings.Add(new("STATIC_ROOT", "set: collectstatic in the release", staticRoot));

        var readsDotEnv = settingsTexts.Values.Any(EnvNameScanner.ReadsDotEnv);

        return new DjangoProjectScan
        {
            Directory = directory,
            ProjectRoot = root,
            ImageDirectory = dockerfile is null ? root : dockerfile.BuiltFromRoot ? directory : Path.GetDirectoryName(Path.Combine(directory, dockerfile.Path))!,
            DefaultSettingsModule = defaultModule,
            SettingsModule = settingsModule,
            ProductionSettingsFound = productionFound,
            SettingsFiles = settingsFiles,
            WsgiApplication = wsgi,
            AsgiApplication = asgi,
            CeleryApp = celeryApp,
            UseCeleryBeat = celeryApp is not null && beat,
            DefaultQueue = defaultQueue,
            Queues = queues,
            Dockerfile = dockerfile,
            ComposeWeb = composeWeb,
            Frontend = frontend,
            Requirements = requirements,
            HealthCheckPath = health,
            HasStaticRoot = staticRoot is not null,
            ReadsDotEnv = readsDotEnv,
            EnvReads = envReads,
            Findings = findings,
        };
    }

    private static string FindProjectRoot(string directory)
    {
        if (File.Exists(Path.Combine(directory, "manage.py"))) return directory;
        var candidates = SubFolders(directory).Where(d => File.Exists(Path.Combine(d, "manage.py"))).ToList();
        if (candidates.Count > 0) return candidates[0];
        throw new CliException(
            $"No manage.py in {directory} or in its immediate subfolders: init needs a Django project. " +
            "Run it in the folder holding manage.py, or pass that folder: django-cdk init path/to/project.");
    }

    private static IEnumerable<string> SubFolders(string directory) =>
        System.IO.Directory.EnumerateDirectories(directory)
            .Where(d => !SkippedFolders.Contains(Path.GetFileName(d)) && !Path.GetFileName(d).StartsWith('.'))
            .Order(StringComparer.Ordinal);

    private static List<string> PythonFiles(string root)
    {
        var files = new List<string>();
        var pending = new Stack<string>([root]);
        while (pending.Count > 0 && files.Count < MaxPythonFiles)
        {
            var folder = pending.Pop();
            files.AddRange(System.IO.Directory.EnumerateFiles(folder, "*.py").Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')));
            foreach (var sub in SubFolders(folder).Reverse()) pending.Push(sub);
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static (string? Module, string? Where) DefaultSettingsModule(string root)
    {
        var sources = new List<string> { "manage.py" };
        sources.AddRange(SubFolders(root).SelectMany(d => new[] { "wsgi.py", "asgi.py" }.Select(f => Path.GetRelativePath(root, Path.Combine(d, f)).Replace('\\', '/'))));
        foreach (var source in sources)
        {
            var path = Path.Combine(root, source);
            if (!File.Exists(path)) continue;
            var text = PythonSource.Mask(File.ReadAllText(path));
            var match = SettingsDefault().Match(text);
            if (match.Success) return (match.Groups["module"].Value, $"{source}:{PythonSource.LineOf(text, match.Index)}");
        }

        return (null, null);
    }

    private static string? GuessSettingsModule(string root, List<string> pythonFiles)
    {
        var file = pythonFiles.FirstOrDefault(f => f.EndsWith("/settings.py", StringComparison.Ordinal) || f.EndsWith("/settings/__init__.py", StringComparison.Ordinal));
        return file is null ? null : ModuleName(file);
    }

    private static (string? Module, bool Production) ProductionSettingsModule(string root, string? module)
    {
        if (module is null) return (null, false);
        var parts = module.Split('.');
        if (ProductionNames.Contains(parts[^1], StringComparer.OrdinalIgnoreCase)) return (module, ModuleFile(root, module) is not null);
        var parent = string.Join('.', parts[..^1]);
        var last = parts[^1];
        var candidates = new List<string>();
        foreach (var name in ProductionNames)
        {
            candidates.Add($"{module}.{name}");
            if (parent.Length > 0) candidates.Add($"{parent}.{name}");
        }

        if (parent.Length > 0)
        {
            foreach (var name in ProductionNames)
            {
                candidates.Add($"{parent}.{last}_{name}");
                candidates.Add($"{parent}.{name}_{last}");
            }
        }

        var found = candidates.FirstOrDefault(c => ModuleFile(root, c) is not null);
        return found is null ? (module, false) : (found, true);
    }

    /// <summary>The settings module's file and the project settings files it imports from, relative to the root.</summary>
    private static List<string> SettingsChain(string root, string? module, bool productionFound)
    {
        var files = new List<string>();
        if (module is null) return files;
        var start = ModuleFile(root, module);
        if (start is null) return files;
        var pending = new Queue<string>([start.Relative(root)]);
        while (pending.Count > 0)
        {
            var file = pending.Dequeue();
            if (files.Contains(file)) continue;
            files.Add(file);
            var text = PythonSource.Mask(File.ReadAllText(Path.Combine(root, file)));
            var package = PackageOf(file);
            foreach (Match match in FromImport().Matches(text))
            {
                var target = Resolve(package, match.Groups["module"].Value);
                var names = match.Groups["names"].Value;
                var candidates = new List<string> { target };
                if (match.Groups["module"].Value.All(c => c == '.'))
                    candidates = names.Trim('(', ')', ' ').Split(',').Select(n => Resolve(package, "." + n.Trim().Split(' ')[0])).ToList();
                foreach (var candidate in candidates)
                {
                    var imported = ModuleFile(root, candidate);
                    if (imported is null) continue;
                    var relative = imported.Relative(root);
                    var settingsLike = names.Contains('*') || PackageOf(relative) == package || candidate.Contains("settings", StringComparison.Ordinal);
                    if (settingsLike) pending.Enqueue(relative);
                }
            }
        }

        // Not sure which module is deployed: scan every module of the settings package too.
        if (!productionFound && files.Count > 0)
        {
            var folder = Path.GetDirectoryName(Path.Combine(root, files[0]))!;
            if (Path.GetFileName(folder) == "settings")
            {
                foreach (var extra in System.IO.Directory.EnumerateFiles(folder, "*.py").Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal))
                    if (!files.Contains(extra)) files.Add(extra);
            }
        }

        return files;
    }

    private static string PackageOf(string file)
    {
        var module = ModuleName(file);
        return file.EndsWith("__init__.py", StringComparison.Ordinal) ? module : module.Contains('.') ? module[..module.LastIndexOf('.')] : "";
    }

    private static string Resolve(string package, string module)
    {
        if (!module.StartsWith('.')) return module;
        var dots = module.TakeWhile(c => c == '.').Count();
        var parts = package.Length == 0 ? new List<string>() : package.Split('.').ToList();
        for (var i = 1; i < dots && parts.Count > 0; i++) parts.RemoveAt(parts.Count - 1);
        var rest = module[dots..];
        if (rest.Length > 0) parts.Add(rest);
        return string.Join('.', parts);
    }

    private sealed record ModulePath(string FullPath)
    {
        public string Relative(string root) => Path.GetRelativePath(root, FullPath).Replace('\\', '/');
    }

    private static ModulePath? ModuleFile(string root, string module)
    {
        if (module.Length == 0) return null;
        var path = Path.Combine([root, .. module.Split('.')]);
        if (File.Exists(path + ".py")) return new ModulePath(path + ".py");
        if (File.Exists(Path.Combine(path, "__init__.py"))) return new ModulePath(Path.Combine(path, "__init__.py"));
        return null;
    }

    private static string ModuleName(string relativeFile)
    {
        var module = relativeFile.Replace('\\', '/');
        module = module.EndsWith("/__init__.py", StringComparison.Ordinal) ? module[..^"/__init__.py".Length] : module[..^3];
        return module.Replace('/', '.');
    }

    private static string? Callable(string dotted)
    {
        var index = dotted.LastIndexOf('.');
        return index <= 0 ? null : $"{dotted[..index]}:{dotted[(index + 1)..]}";
    }

    private static string? ApplicationModule(string root, List<string> pythonFiles, string fileName)
    {
        var file = pythonFiles.FirstOrDefault(f => f.EndsWith("/" + fileName, StringComparison.Ordinal) && f.Count(c => c == '/') == 1)
            ?? pythonFiles.FirstOrDefault(f => f.EndsWith("/" + fileName, StringComparison.Ordinal));
        return file is null ? null : ModuleName(file) + ":application";
    }

    private static (string Value, string Where)? FirstSetting(Dictionary<string, string> masked, Dictionary<string, string> texts, string setting)
    {
        var pattern = new Regex(@"(?m)^" + setting + @"\s*=\s*[rRuU]?([""'])(?<value>[^""'\n]+)\1");
        foreach (var (file, text) in masked)
        {
            var match = pattern.Match(text);
            if (match.Success) return (match.Groups["value"].Value, $"{file}:{PythonSource.LineOf(text, match.Index)}");
        }

        return null;
    }

    private static string? FirstAssignment(Dictionary<string, string> masked, string setting)
    {
        var pattern = new Regex(@"(?m)^" + setting + @"\s*=");
        foreach (var (file, text) in masked)
        {
            var match = pattern.Match(text);
            if (match.Success) return $"{file}:{PythonSource.LineOf(text, match.Index)}";
        }

        return null;
    }

    private static (string? App, string? File, int Line) FindCeleryApp(string root, List<string> pythonFiles)
    {
        var found = new List<(string App, string File, int Line)>();
        foreach (var file in pythonFiles)
        {
            if (file.Contains("/tests/", StringComparison.Ordinal) || file.StartsWith("tests/", StringComparison.Ordinal)) continue;
            var text = File.ReadAllText(Path.Combine(root, file));
            if (!text.Contains("Celery", StringComparison.Ordinal)) continue;
            var masked = PythonSource.Mask(text);
            var match = CeleryConstructor().Match(masked);
            if (match.Success) found.Add(($"{ModuleName(file)}:{match.Groups["var"].Value}", file, PythonSource.LineOf(masked, match.Index)));
        }

        if (found.Count == 0) return (null, null, 0);
        var best = found.OrderBy(f => Path.GetFileName(f.File) is "celery.py" or "celery_app.py" ? 0 : 1).ThenBy(f => f.File.Length).First();
        return best;
    }

    private static (bool Beat, string? Where) FindBeat(Dictionary<string, string> masked, IReadOnlySet<string> requirements)
    {
        if (requirements.Contains("django-celery-beat")) return (true, "django-celery-beat in the requirements");
        foreach (var (file, text) in masked)
        {
            var match = BeatPattern().Match(text);
            if (match.Success) return (true, $"{file}:{PythonSource.LineOf(text, match.Index)}");
        }

        return (false, null);
    }

    private static (string DefaultQueue, List<string> Queues, string? Where) FindQueues(string root, List<string> pythonFiles)
    {
        var defaultQueue = "celery";
        var queues = new SortedSet<string>(StringComparer.Ordinal);
        string? where = null;
        foreach (var file in pythonFiles)
        {
            var text = File.ReadAllText(Path.Combine(root, file));
            if (!text.Contains("queue", StringComparison.OrdinalIgnoreCase)) continue;
            var masked = PythonSource.Mask(text);
            var configured = DefaultQueuePattern().Match(masked);
            if (configured.Success) defaultQueue = configured.Groups["queue"].Value;
            foreach (Match match in QueuePattern().Matches(masked))
            {
                queues.Add(match.Groups["queue"].Value);
                where ??= $"{file}:{PythonSource.LineOf(masked, match.Index)}";
            }
        }

        queues.Remove(defaultQueue);
        return (defaultQueue, queues.ToList(), where);
    }

    private static DockerfileInfo? FindDockerfile(string directory, string root)
    {
        string[] folders = [root, directory, Path.Combine(root, "docker"), Path.Combine(directory, "docker")];
        foreach (var folder in folders.Distinct())
        {
            var path = Path.Combine(folder, "Dockerfile");
            if (File.Exists(path)) return DockerfileInfo.Parse(Relative(directory, path), File.ReadAllText(path));
        }

        // Layouts that keep one Dockerfile per environment deeper down, built from the project root
        // (cookiecutter-django: compose/production/django/Dockerfile): the production one first.
        var nested = Directory.EnumerateFiles(directory, "Dockerfile", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3 })
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Any(part => part is "node_modules" or ".git" or ".venv" or "venv"))
            .OrderByDescending(path => path.Contains("prod", StringComparison.OrdinalIgnoreCase))
            .ThenByDescending(path => BuildsPython(File.ReadAllText(path)))
            .ThenBy(path => path.Count(c => c == Path.DirectorySeparatorChar))
            .ThenBy(path => path, StringComparer.Ordinal)
            .FirstOrDefault();
        return nested is null ? null : DockerfileInfo.Parse(Relative(directory, nested), File.ReadAllText(nested)) with { BuiltFromRoot = true };
    }

    // The Django image, not a neighbour's (cookiecutter-django keeps aws, postgres and traefik Dockerfiles beside it).
    private static bool BuildsPython(string dockerfile) =>
        dockerfile.Contains("python", StringComparison.OrdinalIgnoreCase) && (dockerfile.Contains("pip ", StringComparison.Ordinal)
            || dockerfile.Contains("uv ", StringComparison.Ordinal) || dockerfile.Contains("requirements", StringComparison.Ordinal)
            || dockerfile.Contains("manage.py", StringComparison.Ordinal));

    private static FrontendInfo? FindFrontend(string directory, string root)
    {
        var folders = new List<string> { directory };
        folders.AddRange(SubFolders(directory));
        if (root != directory) folders.AddRange(SubFolders(root));
        foreach (var folder in folders.Distinct())
        {
            var packageJson = Path.Combine(folder, "package.json");
            if (!File.Exists(packageJson)) continue;
            string? build;
            var dependencies = new HashSet<string>();
            try
            {
                using var document = JsonDocument.Parse(File.ReadAllText(packageJson), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                build = document.RootElement.TryGetProperty("scripts", out var scripts) && scripts.ValueKind == JsonValueKind.Object &&
                    scripts.TryGetProperty("build", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
                foreach (var section in new[] { "dependencies", "devDependencies" })
                    if (document.RootElement.TryGetProperty(section, out var deps) && deps.ValueKind == JsonValueKind.Object)
                        foreach (var dep in deps.EnumerateObject()) dependencies.Add(dep.Name);
            }
            catch (JsonException)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(build)) continue;
            var dist = System.IO.Directory.Exists(Path.Combine(folder, "dist")) ? "dist"
                : System.IO.Directory.Exists(Path.Combine(folder, "build")) && !File.Exists(Path.Combine(folder, "build", "__init__.py")) ? "build"
                : dependencies.Contains("react-scripts") ? "build" : "dist";
            var distPath = Path.Combine(folder, dist);
            return new FrontendInfo(Relative(directory, packageJson), build!, Relative(directory, distPath), System.IO.Directory.Exists(distPath));
        }

        return null;
    }

    private static (HashSet<string> Names, List<string> Files) Requirements(string root, string directory)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var files = new List<string>();
        foreach (var folder in new[] { root, directory }.Distinct())
        {
            var candidates = System.IO.Directory.EnumerateFiles(folder, "requirements*.txt").ToList();
            if (System.IO.Directory.Exists(Path.Combine(folder, "requirements")))
                candidates.AddRange(System.IO.Directory.EnumerateFiles(Path.Combine(folder, "requirements"), "*.txt"));
            foreach (var file in candidates.Order(StringComparer.Ordinal))
            {
                files.Add(file);
                foreach (var line in File.ReadAllLines(file))
                {
                    var match = RequirementLine().Match(line);
                    if (match.Success) names.Add(Normalise(match.Groups["name"].Value));
                }
            }

            foreach (var manifest in new[] { "pyproject.toml", "Pipfile", "setup.py", "setup.cfg" })
            {
                var path = Path.Combine(folder, manifest);
                if (!File.Exists(path)) continue;
                files.Add(path);
                var text = File.ReadAllText(path).ToLowerInvariant().Replace('_', '-');
                foreach (var known in KnownPackages)
                    if (Regex.IsMatch(text, @"(?<![\w-])" + Regex.Escape(known) + @"(?![\w-])")) names.Add(known);
            }
        }

        return (names, files);
    }

    private static readonly string[] KnownPackages =
    [
        "django", "gunicorn", "uvicorn", "daphne", "celery", "django-environ", "dj-database-url", "django-storages", "psycopg",
        "psycopg2", "psycopg2-binary", "whitenoise", "django-celery-beat", "sentry-sdk", "redis", "django-redis", "boto3", "python-dotenv",
    ];

    private static bool IsInteresting(string package) => KnownPackages.Contains(package) && package is not "django" and not "redis" and not "boto3";

    private static string Normalise(string name) => name.ToLowerInvariant().Replace('_', '-').Replace('.', '-');

    private static (string? Path, string? Where) FindHealthCheck(string root, List<string> pythonFiles, IReadOnlyList<EnvRead> envReads,
        Dictionary<string, string> maskedSettings, Dictionary<string, string> settingsTexts)
    {
        foreach (var file in pythonFiles.Where(f => Path.GetFileName(f) == "urls.py"))
        {
            var text = PythonSource.Mask(File.ReadAllText(Path.Combine(root, file)));
            foreach (Match match in UrlCall().Matches(text))
            {
                var args = PythonSource.Arguments(text, match.Index + match.Length - 1);
                if (args is not { Count: > 0 } || !args.Any(a => a.Contains("health", StringComparison.OrdinalIgnoreCase))) continue;
                var route = PythonSource.Literal(args[0]);
                if (route is null) continue;
                // A re_path's pattern: "^healthz/?$" -> "healthz/".
                route = route.TrimStart('^').TrimEnd('$').Replace("/?", "/").Replace("?", "");
                return ("/" + route, $"{file}:{PythonSource.LineOf(text, match.Index)}");
            }
        }

        var setting = envReads.FirstOrDefault(r => r.Name == "HEALTH_CHECK_PATH" && r.Default is not null && r.Default.StartsWith('/'));
        if (setting is not null) return (setting.Default, $"{setting.Where} (HEALTH_CHECK_PATH's default)");
        var assigned = FirstSetting(maskedSettings, settingsTexts, "HEALTH_CHECK_PATH");
        return assigned is { } a && a.Value.StartsWith('/') ? (a.Value, a.Where) : (null, null);
    }

    private static string Relative(string directory, string path)
    {
        var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
        return relative;
    }

    [GeneratedRegex("""DJANGO_SETTINGS_MODULE["']\s*,\s*["'](?<module>[\w.]+)["']""")]
    private static partial Regex SettingsDefault();

    [GeneratedRegex(@"(?m)^[ \t]*from\s+(?<module>\.+[\w.]*|[A-Za-z_][\w.]*)\s+import\s+(?<names>\([^)]*\)|[^\n]+)")]
    private static partial Regex FromImport();

    [GeneratedRegex(@"(?m)^(?<var>[A-Za-z_]\w*)\s*=\s*(?:celery\.)?Celery\s*\(")]
    private static partial Regex CeleryConstructor();

    [GeneratedRegex(@"\b(?:CELERY_BEAT_SCHEDULE|CELERYBEAT_SCHEDULE|beat_schedule)\s*=|\.beat_schedule\b|add_periodic_task|django_celery_beat")]
    private static partial Regex BeatPattern();

    [GeneratedRegex("""(?:\bqueue\s*=\s*|["']queue["']\s*:\s*)["'](?<queue>[\w.:-]+)["']""")]
    private static partial Regex QueuePattern();

    [GeneratedRegex("""(?:task_default_queue|TASK_DEFAULT_QUEUE)\s*=\s*["'](?<queue>[\w.:-]+)["']""")]
    private static partial Regex DefaultQueuePattern();

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z0-9][A-Za-z0-9._-]*)", RegexOptions.None)]
    private static partial Regex RequirementLine();

    [GeneratedRegex(@"(?<![\w.])(?:re_path|path|url)\s*\(")]
    private static partial Regex UrlCall();
}
