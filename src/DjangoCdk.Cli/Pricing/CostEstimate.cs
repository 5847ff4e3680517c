namespace DjangoCdk.Cli;

/// <summary>The estimated fixed monthly cost of a synthesized app: one line per billable resource.</summary>
/// <param name="Region">The region (or comma-separated regions) whose prices were used.</param>
/// <param name="PriceTableDate">The date the price table's figures were gathered.</param>
/// <param name="Lines">One line per billable resource, in template order.</param>
/// <param name="TotalMonthlyUsd">The sum of the priced lines, unrounded (round to cents when showing it).</param>
/// <param name="Excluded">What is billed by usage and not counted, e.g. "S3 storage and requests".</param>
/// <param name="Notes">Estimate-wide remarks: region fallbacks, lines without a price.</param>
/// <param name="Complete">False when at least one line has no price, so the total is too low.</param>
public sealed record CostEstimate(
    string Region,
    DateOnly PriceTableDate,
    IReadOnlyList<CostLine> Lines,
    decimal TotalMonthlyUsd,
    IReadOnlyList<string> Excluded,
    IReadOnlyList<string> Notes,
    bool Complete);
