using System.Globalization;

namespace DjangoCdk;

/// <summary>
/// A stack's estimated size in the parts its limits are about: the workers, the release commands and the rest, so
/// the check can say how many workers (or release commands) fit beside the rest.
/// </summary>
internal sealed record StackEstimate(StackSize Rest, IReadOnlyList<StackSize> Workers, IReadOnlyList<StackSize> ReleaseCommands)
{
    public StackSize Total => Workers.Concat(ReleaseCommands).Aggregate(Rest, (sum, part) => sum + part);

    public StackSize AllWorkers => Workers.Aggregate(default(StackSize), (sum, part) => sum + part);

    public StackSize AllReleaseCommands => ReleaseCommands.Aggregate(default(StackSize), (sum, part) => sum + part);
}

/// <summary>
/// CloudFormation's limits on one stack's template, and the check that a construct stays inside them with room to
/// spare, made from its options before it builds anything (CloudFormation would refuse the template at deploy time,
/// and the CDK only counts resources once the whole app has synthesized).
/// </summary>
internal static class StackLimits
{
    /// <summary>CloudFormation's quota of resources per stack (also the CDK's own synth-time check).</summary>
    public const int MaxResources = 500;

    /// <summary>
    /// The most resources DjangoCdk lets its construct estimate for a stack: 50 (10 %) are kept for resources the
    /// user adds to the same stack (alarms, queues, extra services).
    /// </summary>
    public const int ResourceBudget = 450;

    /// <summary>CloudFormation's limit on a template body uploaded to S3 (the CDK uploads every template above 51,200 bytes): 1 MB.</summary>
    public const long MaxTemplateBytes = 1_048_576;

    /// <summary>
    /// The most template bytes DjangoCdk lets its construct estimate for a stack: 900 KiB, keeping 124 KiB for the
    /// user's own resources and for what the estimate cannot see (long token values).
    /// </summary>
    public const long TemplateByteBudget = 921_600;

    /// <summary>
    /// Throws <see cref="Errors.OutOfRange(string, string, object?, string)"/> on CeleryWorkers (or on ReleaseCommands, when they
    /// hold more of the stack than the workers do) if <paramref name="estimate"/> is above either budget; the message
    /// says the estimate, the limit, how many fit with these options and what to do instead.
    /// </summary>
    public static void Check(string path, StackEstimate estimate, string construct, string elsewhere)
    {
        var total = estimate.Total;
        var overResources = total.Resources > ResourceBudget;
        var overBytes = total.Bytes > TemplateByteBudget;
        if (!overResources && !overBytes) return;

        var inv = CultureInfo.InvariantCulture;
        var what = overResources
            ? $"about {total.Resources.ToString(inv)} CloudFormation resources, above the {ResourceBudget.ToString(inv)} {construct} allows of CloudFormation's {MaxResources.ToString(inv)} per stack ({(MaxResources - ResourceBudget).ToString(inv)} are kept for resources you add to the same stack)"
            : $"a template of about {Kb(total.Bytes)} KB, above the {Kb(TemplateByteBudget)} KB {construct} allows of CloudFormation's {Kb(MaxTemplateBytes)} KB per template (the rest is kept for resources you add to the same stack)";

        // The prop that holds more of the limit crossed is the one to change.
        var release = estimate.AllReleaseCommands;
        var workerPart = estimate.AllWorkers;
        var blameRelease = overResources ? release.Resources > workerPart.Resources : release.Bytes > workerPart.Bytes;
        if (blameRelease)
        {
            var count = estimate.ReleaseCommands.Count;
            var fit = Fit(estimate.Rest + estimate.AllWorkers, estimate.ReleaseCommands.Aggregate((a, b) => a.Bytes >= b.Bytes ? a : b));
            throw Errors.OutOfRange(path, nameof(IDjangoAppProps.ReleaseCommands), $"{count.ToString(inv)} commands",
                $"With these options the stack would hold {what}. At most {fit.ToString(inv)} release commands fit beside the rest. " +
                "Join several management commands into one (a shell script in the image, or one management command that calls the others).");
        }

        var workers = estimate.Workers.Count;
        var largest = estimate.Workers.Aggregate((a, b) => a.Bytes >= b.Bytes ? a : b);
        var fits = Fit(estimate.Rest + estimate.AllReleaseCommands, largest);
        throw Errors.OutOfRange(path, nameof(IDjangoAppProps.CeleryWorkers), $"{workers.ToString(inv)} workers",
            $"With these options the stack would hold {what}. At most {fits.ToString(inv)} workers fit with these options. " +
            $"Route several queues to one worker (Queues = [\"emails\", \"reports\"]), or run the other workers from a second stack or app ({elsewhere}).");
    }

    /// <summary>How many parts of <paramref name="each"/> fit beside <paramref name="rest"/> under both budgets.</summary>
    private static long Fit(StackSize rest, StackSize each)
    {
        var byResources = each.Resources > 0 ? (ResourceBudget - rest.Resources) / each.Resources : long.MaxValue;
        var byBytes = each.Bytes > 0 ? (TemplateByteBudget - rest.Bytes) / each.Bytes : long.MaxValue;
        return Math.Max(0, Math.Min(byResources, byBytes));
    }

    private static string Kb(long bytes) => (bytes / 1024).ToString("N0", CultureInfo.InvariantCulture);
}
