using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DjangoCdk.Cli;

/// <summary>
/// Writes django-cdk.yaml from a scan and the user's choices: only what was detected or chosen as values, everything
/// else as commented hints, each section saying what it is and its default. It never writes a secret's value: names
/// the project reads that nothing provides are listed as commented TODO entries.
/// </summary>
public static partial class ConfigWriter
{
    /// <summary>The config's text. Paths in it are relative to <paramref name="configDirectory"/>, the folder the file goes to.</summary>
    public static string Write(DjangoProjectScan scan, InitChoices choices, string configDirectory)
    {
        var w = new StringBuilder();
        Line(w, 0, $"# yaml-language-server: $schema={choices.SchemaPath}");
        Line(w, 0, $"# django-cdk configuration, written by `django-cdk init` from the Django project in {Folder(PathFrom(configDirectory, scan.ProjectRoot))}.");
        Line(w, 0, "# `django-cdk schema` writes django-cdk.schema.json beside this file, for completion and checks in your editor.");
        Line(w, 0, "# Paths are relative to this file's folder. Never put a secret's value here: `secrets` names a Secrets Manager secret.");
        Line(w, 0, "# Next: django-cdk synth");
        Blank(w);
        Line(w, 0, "# The CloudFormation stack name: letters, digits and hyphens, starting with a letter, at most 128 characters.");
        Line(w, 0, "name: " + Scalar(choices.Name));
        Line(w, 0, "# What to deploy: " + string.Join(" | ", InitTargets.All) + ".");
        Line(w, 0, $"#   {choices.Target}: {InitTargets.Descriptions[choices.Target]}.");
        Line(w, 0, "target: " + choices.Target);
        Line(w, 0, "# Sizes and protections: starter (the smallest, cheapest sizes) or production (sizes and safeguards for a live site). Default: starter.");
        Line(w, 0, "preset: " + choices.Preset);
        Line(w, 0, "# The AWS region. Default: the AWS CLI's (AWS_REGION, or the profile's region).");
        Line(w, 0, choices.Region is null ? "# region: us-east-1" : "region: " + Scalar(choices.Region));
        Blank(w);

        switch (choices.Target)
        {
            case "vue":
                Line(w, 0, "# " + InitTargets.Descriptions["vue"] + ".");
                Line(w, 0, "vue:");
                Line(w, 1, "# The one domain of the site (the SPA, and Django under the API paths), and the Route 53 zone holding it. Required.");
                Required(w, 1, "domain_name", choices.Domain, "app.example.com");
                Required(w, 1, "zone_name", choices.Zone, "example.com");
                Line(w, 1, "# Django behind CloudFront: the DjangoEcs props (the site's domain is the one above).");
                Line(w, 1, "django:");
                WriteApp(w, 2, scan, choices, configDirectory, domainKey: null, onEcs: true);
                Line(w, 1, "# The single-page app: the folder its build writes (holding index.html), deployed to S3.");
                Line(w, 1, "frontend:");
                if (scan.Frontend is null)
                {
                    Line(w, 2, "# TODO no package.json with a build script was found: the SPA's build folder.");
                    Line(w, 2, "path_to_dist: frontend/dist");
                }
                else
                {
                    Line(w, 2, $"# Detected: {scan.Frontend.PackageJson} builds with `{scan.Frontend.BuildScript}`" +
                        (scan.Frontend.DistExists ? "." : "; build it before deploying (the folder does not exist yet)."));
                    Line(w, 2, "path_to_dist: " + Scalar(PathFrom(configDirectory, Path.Combine(scan.Directory, scan.Frontend.DistPath))));
                }

                break;
            case "static":
                Line(w, 0, "# " + InitTargets.Descriptions["static"] + ".");
                Line(w, 0, "static:");
                Line(w, 1, "# The folder of the built single-page app, holding index.html.");
                Line(w, 1, "path_to_dist: " + Scalar(scan.Frontend is null ? "dist" : PathFrom(configDirectory, Path.Combine(scan.Directory, scan.Frontend.DistPath))));
                Line(w, 1, "# The site's domain and its Route 53 zone. Default: CloudFront's own domain name.");
                Optional(w, 1, "frontend_domain_name", choices.Domain, "app.example.com");
                Optional(w, 1, "zone_name", choices.Zone, "example.com");
                break;
            case "s3":
                Line(w, 0, "# " + InitTargets.Descriptions["s3"] + " (see docs/s3-bucket-resources.md for its keys).");
                Line(w, 0, "s3: {}");
                break;
            case "ec2":
                Line(w, 0, "# " + InitTargets.Descriptions["ec2"] + ".");
                Line(w, 0, "ec2:");
                WriteEc2(w, 1, scan, choices, configDirectory);
                break;
            default:
                Line(w, 0, "# " + InitTargets.Descriptions[choices.Target] + ".");
                Line(w, 0, choices.Target + ":");
                WriteApp(w, 1, scan, choices, configDirectory, domainKey: choices.Target == "eks" ? "domain_name" : "api_domain_name", onEcs: choices.Target == "ecs");
                break;
        }

        return w.ToString();
    }

