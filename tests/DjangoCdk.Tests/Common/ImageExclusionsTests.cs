using Amazon.CDK;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Common;

/// <summary>A project built from its root keeps cdk.out beside its Dockerfile: the image must not copy it.</summary>
public sealed class ImageExclusionsTests
{
    [Fact]
    public void An_absolute_outdir_inside_the_build_context_is_left_out_of_the_image()
    {
        // Given a project folder holding its Dockerfile and, as its app's absolute outdir, cdk.out
        var project = TestStacks.NewDirectory();
        File.WriteAllText(Path.Combine(project, "Dockerfile"), "FROM python:3.13-slim\n");
        var app = new App(new AppProps { Outdir = Path.Combine(project, "cdk.out") });
        var stack = new Stack(app, "Blog", new StackProps { Env = new Amazon.CDK.Environment { Account = TestStacks.Account, Region = TestStacks.Region } });
        new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = project, NatStrategy = NatStrategy.SingleGateway });

        // When it synthesizes (twice: the second run finds the first assembly inside the context)
        app.Synth();
        var image = AssetManifest.DockerImages(stack).Single();

        // Then the staged image holds the Dockerfile and no copy of the assembly
        Assert.True(File.Exists(Path.Combine(image.Directory, "Dockerfile")));
        Assert.False(Directory.Exists(Path.Combine(image.Directory, "cdk.out")));
    }

    [Fact]
    public void An_outdir_outside_the_build_context_adds_no_exclusion()
    {
        var stack = TestStacks.New();

        Assert.Null(ImageExclusions.For(stack, TestStacks.Backend));
    }
}
