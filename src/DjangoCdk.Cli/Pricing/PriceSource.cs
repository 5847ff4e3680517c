namespace DjangoCdk.Cli;

/// <summary>Where a family of figures in the <see cref="PriceTable"/> comes from.</summary>
/// <param name="Items">The figures this source covers, e.g. "fargate (us-east-1, Linux/x86 and Linux/ARM)".</param>
/// <param name="Url">The price page (or file) the figures belong to.</param>
/// <param name="Via">The stored page or note the figures were read from, with its date where known.</param>
public sealed record PriceSource(string Items, string Url, string Via);
