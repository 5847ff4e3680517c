namespace DjangoCdk.Cli;

/// <summary>
/// Estimates the fixed monthly cost of synthesized templates from a <see cref="PriceTable"/>: one line per billable
/// resource at on-demand list prices, idle (no traffic), with usage-priced items listed as not counted.
/// </summary>
public static class CostEstimator
{
    /// <summary>Estimates the monthly cost of <paramref name="stacks"/>.</summary>
    /// <param name="stacks">The templates of the app (nested stacks included), e.g. from <see cref="CloudAssemblyReader.Read"/>; a template listed twice is counted once.</param>
    /// <param name="region">The region whose prices apply to stacks without a region of their own (environment-agnostic stacks).</param>
    /// <param name="prices">The price table, e.g. <see cref="PriceTable.Load"/>.</param>
    public static CostEstimate Estimate(IReadOnlyList<SynthesizedStack> stacks, string region, PriceTable prices)
    {
        ArgumentNullException.ThrowIfNull(stacks);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentNullException.ThrowIfNull(prices);

        var lines = new List<CostLine>();
        var excluded = new List<string>();
        var notes = new List<string>();
        var regions = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stack in stacks)
        {
            if (!seen.Add(Identity(stack))) continue;
            var stackRegion = stack.Region ?? region;
            AddOnce(regions, stackRegion);
            var costing = new StackCosting(stack, stackRegion, prices);
            lines.AddRange(costing.Estimate());
            foreach (var item in costing.Excluded) AddOnce(excluded, item);

            if (!prices.HasRegion(stackRegion))
                AddOnce(notes, $"The price table has no entry for {stackRegion}: {prices.BaselineRegion} prices are used, so the figures may be low.");
            else if (costing.UsedRegionalFallback)
                AddOnce(notes, $"Some {stackRegion} figures are missing from the table and {prices.BaselineRegion} prices are used (marked on the lines): "
                               + (prices.MissingFiguresNote(stackRegion) ?? "see the lines' notes."));
        }

        if (lines.Count > 0 || excluded.Count > 0) AddOnce(excluded, UsagePricedResources.DataTransferOut);

        var unpriced = lines.Where(l => l.MonthlyUsd is null).ToList();
        if (unpriced.Count > 0)
            notes.Add($"Incomplete: {unpriced.Count} resource(s) have no price in the table ({string.Join(", ", unpriced.Select(l => $"{l.StackName}/{l.LogicalId}"))}); the total leaves them out.");

        return new CostEstimate(
            regions.Count == 0 ? region : string.Join(", ", regions),
            prices.AsOf,
            lines,
            lines.Sum(l => l.MonthlyUsd ?? 0m),
            excluded,
            notes,
            Complete: unpriced.Count == 0);
    }

    // A nested stack read twice (or a template listed twice) has the same file.
    private static string Identity(SynthesizedStack stack) =>
        string.IsNullOrEmpty(stack.TemplateFile) ? stack.StackName : Path.GetFullPath(stack.TemplateFile);

    private static void AddOnce(List<string> list, string item)
    {
        if (!list.Contains(item)) list.Add(item);
    }
}
