using Xunit;

namespace DjangoCdk.Cli.Tests.Pricing;

public sealed class PriceTableTests
{
    [Fact]
    public void The_embedded_table_has_its_date_sources_and_regions()
    {
        // When the table shipped with the tool is loaded
        var table = PriceTable.Load();

        // Then it is dated, names its sources and covers the baseline and the four other regions
        Assert.Equal(new DateOnly(2026, 11, 26), table.AsOf);
        Assert.Equal("us-east-1", table.BaselineRegion);
        Assert.Equal(730m, table.HoursPerMonth);
        Assert.All(table.Sources, s => Assert.False(string.IsNullOrWhiteSpace(s.Url)));
        Assert.Contains(table.Sources, s => s.Items.StartsWith("fargate", StringComparison.Ordinal));
        foreach (var region in new[] { "us-east-1", "eu-west-1", "eu-central-1", "us-west-2", "ap-southeast-2" })
            Assert.True(table.HasRegion(region), region);
    }

    [Fact]
    public void A_regional_figure_wins_and_a_missing_one_falls_back_to_the_baseline()
    {
        var table = PricingTestData.Prices;

        Assert.Equal(new PriceQuote("alb.hour", 0.0252m, "eu-west-1", "eu-west-1"), table.Unit("eu-west-1", "alb.hour"));
        var fallback = table.Unit("eu-west-1", "natgateway.hour");
        Assert.Equal(0.045m, fallback.Usd);
        Assert.True(fallback.IsFallback);
        Assert.NotNull(table.MissingFiguresNote("eu-west-1"));
    }

    [Fact]
    public void An_unknown_instance_type_has_no_price_in_any_region()
    {
        var quote = PricingTestData.Prices.InstanceHourly("us-east-1", "ec2", "x9z.mega");

        Assert.Null(quote.Usd);
        Assert.Null(quote.PricedRegion);
    }
}
