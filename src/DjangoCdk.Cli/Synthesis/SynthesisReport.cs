using System.Globalization;
using System.Text.Json.Nodes;

namespace DjangoCdk.Cli;

/// <summary>How a synthesis is reported: stacks, resource counts, outputs, warnings, errors and unanswered lookups.</summary>
public static class SynthesisReport
{
    /// <summary>The summary as tables and lines.</summary>
    public static void Print(CliOutput output, SynthesisResult result)
    {
        PrintMessages(output, result);

        if (result.Environment.FromCredentials)
            output.Plain($"Account {result.Environment.Account ?? "(none)"} and region {result.Environment.Region ?? "(none)"} from your AWS credentials (aws sts get-caller-identity, aws configure get region); set account: and region: in the config to pin them.");
        output.Heading($"Synthesized into {result.OutDirectory}");
        output.Table(["Stack", "Resources", "Account/Region", "Template"],
            result.Stacks.Select(s => (IReadOnlyList<string>)[s.StackName, ResourceCount(s).ToString(CultureInfo.InvariantCulture), Environment(s), Path.GetFileName(s.TemplateFile)]),
            rightAligned: new HashSet<int> { 1 });
        var outputs = result.Stacks.Where(s => !s.IsNested).SelectMany(s => Outputs(s).Select(o => (s.StackName, o.Name, o.Description))).ToList();
        if (outputs.Count > 0)
        {
            output.Heading("Outputs (their values exist once deployed: django-cdk deploy prints them)");
            output.Table(["Stack", "Output", "Description"], outputs.Select(o => (IReadOnlyList<string>)[o.StackName, o.Name, o.Description]));
        }

        var warnings = result.Messages.Count(m => !m.IsError);
        var errors = result.Messages.Count(m => m.IsError);
        output.Plain($"{warnings} warning(s), {errors} error(s).");
        if (result.MissingLookups.Count > 0)
        {
            output.Error("these lookups have no answer, so the templates hold dummy values; do not deploy them as they are:");
            foreach (var lookup in result.MissingLookups) output.Plain("  " + lookup);
            output.Plain("django-cdk deploy and diff answer them with your AWS credentials (the CDK CLI caches the answers in cdk.context.json beside the config); commit that file.");
        }

        if (errors > 0) output.Error("not deployable as it is: fix the errors above.");
        else if (result.MissingLookups.Count == 0) output.Success("Next: django-cdk cost, django-cdk diagram, or django-cdk deploy (needs AWS credentials and Docker).");
    }

    /// <summary>The constructs' warnings and errors, each with the construct it is about.</summary>
    public static void PrintMessages(CliOutput output, SynthesisResult result)
    {
        foreach (var message in result.Messages)
        {
            if (message.IsError) output.Error($"{message.Text} (at {message.ConstructPath})");
            else output.Warning($"{message.Text} (at {message.ConstructPath})");
        }
    }

    /// <summary>The summary as one JSON document.</summary>
    public static JsonObject ToJson(SynthesisResult result) => new()
    {
        ["outDirectory"] = result.OutDirectory,
        ["stacks"] = new JsonArray(result.Stacks.Select(s => (JsonNode)new JsonObject
        {
            ["name"] = s.StackName,
            ["nested"] = s.IsNested,
            ["account"] = s.Account,
            ["region"] = s.Region,
            ["resources"] = ResourceCount(s),
            ["template"] = s.TemplateFile,
            ["outputs"] = new JsonArray(Outputs(s).Select(o => (JsonNode)new JsonObject { ["name"] = o.Name, ["description"] = o.Description }).ToArray()),
        }).ToArray()),
        ["warnings"] = new JsonArray(result.Messages.Where(m => !m.IsError).Select(Message).ToArray()),
        ["errors"] = new JsonArray(result.Messages.Where(m => m.IsError).Select(Message).ToArray()),
        ["missingLookups"] = new JsonArray(result.MissingLookups.Select(l => (JsonNode)l).ToArray()),
    };

    /// <summary>Errors first (not deployable), then unanswered lookups, else success.</summary>
    public static ExitCode ExitCodeOf(SynthesisResult result) =>
        result.HasErrors ? ExitCode.UserError : result.MissingLookups.Count > 0 ? ExitCode.LookupMissing : ExitCode.Success;

    private static JsonNode Message(SynthesisMessage m) => new JsonObject { ["path"] = m.ConstructPath, ["message"] = m.Text };

    private static int ResourceCount(SynthesizedStack stack) => stack.Resources.Count();

    private static string Environment(SynthesizedStack stack) => $"{stack.Account ?? "(any)"}/{stack.Region ?? "(any)"}";

    private static IEnumerable<(string Name, string Description)> Outputs(SynthesizedStack stack) =>
        (stack.Template["Outputs"] as JsonObject ?? [])
            .Select(o => (o.Key, (string?)o.Value?["Description"] ?? ""));
}
