using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>The arguments and options of <c>django-cdk init</c>.</summary>
public sealed class InitSettings : GlobalSettings
{
    /// <summary>The Django project's folder (holding manage.py, or with manage.py in an immediate subfolder).</summary>
    [CommandArgument(0, "[DIRECTORY]")]
    [Description("The Django project's folder (holding manage.py). Default: the current folder.")]
    public string? Directory { get; init; }

    /// <summary>The deployment target; when not given, the detected one (vue with a frontend, else ecs), or asked.</summary>
    [CommandOption("--target <TARGET>")]
    [Description("What to deploy: ecs, vue, static, eks, ec2 or s3. Default: vue when a frontend is found, else ecs.")]
    public string? Target { get; init; }

    /// <summary>The CloudFormation stack name; when not given, the project's name, or asked.</summary>
    [CommandOption("--name <NAME>")]
    [Description("The CloudFormation stack name (letters, digits, hyphens; starts with a letter). Default: the project's name.")]
    public string? Name { get; init; }

    /// <summary>The site's domain name; when not given, asked (interactive) or left out.</summary>
    [CommandOption("--domain <DOMAIN>")]
    [Description("The site's domain name, e.g. api.example.com (the app's domain for vue). Default: none.")]
    public string? Domain { get; init; }

    /// <summary>The Route 53 hosted zone holding the domain; when not given, the domain without its first label.</summary>
    [CommandOption("--zone <ZONE>")]
    [Description("The Route 53 hosted zone holding --domain, e.g. example.com. Default: --domain without its first label.")]
    public string? Zone { get; init; }

    /// <summary>The sizing preset.</summary>
    [CommandOption("--preset <PRESET>")]
    [Description("Sizes and safeguards: starter or production. Default: starter.")]
    public string? Preset { get; init; }

    /// <summary>The config file to write.</summary>
    [CommandOption("-c|--config <FILE>")]
    [Description("The config file to write. Default: django-cdk.yaml in DIRECTORY.")]
    public string? Config { get; init; }

    /// <summary>Overwrites an existing config file.</summary>
    [CommandOption("--force")]
    [Description("Overwrite the config file if it exists.")]
    public bool Force { get; init; }

    /// <summary>Asks nothing: detected values and defaults only (also when the console is not interactive).</summary>
    [CommandOption("-y|--yes")]
    [Description("Ask nothing: use the detected values and the defaults (implied when not on a terminal).")]
    public bool Yes { get; init; }

    /// <summary>Checks the values of the options on their own, before anything is read.</summary>
    public override ValidationResult Validate()
    {
        if (Target is not null && !InitTargets.All.Contains(Target))
            return ValidationResult.Error($"--target is '{Target}'; use one of: {string.Join(", ", InitTargets.All)}.");
        if (Preset is not null && !InitTargets.Presets.Contains(Preset))
            return ValidationResult.Error($"--preset is '{Preset}'; use one of: {string.Join(", ", InitTargets.Presets)}.");
        if (Name is not null && !InitTargets.IsStackName(Name))
            return ValidationResult.Error($"--name is '{Name}'; a stack name has letters, digits and hyphens, starts with a letter and has at most 128 characters (e.g. my-blog).");
        if (Domain is not null && !InitTargets.IsDomainName(Domain))
            return ValidationResult.Error($"--domain is '{Domain}'; give a DNS name such as api.example.com (no scheme, no path).");
        if (Zone is not null && !InitTargets.IsDomainName(Zone) && !InitTargets.IsDomainName("x." + Zone))
            return ValidationResult.Error($"--zone is '{Zone}'; give a hosted zone name such as example.com.");
        if (Zone is not null && Domain is null)
            return ValidationResult.Error("--zone needs --domain: the zone is where the domain's records go.");
        if (Zone is not null && Domain is not null && !(Domain.TrimEnd('.') + ".").EndsWith("." + Zone.TrimEnd('.') + ".", StringComparison.OrdinalIgnoreCase)
            && !Domain.TrimEnd('.').Equals(Zone.TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
            return ValidationResult.Error($"--domain '{Domain}' is not in --zone '{Zone}'; the zone must be the domain or one of its parents.");
        return ValidationResult.Success();
    }
}
