namespace DjangoCdk.Cli;

/// <summary>
/// The context django-cdk gives the CDK app, as the AWS CDK CLI would: the feature flags DjangoCdk is tested with
/// (the repository's cdk.json, shipped in the tool), the lookup cache <c>cdk.context.json</c> beside the config, and
/// the CLI's own settings (construct paths and asset metadata in templates, bundling every stack). When the CDK CLI
/// runs django-cdk (deploy, diff), it passes the context itself and this is not used.
/// </summary>
public static class CdkContext
{
    /// <summary>The lookup cache's file name, beside the config (where the CDK CLI, run from that folder, reads and writes it).</summary>
    public const string LookupCacheFile = "cdk.context.json";

    /// <summary>Variables through which the CDK CLI passes context to an app: any of them means the CLI runs us.</summary>
    public static readonly IReadOnlyList<string> CliVariables = ["CDK_CONTEXT_JSON", "CONTEXT_OVERFLOW_LOCATION_ENV", "CDK_CONTEXT_FILE"];

    /// <summary>Whether the AWS CDK CLI runs this process as its app.</summary>
    public static bool IsRunByCli(Func<string, string?> getVariable) => CliVariables.Any(v => !string.IsNullOrEmpty(getVariable(v)));

    /// <summary>
    /// The context for an app whose config is in <paramref name="configDirectory"/>. Under the CDK CLI
    /// (<paramref name="runByCli"/>) the CLI passes the lookup cache and its settings itself, and they override these.
    /// </summary>
    public static Dictionary<string, object> For(string configDirectory, bool runByCli)
    {
        var context = new Dictionary<string, object>();
        var cache = Path.Combine(configDirectory, LookupCacheFile);
        if (!runByCli && File.Exists(cache))
        {
            foreach (var (key, value) in ReadObject(File.ReadAllText(cache), cache)) context[key] = value;
        }

        using var flagsStream = typeof(CdkContext).Assembly.GetManifestResourceStream("DjangoCdk.Cli.cdk.json")!;
        var project = ReadObject(new StreamReader(flagsStream).ReadToEnd(), "cdk.json");
        if (project.TryGetValue("context", out var flags) && flags is Dictionary<string, object> byName)
        {
            foreach (var (key, value) in byName) context[key] = value;
        }

        context["aws:cdk:enable-path-metadata"] = true;
        context["aws:cdk:enable-asset-metadata"] = true;
        context["aws:cdk:version-reporting"] = true;
        context["aws:cdk:bundling-stacks"] = new object[] { "**" };
        return context;
    }

    private static Dictionary<string, object> ReadObject(string text, string file)
    {
        try
        {
            return ContextJson.ReadObject(text, file);
        }
        catch (InvalidDataException e)
        {
            throw new CliException(e.Message);
        }
    }
}
