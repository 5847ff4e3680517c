using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Common;

/// <summary>DockerTarget picks a stage of a multi-stage Dockerfile; it must name one of the file's stages.</summary>
public sealed class DockerTargetTests
{
    private static readonly ConstructSite Site = new("Test/Django", TestStacks.Account, TestStacks.Region);

    private static string MultiStageProject()
    {
        var dir = TestStacks.NewDirectory();
        File.WriteAllText(Path.Combine(dir, "Dockerfile"), "FROM python:3.13-slim AS base\nRUN true\n\nFROM base as production\nCMD [\"gunicorn\"]\n");
        return dir;
    }

    [Fact]
    public void A_stage_of_the_dockerfile_is_accepted()
    {
        var settings = DjangoEcsSettings.Resolve(new DjangoEcsProps { ImageDirectory = MultiStageProject(), DockerTarget = "production" }, Site);

        Assert.Equal("production", settings.App.DockerTarget);
    }

    [Fact]
    public void A_stage_the_dockerfile_does_not_name_is_rejected_with_the_stages_it_has()
    {
        var error = Assert.Throws<DjangoCdkValidationException>(() =>
            DjangoEcsSettings.Resolve(new DjangoEcsProps { ImageDirectory = MultiStageProject(), DockerTarget = "prod" }, Site));

        Assert.Equal("DockerTarget", error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Contains("names the stages base, production", error.Message);
    }

    [Fact]
    public void The_image_asset_is_built_from_the_chosen_stage()
    {
        var stack = TestStacks.New();
        new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = MultiStageProject(), DockerTarget = "production" });

        var images = AssetManifest.DockerImages(stack);

        Assert.Contains(images, image => image.Target == "production");
    }
}
