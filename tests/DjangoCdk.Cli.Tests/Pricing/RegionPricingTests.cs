using Xunit;

namespace DjangoCdk.Cli.Tests.Pricing;

/// <summary>Which region's prices apply, and what happens when the table lacks a region or a figure.</summary>
public sealed class RegionPricingTests
{
    private const decimal Hours = 730m;

    [Fact]
    public void A_region_with_its_own_figures_changes_the_price()
    {
        // Given the fixture estimated for eu-central-1 (Frankfurt Fargate is dearer)
        var estimate = CostEstimator.Estimate([PricingTestData.SmallApp()], "eu-central-1", PricingTestData.Prices);

        // Then the web service uses Frankfurt's Linux/ARM rates
        Assert.Equal((0.5m * 0.037248m + 1m * 0.004088m) * Hours * 2, estimate.Line("WebService").MonthlyUsd);
        Assert.Equal("eu-central-1", estimate.Region);
    }

    [Fact]
    public void The_stack_region_takes_precedence_over_the_region_argument()
    {
        // Given a stack deployed to eu-central-1, estimated with us-east-1 as the default region
        var estimate = CostEstimator.Estimate([PricingTestData.SmallApp(region: "eu-central-1")], "us-east-1", PricingTestData.Prices);

        Assert.Equal((0.5m * 0.037248m + 1m * 0.004088m) * Hours * 2, estimate.Line("WebService").MonthlyUsd);
        Assert.Equal("eu-central-1", estimate.Region);
    }

    [Fact]
    public void A_figure_missing_for_a_known_region_falls_back_to_us_east_1_and_says_so()
    {
        // Given eu-central-1, for which the table has no NAT gateway figure
        var estimate = CostEstimator.Estimate([PricingTestData.SmallApp()], "eu-central-1", PricingTestData.Prices);

        // Then the NAT gateway is at the us-east-1 price, marked on the line and in the estimate's notes
        var nat = estimate.Line("NatGateway");
        Assert.Equal((0.045m + 0.005m) * Hours, nat.MonthlyUsd);
        Assert.Contains("us-east-1 price for natgateway.hour", nat.Note);
        Assert.Contains(estimate.Notes, n => n.Contains("Some eu-central-1 figures are missing"));
        Assert.True(estimate.Complete);
    }

    [Fact]
    public void An_unknown_region_uses_us_east_1_prices_with_a_note()
    {
        // Given a region the table has no entry for
        var estimate = CostEstimator.Estimate([PricingTestData.SmallApp()], "me-central-1", PricingTestData.Prices);

        // Then every figure is the baseline's, and the estimate says so once
        Assert.Equal((0.5m * 0.03238m + 1m * 0.00356m) * Hours * 2, estimate.Line("WebService").MonthlyUsd);
        var note = Assert.Single(estimate.Notes);
        Assert.Contains("no entry for me-central-1", note);
        Assert.Contains("us-east-1", note);
        Assert.Equal("me-central-1", estimate.Region);
    }
}
