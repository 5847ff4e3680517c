namespace DjangoCdk.Cli;

/// <summary>What synthesis made: the cloud assembly's folder and templates, the constructs' messages, unanswered lookups.</summary>
/// <param name="OutDirectory">The cloud assembly (cdk.out).</param>
/// <param name="Stacks">Its templates, nested stacks included.</param>
/// <param name="Messages">The warnings and errors, in order.</param>
/// <param name="MissingLookups">Context lookups without an answer: the templates then hold dummy values.</param>
/// <param name="Environment">The account and region the stack was synthesized for, and where they came from.</param>
public sealed record SynthesisResult(string OutDirectory, IReadOnlyList<SynthesizedStack> Stacks, IReadOnlyList<SynthesisMessage> Messages, IReadOnlyList<string> MissingLookups, StackEnvironment Environment)
{
    /// <summary>Whether any construct reported an error.</summary>
    public bool HasErrors => Messages.Any(m => m.IsError);
}
