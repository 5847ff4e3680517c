using Xunit;

namespace DjangoCdk.Tests.Ecs;

public sealed class FargateSizesTests
{
    [Theory]
    [InlineData(256, 512)]
    [InlineData(256, 2048)]
    [InlineData(512, 4096)]
    [InlineData(1024, 8192)]
    [InlineData(2048, 16384)]
    [InlineData(4096, 30720)]
    [InlineData(8192, 61440)]
    [InlineData(16384, 122880)]
    public void Sizes_fargate_offers_are_accepted(int cpu, int memory) => Assert.True(FargateSizes.IsValid(cpu, memory));

    [Theory]
    [InlineData(256, 1536)]
    [InlineData(256, 4096)]
    [InlineData(512, 512)]
    [InlineData(1024, 1024)]
    [InlineData(4096, 31744)]
    [InlineData(8192, 18432)]
    [InlineData(16384, 36864)]
    [InlineData(128, 512)]
    public void Sizes_fargate_does_not_offer_are_refused(int cpu, int memory) => Assert.False(FargateSizes.IsValid(cpu, memory));

    [Fact]
    public void The_refusal_says_which_memory_fits_the_cpu()
    {
        Assert.Equal("With 1024 CPU units Fargate accepts 2048 to 8192 MiB in steps of 1024.", FargateSizes.Allowed(1024));
    }
}
