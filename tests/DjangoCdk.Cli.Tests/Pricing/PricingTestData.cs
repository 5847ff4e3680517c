using Xunit;
using System.Text.Json.Nodes;

namespace DjangoCdk.Cli.Tests.Pricing;

/// <summary>Templates for the cost estimate tests: the fixture file and small inline templates.</summary>
internal static class PricingTestData
{
    /// <summary>The repository root: the folder holding DjangoCdk.slnx, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot => Repository.Root;

    /// <summary>The price table the tool ships (the figures the tests compute by hand come from it).</summary>
    public static PriceTable Prices { get; } = PriceTable.Load();

    /// <summary>
    /// The hand-written fixture of Fixtures/small-app.template.json, read from the source tree (the test project's
    /// csproj is not ours to change, so the file is not copied to the output folder).
    /// </summary>
    public static SynthesizedStack SmallApp(string? region = null)
    {
        var file = Path.Combine(RepositoryRoot, "tests", "DjangoCdk.Cli.Tests", "Pricing", "Fixtures", "small-app.template.json");
        return new SynthesizedStack("SmallApp", file, JsonNode.Parse(File.ReadAllText(file))!.AsObject(), "123456789012", region);
    }

    /// <summary>A stack whose template holds <paramref name="resources"/> (the JSON of the Resources object).</summary>
    public static SynthesizedStack Stack(string resources, string? region = null, string name = "Inline", bool nested = false) =>
        new(name, $"/inline/{name}.template.json", JsonNode.Parse($$"""{ "Resources": {{resources}} }""")!.AsObject(), null, region, nested);

    public static CostLine Line(this CostEstimate estimate, string logicalId) =>
        Assert.Single(estimate.Lines, l => l.LogicalId == logicalId);
}
