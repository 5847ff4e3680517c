using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Ecs.Release;

public sealed class ReleaseHandlerCodeTests
{
    [Fact]
    public void The_assembly_ships_the_handler_that_the_repository_tests()
    {
        // The JavaScript tests run against src/; the Lambda runs what the assembly embeds: they must be the same bytes.
        var onDisk = File.ReadAllBytes(Path.Combine(TestStacks.RepositoryRoot, "src", "DjangoCdk", "Ecs", "Release", "handler", "index.js"));
        Assert.Equal(onDisk, HandlerCode.EcsRelease.Source());
    }

    [Theory]
    [InlineData(new[] { "python", "manage.py", "migrate", "--no-input" }, "migrate")]
    [InlineData(new[] { "python", "/app/manage.py", "collectstatic" }, "collectstatic")]
    [InlineData(new[] { "./scripts/seed.sh", "--fast" }, "seed.sh")]
    public void A_step_is_named_after_its_management_command(string[] command, string name)
    {
        Assert.Equal(name, ReleasePhase.StepName(command));
    }
}
