using Amazon.CDK;
using Xunit;

namespace DjangoCdk.Cli.Tests.Pricing;

/// <summary>The estimate of a real DjangoEcs with its defaults, synthesized in-process and read back from its cloud assembly.</summary>
public sealed class DjangoEcsEstimateTests
{
    [Fact]
    public void A_default_DjangoEcs_has_a_line_for_each_running_part_and_its_monitoring_and_costs_about_125_USD()
    {
        // Given DjangoEcs with default props in us-east-1, synthesized to a folder
        using var dir = new TempDirectory();
        var app = new App(new AppProps { Outdir = dir.Path });
        var stack = new Stack(app, "S", new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "us-east-1" } });
        _ = new DjangoEcs(stack, "App", new DjangoEcsProps { ImageDirectory = Path.Combine(PricingTestData.RepositoryRoot, "samples", "backend") });
        app.Synth();

        // When the cloud assembly is read and estimated
        var estimate = CostEstimator.Estimate(CloudAssemblyReader.Read(dir.Path), "us-east-1", PricingTestData.Prices);

        // Then the web service, the worker, the database, the cache, the NAT gateway and the load balancer each have a line
        Assert.Contains(estimate.Lines, l => l.ResourceType == "AWS::ECS::Service" && l.Description.StartsWith("web:", StringComparison.Ordinal));
        Assert.Contains(estimate.Lines, l => l.ResourceType == "AWS::ECS::Service" && !l.Description.StartsWith("web:", StringComparison.Ordinal));
        Assert.Single(estimate.Lines, l => l.ResourceType == "AWS::RDS::DBInstance");
        Assert.Single(estimate.Lines, l => l.ResourceType == "AWS::ElastiCache::ReplicationGroup");
        Assert.Single(estimate.Lines, l => l.ResourceType == "AWS::EC2::NatGateway");
        Assert.Single(estimate.Lines, l => l.ResourceType == "AWS::ElasticLoadBalancingV2::LoadBalancer");
        // and its monitoring: the alarms, the dashboard, the alarm topic's key and the queue-depth publisher
        Assert.Single(estimate.Lines, l => l.ResourceType == "AWS::CloudWatch::Dashboard");
        Assert.Single(estimate.Lines, l => l.ResourceType == "AWS::KMS::Key" && l.LogicalId.Contains("AlarmTopic", StringComparison.Ordinal));
        Assert.Single(estimate.Lines, l => l.ResourceType == "AWS::Lambda::Function" && l.Description.Contains("custom metrics", StringComparison.Ordinal));
        Assert.Contains(estimate.Lines, l => l.ResourceType == "AWS::CloudWatch::Alarm");
        Assert.Contains(estimate.Lines, l => l.ResourceType == "AWS::ApplicationAutoScaling::ScalingPolicy");
        // and every resource type it makes is known to the estimate: priced, usage-priced or free
        Assert.DoesNotContain(estimate.Excluded, e => e.StartsWith("Resource types the estimate does not know", StringComparison.Ordinal));
        // and the total is in the range docs/cost.md gives for DjangoEcsMinimal (about 122 with its CloudWatch; 126 by this table)
        Assert.True(estimate.Complete);
        Assert.InRange(estimate.TotalMonthlyUsd, 100m, 140m);
    }
}
