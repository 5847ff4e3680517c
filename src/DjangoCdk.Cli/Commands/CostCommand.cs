using System.Globalization;
using System.Text.Json.Nodes;
using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>
/// <c>django-cdk cost</c>: the estimated monthly cost of the synthesized app, per resource, from the dated price table
/// shipped with the tool, and the same app under each preset side by side. An estimate: traffic, requests and stored
/// data are not in it.
/// </summary>
public sealed class CostCommand(CliServices services, CliOutput output) : Command<CostSettings>
{
    /// <summary>How old the price table may get before cost says so.</summary>
    public const int StaleAfterDays = 180;

    /// <inheritdoc />
    public override int Execute(CommandContext context, CostSettings settings, CancellationToken cancellationToken)
    {
        var config = ConfigLoader.Load(settings.Config, services.CurrentDirectory);
        var prices = PriceTable.Load();
        var quiet = settings.Json;
        var estimate = Estimate(config, settings.OutDirectory(services, config), prices, quiet);
        var presets = settings.NoCompare
            ? []
            : Enum.GetValues<Preset>().Select(p => (Preset: p, Estimate: p == config.Preset ? estimate : EstimateElsewhere(config.WithPreset(p), prices, quiet))).ToList();
        var stale = services.Today.DayNumber - prices.AsOf.DayNumber > StaleAfterDays;

        if (settings.Json)
        {
            output.Json(ToJson(config, estimate, presets, stale));
            return (int)ExitCode.Success;
        }

        output.Heading($"Estimated monthly cost of {config.Name} (preset {Name(config.Preset)}), {estimate.Region}, USD");
        output.Table(["Resource", "What", "USD/month", "Note"],
            estimate.Lines.Select(l => (IReadOnlyList<string>)[l.LogicalId, l.Description, Usd(l.MonthlyUsd), l.Note ?? ""]),
            rightAligned: new HashSet<int> { 2 });
        output.Plain($"Total: {Usd(estimate.TotalMonthlyUsd)} USD a month{(estimate.Complete ? "" : ", at least: some resources have no price in the table (see their notes)")}.");
        if (presets.Count > 0)
        {
            output.Heading("The presets side by side");
            output.Table(["Preset", "USD/month", ""], presets.Select(p => (IReadOnlyList<string>)[
                Name(p.Preset), Usd(p.Estimate.TotalMonthlyUsd), p.Preset == config.Preset ? "<- this config" : ""]), rightAligned: new HashSet<int> { 1 });
        }

        output.Plain($"An estimate, not a quote: on-demand list prices as of {prices.AsOf:yyyy-MM-dd}, 730 hours a month, idle. Not included: {string.Join("; ", estimate.Excluded)}.");
        foreach (var note in estimate.Notes) output.Plain("Note: " + note);
        if (stale) output.Warning($"the price table is from {prices.AsOf:yyyy-MM-dd}, more than {StaleAfterDays} days ago: update django-cdk, or check the AWS Pricing Calculator.");
        return (int)ExitCode.Success;
    }

    private CostEstimate Estimate(AppConfig config, string outDirectory, PriceTable prices, bool quiet)
    {
        var result = output.Progress($"Synthesizing {config.Name} with preset {Name(config.Preset)}",
            () => Synthesizer.Synthesize(config, outDirectory, services), quiet);
        if (result.HasErrors) throw new CliException($"Preset {Name(config.Preset)}: the constructs reported errors; run django-cdk synth for them.");
        return CostEstimator.Estimate(result.Stacks, config.Region ?? result.Stacks.Select(s => s.Region).FirstOrDefault(r => r is not null) ?? prices.BaselineRegion, prices);
    }

    // The other presets are synthesized into a temporary folder, so cdk.out keeps the config's own app.
    private CostEstimate EstimateElsewhere(AppConfig config, PriceTable prices, bool quiet)
    {
        var folder = Path.Combine(Path.GetTempPath(), "django-cdk-cost", Guid.NewGuid().ToString("N"));
        try
        {
            return Estimate(config, folder, prices, quiet);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private static JsonObject ToJson(AppConfig config, CostEstimate estimate, IReadOnlyList<(Preset Preset, CostEstimate Estimate)> presets, bool stale) => new()
    {
        ["app"] = config.Name,
        ["preset"] = Name(config.Preset),
        ["region"] = estimate.Region,
        ["currency"] = "USD",
        ["priceTableDate"] = estimate.PriceTableDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["priceTableStale"] = stale,
        ["totalMonthly"] = Math.Round(estimate.TotalMonthlyUsd, 2),
        ["complete"] = estimate.Complete,
        ["lines"] = new JsonArray(estimate.Lines.Select(l => (JsonNode)new JsonObject
        {
            ["stack"] = l.StackName,
            ["logicalId"] = l.LogicalId,
            ["type"] = l.ResourceType,
            ["description"] = l.Description,
            ["monthly"] = l.MonthlyUsd is { } usd ? Math.Round(usd, 2) : null,
            ["note"] = l.Note,
        }).ToArray()),
        ["presets"] = new JsonObject(presets.Select(p => KeyValuePair.Create(Name(p.Preset), (JsonNode?)Math.Round(p.Estimate.TotalMonthlyUsd, 2)))),
        ["excluded"] = new JsonArray(estimate.Excluded.Select(e => (JsonNode)e).ToArray()),
        ["notes"] = new JsonArray(estimate.Notes.Select(n => (JsonNode)n).ToArray()),
    };

    private static string Name(Preset preset) => preset.ToString().ToLowerInvariant();

    private static string Usd(decimal? amount) => amount is { } value ? Math.Round(value, 2).ToString("0.00", CultureInfo.InvariantCulture) : "no price";
}
