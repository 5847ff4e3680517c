using Xunit;

namespace DjangoCdk.Cli.Tests.Init;

/// <summary>What init writes, read back by the loader <c>synth</c> uses (ConfigLoader and PropsBinder).</summary>
public sealed class ConfigLoaderCompatibilityTests
{
    [Theory]
    [InlineData("ours", "ecs")]
    [InlineData("environ", "vue")]
    [InlineData("plain", "ecs")]
    [InlineData("plain", "eks")]
    [InlineData("plain", "ec2")]
    public void The_written_config_binds_onto_the_construct_props(string project, string target)
    {
        // Given the config init writes for a fixture project
        var scan = DjangoProjectScanner.Scan(InitFixtures.Project(project));
        var text = ConfigWriter.Write(scan, new InitChoices("site", target, "starter", "app.example.com", "example.com"), scan.Directory);

        // When synth's loader reads it and binds it onto the target's props
        var config = ConfigLoader.Parse(text, "django-cdk.yaml", scan.Directory);
        var app = new Amazon.CDK.App();
        var stack = new Amazon.CDK.Stack(app, "Site", new Amazon.CDK.StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "us-east-1" } });
        var props = new PropsBinder(config, stack).BindTarget();

        // Then every key is accepted
        Assert.NotNull(props);
    }
}