    // onEcs: the app is a DjangoEcs (target ecs, or vue's django section), which has monitoring and queue-depth scaling.
    private static void WriteApp(StringBuilder w, int i, DjangoProjectScan scan, InitChoices choices, string configDirectory, string? domainKey, bool onEcs)
    {
        WriteImage(w, i, scan, configDirectory, withTarget: true);
        WriteSettingsModule(w, i, scan);

        Line(w, i, "# The Celery app, as `celery -A` takes it (\"<module>:<attribute>\"). Default: backend.celery_app:app.");
        if (scan.CeleryApp is null)
        {
            Line(w, i, "# No Celery app found (no module calls Celery(...)): no worker and no beat.");
            Line(w, i, "use_celery_beat: false");
            Line(w, i, "celery_workers: []");
        }
        else
        {
            Line(w, i, "celery_app: " + Scalar(scan.CeleryApp));
            Line(w, i, "# Runs one Celery beat task for periodic tasks. Default: false." +
                (scan.UseCeleryBeat ? " Detected: the project schedules periodic tasks." : ""));
            Line(w, i, "use_celery_beat: " + (scan.UseCeleryBeat ? "true" : "false"));
            Line(w, i, "# The worker services. Default: one worker named \"worker\" on the \"celery\" queue. init proposes one worker");
            Line(w, i, "# per queue found (task_routes, queue=), so each scales on its own; merge them to save cost.");
            Line(w, i, "# Each also takes concurrency, cpu, memory_mib, min_count, max_count, use_spot, stop_timeout_seconds" +
                (onEcs ? "," : "."));
            if (onEcs) Line(w, i, "# and scale_on_queue_depth (default true), backlog_per_task, scale_to_zero.");
            Line(w, i, "celery_workers:");
            foreach (var worker in scan.Workers)
            {
                Line(w, i + 1, "- name: " + Scalar(worker.Name));
                Line(w, i + 1, "  queues: " + FlowList(worker.Queues));
            }
        }

        Line(w, i, "# Run in order as one-off tasks before the services roll, on every deploy that changes the image or environment;");
        Line(w, i, "# each a command line or a list of arguments. Default: migrate, then collectstatic. [] disables the release phase.");
        if (!scan.HasStaticRoot) Line(w, i, "# No STATIC_ROOT in the settings: collectstatic is left out.");
        Line(w, i, "release_commands:");
        foreach (var command in scan.ReleaseCommands) Line(w, i + 1, "- " + Scalar(command));

        WriteHealthCheck(w, i, scan);

        Line(w, i, "# The web container's command. Default: the image's CMD.");
        var webCommand = scan.WebCommand;
        if (webCommand is not null)
        {
            if (scan.ComposeWeb is { } compose)
                Line(w, i, $"# The image has no CMD: the command of service {compose.Service} in {compose.File}.");
            else
                Line(w, i, "# The image has no CMD: gunicorn on the " + (webCommand.Contains("-k") ? "ASGI app with uvicorn's worker." : "WSGI app.") +
                    (scan.Requirements.Contains("gunicorn") ? "" : " TODO add gunicorn to the requirements."));
            Line(w, i, "web_command: " + FlowList(webCommand));
        }
        else if (scan.Dockerfile?.HasCommand == true)
        {
            Line(w, i, "# web_command: [gunicorn, myproject.wsgi:application, --bind, 0.0.0.0:8000]");
        }
        else
        {
            Line(w, i, "# TODO the image has no CMD and no WSGI application was found: set the command that starts the web server.");
            Line(w, i, $"# web_command: [gunicorn, myproject.wsgi:application, --bind, 0.0.0.0:{scan.ContainerPort}]");
        }

        Line(w, i, "# The port the web server listens on in the container. Default: 8000." +
            (scan.Dockerfile?.ExposedPort is not null ? " Detected: the Dockerfile's EXPOSE." : ""));
        Line(w, i, "container_port: " + scan.ContainerPort.ToString(CultureInfo.InvariantCulture));

        if (domainKey is not null)
        {
            Line(w, i, "# The site's domain and the Route 53 public hosted zone holding it; a certificate is issued for it.");
            Line(w, i, "# Default: none, the load balancer's own DNS name over plain HTTP.");
            Optional(w, i, domainKey, choices.Domain, "api.example.com");
            Optional(w, i, "zone_name", choices.Zone, "example.com");
        }

        Line(w, i, "# Sizes: the preset's unless set here.");
        Line(w, i, "# web_cpu: 512");
        Line(w, i, "# web_memory_mib: 1024");
        Line(w, i, "# web_min_count: 1");
        Line(w, i, "# web_max_count: 4");

        if (onEcs)
        {
            Line(w, i, "# Alarms (error rate, response time, tasks, release, database, cache, queues) notify an SNS topic: subscribe");
            Line(w, i, "# addresses to it here (each confirms a first email from AWS), or give your own topic's ARN as alarm_topic.");
            Line(w, i, "# Default: alarms on; a dashboard too, except with the starter preset. Thresholds: docs/django-cdk-config.md.");
            Line(w, i, "# monitoring:");
            Line(w, i, "#   alarm_emails: [ops@example.com]");
        }

        WriteEnvironment(w, i, scan, choices.Name, withSecrets: true);
    }

