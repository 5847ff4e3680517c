using Xunit;

namespace DjangoCdk.Cli.Tests.Pricing;

/// <summary>The hand-written fixture, priced in us-east-1: every figure is worked out by hand from the table's unit prices.</summary>
public sealed class SmallAppEstimateTests
{
    private const decimal Hours = 730m;

    private static CostEstimate Estimate() =>
        CostEstimator.Estimate([PricingTestData.SmallApp()], "us-east-1", PricingTestData.Prices);

    [Fact]
    public void A_Fargate_ARM_service_is_counted_at_its_autoscaling_minimum()
    {
        // Given a 0.5 vCPU / 1 GB ARM64 service with DesiredCount 1 and a scalable target with MinCapacity 2
        // When it is estimated
        var line = Estimate().Line("WebService");

        // Then it is two tasks at the Linux/ARM vCPU-hour and GB-hour prices
        Assert.Equal((0.5m * 0.03238m + 1m * 0.00356m) * Hours * 2, line.MonthlyUsd);
        Assert.Equal("web: 0.5 vCPU, 1 GB, ARM64 × 2", line.Description);
    }

    [Fact]
    public void A_Multi_AZ_database_pays_twice_for_its_instance_and_its_storage()
    {
        // Given a db.t4g.micro PostgreSQL, Multi-AZ, 20 GB gp3
        var line = Estimate().Line("Database");

        // Then the instance hour and the GB-month are both doubled
        Assert.Equal(0.016m * Hours * 2 + 20m * 0.115m * 2, line.MonthlyUsd);
    }

    [Fact]
    public void A_cache_node_is_priced_by_the_hour()
    {
        var line = Estimate().Line("Cache");

        Assert.Equal(0.016m * Hours * 1, line.MonthlyUsd);
    }

    [Fact]
    public void An_internet_facing_load_balancer_pays_its_hour_a_minimal_LCU_figure_and_one_IPv4_per_subnet()
    {
        // Given an internet-facing ALB in two public subnets
        var line = Estimate().Line("LoadBalancer");

        // Then: the ALB hour, 0.35 LCU at the LCU-hour price, two public IPv4 addresses
        Assert.Equal((0.0225m + 0.35m * 0.008m + 2 * 0.005m) * Hours, line.MonthlyUsd);
        Assert.Contains("0.35 LCU", line.Note);
    }

    [Fact]
    public void A_NAT_gateway_includes_its_Elastic_IP_which_is_not_counted_again()
    {
        var estimate = Estimate();

        Assert.Equal((0.045m + 0.005m) * Hours, estimate.Line("NatGateway").MonthlyUsd);
        Assert.DoesNotContain(estimate.Lines, l => l.LogicalId == "NatEip");
    }

    [Fact]
    public void Each_secret_and_each_KMS_key_is_a_monthly_line()
    {
        var estimate = Estimate();

        Assert.Equal(0.40m, estimate.Line("SecretKey").MonthlyUsd);
        Assert.Equal(0.40m, estimate.Line("DatabaseSecret").MonthlyUsd);
        Assert.Equal(1.00m, estimate.Line("ExecKey").MonthlyUsd);
    }

    [Fact]
    public void The_total_is_the_sum_of_the_lines_and_the_estimate_is_complete()
    {
        // When the whole fixture is estimated
        var estimate = Estimate();

        // Then the total is the hand-computed sum, and nothing lacks a price
        var expected = (0.5m * 0.03238m + 1m * 0.00356m) * Hours * 2 // web
                       + (0.0225m + 0.35m * 0.008m + 2 * 0.005m) * Hours // ALB
                       + (0.045m + 0.005m) * Hours // NAT gateway + its address
                       + (0.016m * Hours * 2 + 20m * 0.115m * 2) // database
                       + 0.016m * Hours // cache
                       + 2 * 0.40m + 1.00m; // secrets, key
        Assert.Equal(expected, estimate.TotalMonthlyUsd);
        Assert.Equal(132.544m, estimate.TotalMonthlyUsd);
        Assert.True(estimate.Complete);
        Assert.Equal(8, estimate.Lines.Count);
        Assert.Equal("us-east-1", estimate.Region);
        Assert.Equal(new DateOnly(2026, 11, 26), estimate.PriceTableDate);
    }

    [Fact]
    public void Usage_priced_resources_are_listed_as_not_counted()
    {
        // Given a bucket and a log group (and the NAT gateway, load balancer, secrets that bring usage charges too)
        var estimate = Estimate();

        // Then they have no line, and the estimate says what it leaves out
        Assert.DoesNotContain(estimate.Lines, l => l.LogicalId is "Assets" or "WebLogs");
        Assert.Contains("S3 storage and requests", estimate.Excluded);
        Assert.Contains("CloudWatch Logs ingestion and storage", estimate.Excluded);
        Assert.Contains("NAT gateway data processing (per GB)", estimate.Excluded);
        Assert.Contains("Data transfer out to the internet", estimate.Excluded);
    }
}
