namespace DjangoCdk.Cli;

/// <summary>The answer to one price lookup in a <see cref="PriceTable"/>.</summary>
/// <param name="Key">The unit price key (e.g. "natgateway.hour") or "service/type" (e.g. "ec2/t4g.nano").</param>
/// <param name="Usd">The price in USD per unit, or null when the table has no figure for it in any region.</param>
/// <param name="RequestedRegion">The region asked for.</param>
/// <param name="PricedRegion">The region the figure comes from: the requested one, or the baseline region when the table has no figure for the requested one; null when no figure was found.</param>
public sealed record PriceQuote(string Key, decimal? Usd, string RequestedRegion, string? PricedRegion)
{
    /// <summary>Whether the figure is the baseline region's, used because the requested region has none.</summary>
    public bool IsFallback => PricedRegion is not null && PricedRegion != RequestedRegion;
}