    private static void WriteEc2(StringBuilder w, int i, DjangoProjectScan scan, InitChoices choices, string configDirectory)
    {
        WriteImage(w, i, scan, configDirectory, withTarget: false);
        Line(w, i, "# The site's domain and the Route 53 public hosted zone holding it. Default: the instance's public IP over HTTP.");
        Optional(w, i, "domain_name", choices.Domain, "app.example.com");
        Optional(w, i, "zone_name", choices.Zone, "example.com");
        Line(w, i, "# Runs Celery beat for periodic tasks. Default: false.");
        Line(w, i, "use_celery_beat: " + (scan.UseCeleryBeat ? "true" : "false"));
        WriteSettingsModule(w, i, scan);
        WriteHealthCheck(w, i, scan);
        WriteEnvironment(w, i, scan, choices.Name, withSecrets: false);
    }

    private static void WriteImage(StringBuilder w, int i, DjangoProjectScan scan, string configDirectory, bool withTarget)
    {
        Line(w, i, "# The folder the image is built from (the Docker build context). Required.");
        if (scan.Dockerfile is null) Line(w, i, "# TODO no Dockerfile was found: add one (samples/backend/Dockerfile is an example).");
        Line(w, i, "image_directory: " + Scalar(PathFrom(configDirectory, scan.ImageDirectory)));
        Line(w, i, "# The Dockerfile, relative to image_directory. Default: Dockerfile.");
        Line(w, i, "dockerfile: " + Scalar(scan.Dockerfile is { BuiltFromRoot: true } nested ? nested.Path : "Dockerfile"));
        if (withTarget && scan.Dockerfile?.Target is { } target)
        {
            Line(w, i, $"# The Dockerfile stage to build (it has stages: {string.Join(", ", scan.Dockerfile.Stages)}). Default: the last stage.");
            Line(w, i, "docker_target: " + Scalar(target));
        }
    }

    private static void WriteSettingsModule(StringBuilder w, int i, DjangoProjectScan scan)
    {
        Line(w, i, "# DJANGO_SETTINGS_MODULE in every container. Default: backend.settings.production.");
        if (scan.SettingsModule is null)
        {
            Line(w, i, "# TODO no settings module was found: the module the containers on AWS use.");
            Line(w, i, "# settings_module: myproject.settings");
        }
        else
        {
            if (!scan.ProductionSettingsFound)
                Line(w, i, "# No production settings module was found (settings/production.py, settings_prod.py ...): this is manage.py's default. Check it suits AWS.");
            Line(w, i, "settings_module: " + Scalar(scan.SettingsModule));
        }
    }

    private static void WriteHealthCheck(StringBuilder w, int i, DjangoProjectScan scan)
    {
        Line(w, i, "# The path that tells Django is up (load balancer checks; on ec2 the boot script waits for it); it must answer 200");
        Line(w, i, "# without a database query. Default: /api/health-check/.");
        if (scan.HealthCheckPath is null)
        {
            Line(w, i, "# TODO no health-check URL was found in urls.py: add a view answering 200 and set its path.");
            Line(w, i, "# health_check_path: /health/");
        }
        else
        {
            Line(w, i, "health_check_path: " + Scalar(scan.HealthCheckPath));
        }
    }

