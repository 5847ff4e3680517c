using Amazon.CDK;
using Amazon.CDK.CXAPI;
using Amazon.JSII.Runtime;

namespace DjangoCdk.Cli;

/// <summary>
/// Config to CloudFormation: one stack named after the app, the target's construct in it with the props bound from
/// the config, synthesized into a cloud assembly. A value a construct rejects comes back as the construct's own
/// message, pointed at the config line that set it.
/// </summary>
public static class Synthesizer
{
    /// <summary>Synthesizes <paramref name="config"/> into <paramref name="outDirectory"/>.</summary>
    public static SynthesisResult Synthesize(AppConfig config, string outDirectory, CliServices services)
    {
        var runByCli = CdkContext.IsRunByCli(services.GetVariable);
        var app = new App(new AppProps
        {
            Outdir = outDirectory,
            Context = CdkContext.For(config.Directory, runByCli),
        });
        var environment = StackEnvironment.Resolve(services, config);
        var (account, region) = (environment.Account, environment.Region);
        var stack = new Stack(app, config.Name, new StackProps
        {
            StackName = config.Name,
            Description = $"Django app {config.Name}: target {config.Target.Name}, preset {config.Preset.ToString().ToLowerInvariant()} (django-cdk)",
            Env = account is null && region is null ? null : new Amazon.CDK.Environment { Account = account, Region = region },
        });
        foreach (var (key, value) in config.Tags) Tags.Of(stack).Add(key, value);

        var binder = new PropsBinder(config, stack);
        CloudAssembly assembly;
        try
        {
            var props = binder.BindTarget();
            config.Target.Create(stack, DeployTarget.ConstructId, props);
            assembly = app.Synth();
        }
        catch (DjangoCdkValidationException e)
        {
            throw PointAtConfig(config, binder, e, hasAccount: account is not null);
        }
        catch (JsiiError e)
        {
            throw new CliException($"{config.File}: the AWS CDK rejected the app: {e.Message}\n" +
                "If this does not point at a value in your config, it is a bug in django-cdk: run again with --verbose and report it.");
        }

        var messages = assembly.StacksRecursively
            .SelectMany(s => s.Messages)
            .Where(m => m.Level != SynthesisMessageLevel.INFO)
            .Select(m => new SynthesisMessage(m.Id, m.Entry.Data?.ToString() ?? "", m.Level == SynthesisMessageLevel.ERROR))
            .ToList();
        var missing = runByCli ? [] : (assembly.Manifest.Missing ?? []).Select(m => $"{m.Provider} {m.Key}").ToList();
        return new SynthesisResult(outDirectory, CloudAssemblyReader.Read(outDirectory), messages, missing, environment);
    }

    /// <summary>
    /// The construct's message, at the config line of the prop it names; for a prop the file does not set, at the
    /// nearest enclosing key that it does set (<c>monitoring:</c> for <c>Monitoring.Alarms.X.Threshold</c>), else at
    /// the section.
    /// </summary>
    private static CliException PointAtConfig(AppConfig config, PropsBinder binder, DjangoCdkValidationException e, bool hasAccount)
    {
        var (bound, key) = Locate(config, binder.Bound, e.ParamName ?? "", e.ConstructPath);
        var exact = bound is not null && key == bound.Key;
        var location = bound?.Location ?? config.SectionLocation;
        var message = e.Message;
        var prefix = e.ConstructPath + ": ";
        if (message.StartsWith(prefix, StringComparison.Ordinal)) message = message[prefix.Length..];
        var preset = exact && bound!.FromPreset
            ? $" (The value comes from preset '{config.Preset.ToString().ToLowerInvariant()}'; set {key} in the file to override it.)"
            : "";
        // The constructs speak of a stack's Env; in the config that is account: and region:, or the deploying credentials.
        var environment = !hasAccount && message.Contains("environment-agnostic", StringComparison.Ordinal)
            ? " With django-cdk: set account: and region: at the top of the config, or configure AWS credentials and the AWS CLI (django-cdk then asks them, as the CDK CLI does)."
            : "";
        return new CliException($"{location}: {key}: {message}{preset}{environment}");
    }

    /// <summary>
    /// The bound key that set the prop at <paramref name="paramName"/> (a path such as "CeleryWorkers[0].Cpu"), or the
    /// nearest one above it, and the prop's key in the config. DjangoVue passes its nested props to child constructs
    /// (.../App/Django, .../App/Frontend), whose errors name the prop from there: the key under that section is preferred.
    /// </summary>
    private static (BoundProp? Bound, string Key) Locate(AppConfig config, IReadOnlyList<BoundProp> bound, string paramName, string constructPath)
    {
        var segments = paramName.Split('.', StringSplitOptions.RemoveEmptyEntries);
        var constructSegments = constructPath.Split('/');
        for (var n = segments.Length; n >= 1; n--)
        {
            var prefix = string.Join('.', segments[..n]);
            var candidates = bound.Where(b => b.PropPath == prefix || b.PropPath.EndsWith("." + prefix, StringComparison.Ordinal)).ToList();
            if (candidates.Count == 0) continue;
            var match = candidates.FirstOrDefault(b => b.Key.Split('.').SkipLast(1).Any(part =>
                    constructSegments.Any(segment => string.Equals(segment, part, StringComparison.OrdinalIgnoreCase))))
                ?? candidates[0];
            return (match, string.Join('.', segments[n..].Select(ConfigNames.ToSnakeCase).Prepend(match.Key)));
        }

        return (null, string.Join('.', segments.Select(ConfigNames.ToSnakeCase).Prepend(config.Target.Name)));
    }
}
