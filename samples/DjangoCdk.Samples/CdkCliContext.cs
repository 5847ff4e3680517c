namespace DjangoCdk.Samples;

/// <summary>
/// The context the AWS CDK CLI hands an app, rebuilt for <c>dotnet run</c>, so that it synthesizes the same templates
/// as <c>npx aws-cdk synth</c>: <c>cdk.json</c>'s <c>context</c> (feature flags) over <c>cdk.context.json</c> (the
/// lookup cache), plus the settings the CLI always adds (construct paths and asset metadata in templates, version
/// reporting, bundling every stack).
/// </summary>
public static class CdkCliContext
{
    /// <summary>The project file the CLI reads (<c>app</c>, settings, <c>context</c>).</summary>
    public const string ProjectFile = "cdk.json";

    /// <summary>The lookup cache the CLI reads and writes next to <see cref="ProjectFile"/>.</summary>
    public const string LookupCacheFile = "cdk.context.json";

    /// <summary>
    /// Variables through which the CLI passes context to the app; any of them means the CLI is running it.
    /// aws-cdk-lib 2.160's <c>App</c> reads <c>CDK_CONTEXT_JSON</c> (cx-api <c>CONTEXT_ENV</c>, which every CLI
    /// version sets) and the file named by <c>CONTEXT_OVERFLOW_LOCATION_ENV</c> (context too large for one
    /// variable). <c>CDK_CONTEXT_FILE</c> is not read by 2.160; it is only taken as a sign of a CLI that passes
    /// context in a file.
    /// </summary>
    public static readonly IReadOnlyList<string> CliVariables = ["CDK_CONTEXT_JSON", "CONTEXT_OVERFLOW_LOCATION_ENV", "CDK_CONTEXT_FILE"];

    /// <summary>Whether the AWS CDK CLI runs this app (it then passes the context itself and answers lookups).</summary>
    public static bool IsRunByCli(Func<string, string?> getVariable) =>
        CliVariables.Any(name => !string.IsNullOrEmpty(getVariable(name)));

    /// <summary>The folder holding <see cref="ProjectFile"/>, searched upwards from <paramref name="start"/>; null when there is none.</summary>
    public static string? FindProjectDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, ProjectFile))) return dir.FullName;
        }

        return null;
    }

    /// <summary>
    /// The context the CLI would pass for the project in <paramref name="projectDirectory"/>: <c>cdk.context.json</c>,
    /// overridden by <c>cdk.json</c>'s <c>context</c>, then the CLI's settings (<c>pathMetadata</c>,
    /// <c>assetMetadata</c>, <c>versionReporting</c>, <c>staging</c>, <c>bundlingStacks</c> from <c>cdk.json</c>,
    /// with the CLI's defaults).
    /// </summary>
    public static Dictionary<string, object> Load(string projectDirectory)
    {
        var project = ReadObject(Path.Combine(projectDirectory, ProjectFile));
        var context = new Dictionary<string, object>();
        foreach (var (key, value) in ReadObject(Path.Combine(projectDirectory, LookupCacheFile))) context[key] = value;
        if (project.TryGetValue("context", out var projectContext) && projectContext is Dictionary<string, object> flags)
        {
            foreach (var (key, value) in flags) context[key] = value;
        }

        // What the CLI's exec step adds (aws-cdk CLI settings -> context), defaults included.
        if (Setting(project, "pathMetadata", true)) context["aws:cdk:enable-path-metadata"] = true;
        if (Setting(project, "assetMetadata", true)) context["aws:cdk:enable-asset-metadata"] = true;
        if (Setting(project, "versionReporting", true)) context["aws:cdk:version-reporting"] = true;
        else context["aws:cdk:disable-version-reporting"] = true;
        if (!Setting(project, "staging", true)) context["aws:cdk:disable-asset-staging"] = true;
        context["aws:cdk:bundling-stacks"] = project.TryGetValue("bundlingStacks", out var stacks) && stacks is object[] list
            ? list
            : new object[] { "**" };
        return context;
    }

    private static bool Setting(Dictionary<string, object> project, string name, bool fallback) =>
        project.TryGetValue(name, out var value) && value is bool flag ? flag : fallback;

    private static Dictionary<string, object> ReadObject(string file) =>
        File.Exists(file) ? DjangoCdk.Cli.ContextJson.ReadObject(File.ReadAllText(file), file) : [];
}