    private static void WriteEnvironment(StringBuilder w, int i, DjangoProjectScan scan, string stackName, bool withSecrets)
    {
        var unprovided = scan.UnprovidedNames;
        var plain = withSecrets ? unprovided.Where(n => !n.Mapping.Secret).ToList() : unprovided.ToList();
        var secret = withSecrets ? unprovided.Where(n => n.Mapping.Secret).ToList() : [];

        Line(w, i, "# Plain variables for every container (configuration only: never a password or key). Default: none.");
        Line(w, i, "# DjangoCdk already sets DEBUG, ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS, the POSTGRES_* and REDIS_* values, S3_BUCKET_NAME ...");
        if (scan.ReadsDotEnv) Line(w, i, "# The settings load a .env file: it is not deployed (keep it out of the image); set its values here.");
        // The settings read these credentials without a default, so the name must exist: empty, boto3 (and django-storages,
        // which passes them to boto3.Session) fall back to the default chain, which is the role.
        var emptyCredentials = scan.EnvNames.Where(n => n.Mapping.Kind == EnvNameKind.IamRole && n.Required).Select(n => n.Name).ToList();
        if (emptyCredentials.Count == 0) Line(w, i, "environment_variables: {}");
        else
        {
            Line(w, i, "environment_variables:");
            Line(w, i + 1, "# Required by the settings, left empty on purpose: boto3 then signs with the IAM role (no key is stored anywhere).");
            foreach (var name in emptyCredentials) Line(w, i + 1, $"{name}: \"\"");
        }

        if (plain.Count > 0)
        {
            Line(w, i, "# TODO the settings read these and nothing provides them; set each one you need" + (withSecrets ? ":" : " (a secret's value does not belong here: this target has no secrets key):"));
            foreach (var name in plain) Line(w, i, "#   " + EnvEntry(name, "\"...\""));
        }

        Line(w, i, "# Names the project reads -> the value DjangoCdk provides under its own name (DATABASE_URL and REDIS_URL");
        Line(w, i, "# are composed secrets: postgres://... and rediss://...). Default: none. Detected from the settings.");
        var aliases = scan.Aliases;
        if (aliases.Count == 0)
        {
            Line(w, i, "environment_aliases: {}");
        }
        else
        {
            Line(w, i, "environment_aliases:");
            foreach (var (name, target) in aliases.OrderBy(a => a.Key, StringComparer.Ordinal)) Line(w, i + 1, $"{name}: {target}");
        }

        var iam = scan.EnvNames.Where(n => n.Mapping.Kind == EnvNameKind.IamRole).ToList();
        if (iam.Count > 0)
            Line(w, i, $"# {string.Join(", ", iam.Select(n => n.Name))}: not needed, the {(withSecrets ? "task's" : "instance's")} IAM role provides AWS credentials (boto3's default chain). Never put keys in them.");

        if (!withSecrets) return;
        Line(w, i, "# Secrets: NAME: a Secrets Manager secret's ARN or name, or {secret: ..., field: ...} for one JSON field. Default: none.");
        Line(w, i, "secrets: {}");
        if (secret.Count > 0)
        {
            Line(w, i, "# TODO the settings read these names, which look like secrets, and nothing provides them; create each secret and name it here:");
            foreach (var name in secret) Line(w, i, "#   " + EnvEntry(name, $"{stackName}/{name.Name.ToLowerInvariant().Replace('_', '-')}"));
        }
    }

    private static string EnvEntry(EnvNameUse name, string placeholder)
    {
        var read = name.Reads.FirstOrDefault(r => r.Required) ?? name.Reads[0];
        var note = name.Required ? "required" : $"optional, has a default";
        return $"{name.Name}: {placeholder}   # {note}: {read.Where}";
    }

    private static void Required(StringBuilder w, int i, string key, string? value, string example)
    {
        if (value is null) Line(w, i, $"# TODO required: {key}: {example}");
        else Line(w, i, $"{key}: {Scalar(value)}");
    }

    private static void Optional(StringBuilder w, int i, string key, string? value, string example) =>
        Line(w, i, value is null ? $"# {key}: {example}" : $"{key}: {Scalar(value)}");

    private static string Folder(string relative) => relative == "." ? "this folder" : relative + "/";

    private static void Line(StringBuilder w, int indent, string text) => w.Append(' ', indent * 2).Append(text).Append('\n');

    private static void Blank(StringBuilder w) => w.Append('\n');

    /// <summary>A path from the config's folder, with forward slashes; "." for the folder itself.</summary>
    private static string PathFrom(string configDirectory, string path) => Path.GetRelativePath(configDirectory, path).Replace('\\', '/');

    /// <summary>A YAML scalar: plain when that is safe, else double-quoted.</summary>
    internal static string Scalar(string value) =>
        PlainScalar().IsMatch(value) && !value.Contains(": ", StringComparison.Ordinal) && !Reserved().IsMatch(value) ? value : Quote(value);

    private static string FlowList(IEnumerable<string> items) =>
        "[" + string.Join(", ", items.Select(item => FlowPlain().IsMatch(item) && !Reserved().IsMatch(item) ? item : Quote(item))) + "]";

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    [GeneratedRegex(@"^[A-Za-z_./][A-Za-z0-9_./:@ =-]*(?<! )$")]
    private static partial Regex PlainScalar();

    [GeneratedRegex(@"^[A-Za-z_/][A-Za-z0-9_./@-]*$")]
    private static partial Regex FlowPlain();

    [GeneratedRegex(@"^(?i:true|false|yes|no|on|off|y|n|null|~|\.inf|\.nan)$|^[-+]?\.?[0-9]|^-")]
    private static partial Regex Reserved();
}
