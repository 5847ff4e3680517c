using Amazon.CDK.CXAPI;

namespace DjangoCdk.Samples;

/// <summary>
/// What <c>cdk synth</c> tells its user, for a synthesized cloud assembly: the warning and error annotations of every
/// stack, the context lookups left unanswered, and the stacks made. Decides the app's exit code.
/// </summary>
public static class SynthesisReport
{
    /// <summary>
    /// Prints the report to <paramref name="output"/>. When the CLI runs the app (<paramref name="runByCli"/>) it prints
    /// annotations and answers lookups itself, so only the stack summary is printed.
    /// </summary>
    /// <returns>The exit code: errors in annotations first, then unanswered lookups (outside the CLI), else success.</returns>
    public static SynthesisExitCode Print(CloudAssembly assembly, bool runByCli, TextWriter output)
    {
        var stacks = assembly.StacksRecursively;
        var errors = 0;
        if (!runByCli)
        {
            foreach (var stack in stacks)
            {
                foreach (var message in stack.Messages)
                {
                    if (message.Level == SynthesisMessageLevel.INFO) continue;
                    var level = message.Level == SynthesisMessageLevel.ERROR ? "Error" : "Warning";
                    if (message.Level == SynthesisMessageLevel.ERROR) errors++;
                    output.WriteLine($"[{level} at {message.Id}] {message.Entry.Data}");
                }
            }
        }

        output.WriteLine($"Synthesized {stacks.Length} stacks into {Path.GetFullPath(assembly.Directory)}:");
        var width = stacks.Select(s => s.StackName.Length).DefaultIfEmpty(0).Max();
        foreach (var stack in stacks)
        {
            var environment = $"{stack.Environment.Account}/{stack.Environment.Region}";
            output.WriteLine($"  {stack.StackName.PadRight(width)} {CountResources(stack),4} resources  {environment,-40} {Path.GetFileName(stack.TemplateFullPath)}");
        }

        var missing = runByCli ? [] : assembly.Manifest.Missing ?? [];
        if (missing.Length > 0)
        {
            var rule = new string('=', 100);
            output.WriteLine(rule);
            output.WriteLine("MISSING CONTEXT: these lookups were not answered, so the templates above hold DUMMY values");
            output.WriteLine("(availability zones dummy1a..., AMI ids dummy-value-for-...). Do not deploy them.");
            foreach (var lookup in missing)
            {
                output.WriteLine($"  {lookup.Provider,-20} {lookup.Key}");
            }

            output.WriteLine("Answer them by running the app through the AWS CDK CLI with credentials for that account");
            output.WriteLine("(npx aws-cdk synth looks them up, caches them in cdk.context.json and re-runs the app),");
            output.WriteLine("or commit the answers in cdk.context.json at the repository root.");
            output.WriteLine(rule);
        }

        if (errors > 0)
        {
            output.WriteLine($"{errors} error annotation(s): not deployable as it is (cdk synth and cdk deploy stop here too).");
            return SynthesisExitCode.NotDeployable;
        }

        return missing.Length > 0 ? SynthesisExitCode.MissingContext : SynthesisExitCode.Success;
    }

    private static int CountResources(CloudFormationStackArtifact stack) =>
        stack.Template is IDictionary<string, object> template && template.TryGetValue("Resources", out var resources) && resources is IDictionary<string, object> byId
            ? byId.Count
            : 0;
}
