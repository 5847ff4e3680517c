using Amazon.CDK;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// Makes an unanswered synth-time lookup impossible to miss. When a lookup has no answer in the context, the CDK
/// returns a placeholder and records the question for the CDK CLI, which answers it with the user's credentials,
/// caches it in cdk.context.json and synthesizes again; a plain <c>dotnet run</c>, or the CLI without credentials,
/// leaves the placeholder in the template. These are the placeholders the CDK returns (aws-cdk-lib 2.160).
/// </summary>
internal static class Lookups
{
    public static bool IsPlaceholderZoneId(string hostedZoneId) => hostedZoneId == "DUMMY";

    public static bool IsPlaceholderZone(string availabilityZone) => availabilityZone.StartsWith("dummy", StringComparison.Ordinal);

    public static bool IsPlaceholderImage(string imageId) => imageId.StartsWith("dummy-value-for-", StringComparison.Ordinal);

    /// <summary>Warns on <paramref name="scope"/> when <paramref name="unanswered"/>, naming <paramref name="what"/>.</summary>
    public static void WarnIfUnanswered(IConstruct scope, bool unanswered, string what)
    {
        if (!unanswered) return;
        Annotations.Of(scope).AddWarningV2(SynthesisWarnings.UnansweredLookup,
            $"The lookup of {what} has no answer yet, so the template holds a placeholder and cannot be deployed. " +
            "Synthesize through the CDK CLI with AWS credentials (npx aws-cdk synth), which answers lookups and records them in cdk.context.json (commit it).");
    }
}
