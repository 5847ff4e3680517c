using Spectre.Console;
using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>
/// <c>django-cdk init [DIRECTORY]</c>: looks at a Django project, prints what it found and which environment
/// variables DjangoCdk provides, and writes a commented django-cdk.yaml. It asks only what it cannot detect (the
/// target, the stack name, the preset, the domain), and only on a terminal without --yes.
/// </summary>
public sealed class InitCommand(CliServices services, CliOutput output) : Command<InitSettings>
{
    /// <summary>The config file's name when --config is not given.</summary>
    public const string DefaultConfigFile = "django-cdk.yaml";

    /// <inheritdoc />
    public override int Execute(CommandContext context, InitSettings settings, CancellationToken cancellationToken)
    {
        var directory = services.FullPath(settings.Directory ?? ".");
        var scan = DjangoProjectScanner.Scan(directory);
        var configPath = settings.Config is null ? Path.Combine(directory, DefaultConfigFile) : services.FullPath(settings.Config);
        if (File.Exists(configPath) && !settings.Force)
            throw new CliException($"{configPath} already exists; init does not overwrite it. Run again with --force to replace it, or --config <file> to write another file.");

        var interactive = services.Interactive && !settings.Yes;
        var choices = Choose(scan, settings, interactive);

        output.Heading($"Django project in {scan.ProjectRoot}");
        output.Table(["Item", "Value", "Where"], scan.Findings.Select(f => (IReadOnlyList<string>)[f.Item, f.Value, f.Where]));
        WriteEnvironmentReport(scan);

        var text = ConfigWriter.Write(scan, choices, Path.GetDirectoryName(configPath)!);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(configPath)!);
        File.WriteAllText(configPath, text);

        output.Blank();
        if (choices.Target == "vue" && choices.Domain is null)
            output.Warning("target vue needs a domain: set vue.domain_name and vue.zone_name in the config (or run init again with --domain).");
        output.Success($"Wrote {configPath} (target {choices.Target}, stack {choices.Name}).");
        // synth reads django-cdk.yaml in the current folder unless told otherwise.
        var fromHere = Path.GetRelativePath(services.CurrentDirectory, configPath).Replace('\\', '/');
        var configArgument = fromHere == DefaultConfigFile ? "" : $" --config {fromHere}";
        output.Plain($"Next: review the TODO comments in it, then run `django-cdk synth{configArgument}`. `django-cdk schema` writes the schema it points at.");
        return (int)ExitCode.Success;
    }

    private InitChoices Choose(DjangoProjectScan scan, InitSettings settings, bool interactive)
    {
        var console = output.Console;
        var target = settings.Target ?? (interactive
            ? Select(console, $"What to deploy? (detected: {scan.SuggestedTarget})",
                new[] { scan.SuggestedTarget }.Concat(InitTargets.All.Where(t => t != scan.SuggestedTarget)).ToList(),
                t => $"{t}: {InitTargets.Descriptions[t]}")
            : scan.SuggestedTarget);

        var name = settings.Name ?? (interactive
            ? console.Prompt(new TextPrompt<string>("Stack name?")
                .DefaultValue(scan.SuggestedName)
                .Validate(n => InitTargets.IsStackName(n) ? ValidationResult.Success() : ValidationResult.Error("Letters, digits and hyphens, starting with a letter.")))
            : scan.SuggestedName);

        var preset = settings.Preset ?? (interactive
            ? Select(console, "Preset? (starter: the smallest sizes; production: sizes and safeguards for a live site)", InitTargets.Presets, p => p)
            : InitTargets.Presets[0]);

        var domain = settings.Domain;
        if (domain is null && interactive && target != "s3")
        {
            var prompt = new TextPrompt<string>(target == "vue" ? "The site's domain name (e.g. app.example.com)?" : "The site's domain name (empty for none)?")
                .Validate(d => d.Length == 0 && target != "vue" || InitTargets.IsDomainName(d) ? ValidationResult.Success() : ValidationResult.Error("A DNS name such as api.example.com."));
            if (target != "vue") prompt.AllowEmpty();
            var answer = console.Prompt(prompt).Trim();
            domain = answer.Length == 0 ? null : answer;
        }

        var zone = settings.Zone;
        if (zone is null && domain is not null)
        {
            zone = interactive
                ? console.Prompt(new TextPrompt<string>("The Route 53 hosted zone holding it?").DefaultValue(InitTargets.ZoneOf(domain)))
                : InitTargets.ZoneOf(domain);
        }

        return new InitChoices(name, target, preset, domain, zone);
    }

    /// <summary>
    /// One of <paramref name="choices"/>, the first being the default: a selection list on a terminal that takes ANSI
    /// codes, else a typed answer (--no-color, NO_COLOR), since a selection list needs cursor movement.
    /// </summary>
    private static string Select(IAnsiConsole console, string title, IReadOnlyList<string> choices, Func<string, string> describe)
    {
        if (console.Profile.Capabilities.Ansi)
            return console.Prompt(new SelectionPrompt<string>().Title(title).AddChoices(choices).UseConverter(describe));
        return console.Prompt(new TextPrompt<string>(title).AddChoices(choices).DefaultValue(choices[0]).ShowChoices());
    }

    private void WriteEnvironmentReport(DjangoProjectScan scan)
    {
        output.Blank();
        if (scan.EnvNames.Count == 0)
        {
            output.Plain("The settings read no environment variables that init could find.");
            return;
        }

        output.Heading($"Environment variables the settings read ({string.Join(", ", scan.SettingsFiles)})");
        output.Table(["Name", "Required", "Provided by", "Where"], scan.EnvNames.Select(n =>
            (IReadOnlyList<string>)[n.Name, n.Required ? "yes" : "no (default)", n.Mapping.Description, n.Where]));

        foreach (var name in scan.UnprovidedNames.Where(n => n.Required))
            output.Warning($"{name.Name} is required ({name.Where}) and DjangoCdk does not provide it: set it under " +
                (name.Mapping.Secret ? "secrets" : "environment_variables") + " in the config (a TODO entry marks it).");
        var optional = scan.UnprovidedNames.Where(n => !n.Required).Select(n => n.Name).ToList();
        if (optional.Count > 0)
            output.Plain($"Not provided, with a default in the settings: {string.Join(", ", optional)} (listed as TODO comments in the config).");
        if (scan.ReadsDotEnv)
            output.Plain("The settings load a .env file: it is not deployed; its values belong in the config.");
    }
}
