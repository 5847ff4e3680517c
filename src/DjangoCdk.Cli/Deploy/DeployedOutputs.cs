using System.Text.Json.Nodes;

namespace DjangoCdk.Cli;

/// <summary>
/// The outputs of the deployed stack: from cdk-outputs.json, which deploy writes beside the config, or else asked of
/// CloudFormation with the AWS CLI.
/// </summary>
public static class DeployedOutputs
{
    /// <summary>The stack's outputs by key.</summary>
    public static IReadOnlyDictionary<string, string> Read(CliServices services, AppConfig config)
    {
        var file = Path.Combine(config.Directory, CdkCli.OutputsFile);
        if (File.Exists(file) && JsonNode.Parse(File.ReadAllText(file))?[config.Name] is JsonObject saved)
            return saved.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString() ?? "");
        if (services.Processes.Find("aws") is null)
            throw new CliException($"No outputs of stack {config.Name}: {CdkCli.OutputsFile} is not beside the config (django-cdk deploy writes it) and the AWS CLI is not installed to ask CloudFormation. Deploy first, or install the AWS CLI v2.");
        var arguments = new List<string> { "cloudformation", "describe-stacks", "--stack-name", config.Name, "--query", "Stacks[0].Outputs", "--output", "json" };
        if (config.Region is not null) arguments.AddRange(["--region", config.Region]);
        var result = services.Processes.Capture(new ProcessCommand("aws", arguments));
        if (result.ExitCode != 0)
            throw new CliException($"Could not read the outputs of stack {config.Name} (aws cloudformation describe-stacks exit code {result.ExitCode}): {result.StandardError.Trim()}");
        return (JsonNode.Parse(result.StandardOutput) as JsonArray ?? [])
            .OfType<JsonObject>()
            .ToDictionary(o => (string?)o["OutputKey"] ?? "", o => (string?)o["OutputValue"] ?? "");
    }

    /// <summary>The output whose key ends with <paramref name="suffix"/> (keys carry the construct's path before the name).</summary>
    public static string? Find(IReadOnlyDictionary<string, string> outputs, string suffix) =>
        outputs.Where(kv => kv.Key.EndsWith(suffix, StringComparison.Ordinal)).Select(kv => kv.Value).FirstOrDefault();
}
