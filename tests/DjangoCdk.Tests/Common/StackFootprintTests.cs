using Xunit;

namespace DjangoCdk.Tests.Common;

/// <summary>
/// The estimate the constructs check CloudFormation's limits with cannot drift from what they build: its resources
/// equal the synthesized count, and its bytes bound the synthesized template from above within
/// <see cref="StackScale.ByteTolerance"/>. When one of these fails, a construct changed what it builds: measure again
/// and update <see cref="StackFootprints"/>.
/// </summary>
public sealed class StackFootprintTests(StackFootprintFixture fixture) : IClassFixture<StackFootprintFixture>
{
    [Fact]
    public void DjangoEcs_with_one_worker_has_the_estimated_resources_and_no_more_bytes() =>
        AssertEstimate(fixture.EcsOne, fixture.EcsOneEstimate);

    [Fact]
    public void DjangoEcs_with_twenty_workers_has_the_estimated_resources_and_no_more_bytes() =>
        AssertEstimate(fixture.EcsTwenty, fixture.EcsTwentyEstimate);

    [Fact]
    public void DjangoEks_with_one_worker_has_the_estimated_resources_and_no_more_bytes() =>
        AssertEstimate(fixture.EksOne, fixture.EksOneEstimate);

    [Fact]
    public void DjangoEks_with_twenty_workers_has_the_estimated_resources_and_no_more_bytes() =>
        AssertEstimate(fixture.EksTwenty, fixture.EksTwentyEstimate);

    [Fact]
    public void DjangoEcs_with_twenty_queues_and_ten_release_commands_stays_inside_CloudFormations_limits()
    {
        // Given 20 workers, each its own queue, service and autoscaling, and 10 release commands (the fixture)
        // When the stack synthesizes / Then it holds fewer than 500 resources and its template is under 1 MB
        Assert.InRange(fixture.EcsTwenty.Resources, 1, StackLimits.MaxResources - 1);
        Assert.InRange(fixture.EcsTwenty.Bytes, 1, StackLimits.MaxTemplateBytes - 1);
    }

    [Fact]
    public void DjangoEks_with_twenty_queues_and_ten_release_commands_stays_inside_CloudFormations_limits()
    {
        Assert.InRange(fixture.EksTwenty.Resources, 1, StackLimits.MaxResources - 1);
        Assert.InRange(fixture.EksTwenty.Bytes, 1, StackLimits.MaxTemplateBytes - 1);
    }

    private static void AssertEstimate(SynthesizedSize actual, StackSize estimate)
    {
        Assert.Equal(actual.Resources, estimate.Resources);
        Assert.InRange(estimate.Bytes, actual.Bytes, (long)(actual.Bytes * (1 + StackScale.ByteTolerance)));
    }
}
