using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;

namespace DjangoCdk.Cli;

/// <summary>
/// The dated table of AWS list prices the cost estimate uses (the embedded prices.json): a baseline region with every
/// figure, and other regions with the figures found for them. A figure missing for a region falls back to the baseline.
/// </summary>
public sealed class PriceTable
{
    private const string ResourceName = "DjangoCdk.Cli.Pricing.prices.json";

    // region -> key ("natgateway.hour", "ec2/t4g.nano") -> USD
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> _prices;
    private readonly IReadOnlyDictionary<string, string> _regionNotes;

    private PriceTable(DateOnly asOf, string baselineRegion, decimal hoursPerMonth, IReadOnlyList<PriceSource> sources,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal>> prices, IReadOnlyDictionary<string, string> regionNotes)
    {
        AsOf = asOf;
        BaselineRegion = baselineRegion;
        HoursPerMonth = hoursPerMonth;
        Sources = sources;
        _prices = prices;
        _regionNotes = regionNotes;
    }

    /// <summary>The date the figures were gathered; the command warns when it is old.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The region that has every figure (us-east-1); other regions fall back to it.</summary>
    public string BaselineRegion { get; }

    /// <summary>Hours in a billing month used to turn hourly prices into monthly ones (730).</summary>
    public decimal HoursPerMonth { get; }

    /// <summary>Where the figures come from, one entry per family of figures.</summary>
    public IReadOnlyList<PriceSource> Sources { get; }

    /// <summary>The regions the table has an entry for.</summary>
    public IReadOnlyCollection<string> Regions => _prices.Keys.ToList();

    /// <summary>Reads the table embedded in the tool.</summary>
    public static PriceTable Load()
    {
        using var stream = typeof(PriceTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The price table ({ResourceName}) is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}: this is a bug.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Reads a table in the format of prices.json (used by <see cref="Load"/> and by tests).</summary>
    /// <exception cref="FormatException">The text is not a price table.</exception>
    public static PriceTable Parse(string json)
    {
        var root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("A price table is a JSON object.");
        var asOf = DateOnly.ParseExact(Required(root, "asOf"), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var baseline = Required(root, "baselineRegion");
        var hours = root["hoursPerMonth"]?.GetValue<decimal>() ?? throw new FormatException("The price table has no hoursPerMonth.");
        var sources = (root["sources"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(s => new PriceSource((string?)s["items"] ?? "", (string?)s["url"] ?? "", (string?)s["via"] ?? ""))
            .ToList();

        var prices = new Dictionary<string, IReadOnlyDictionary<string, decimal>>(StringComparer.Ordinal);
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (region, node) in root["regions"] as JsonObject ?? throw new FormatException("The price table has no regions."))
        {
            if (node is not JsonObject entry) continue;
            var figures = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var (key, value) in entry["units"] as JsonObject ?? [])
                figures[key] = value!.GetValue<decimal>();
            foreach (var service in new[] { PriceKeys.Ec2, PriceKeys.Rds, PriceKeys.ElastiCache })
                foreach (var (type, value) in entry[service] as JsonObject ?? [])
                    figures[$"{service}/{type}"] = value!.GetValue<decimal>();
            prices[region] = figures;
            if ((string?)entry["notFound"] is { } note) notes[region] = note;
        }

        if (!prices.ContainsKey(baseline)) throw new FormatException($"The price table has no entry for its baseline region {baseline}.");
        return new PriceTable(asOf, baseline, hours, sources, prices, notes);
    }

    /// <summary>Whether the table has an entry for <paramref name="region"/> (otherwise every figure is the baseline's).</summary>
    public bool HasRegion(string region) => _prices.ContainsKey(region);

    /// <summary>What the table says it could not find for <paramref name="region"/>, or null.</summary>
    public string? MissingFiguresNote(string region) => _regionNotes.GetValueOrDefault(region);

    /// <summary>A unit price (e.g. "natgateway.hour", "fargate.arm64.vcpu-hour") in <paramref name="region"/>, falling back to the baseline region.</summary>
    public PriceQuote Unit(string region, string key) => Find(region, key);

    /// <summary>The hourly on-demand price of an instance or node type: <paramref name="service"/> is "ec2", "rds" (PostgreSQL, single-AZ) or "elasticache".</summary>
    public PriceQuote InstanceHourly(string region, string service, string type) => Find(region, $"{service}/{type}");

    private PriceQuote Find(string region, string key)
    {
        if (_prices.TryGetValue(region, out var regional) && regional.TryGetValue(key, out var price))
            return new PriceQuote(key, price, region, region);
        if (_prices[BaselineRegion].TryGetValue(key, out var baselinePrice))
            return new PriceQuote(key, baselinePrice, region, BaselineRegion);
        return new PriceQuote(key, null, region, null);
    }

    private static string Required(JsonObject root, string name) =>
        (string?)root[name] ?? throw new FormatException($"The price table has no {name}.");
}
