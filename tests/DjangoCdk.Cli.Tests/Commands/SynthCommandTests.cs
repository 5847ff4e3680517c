using Xunit;

namespace DjangoCdk.Cli.Tests.Commands;

public sealed class SynthCommandTests(SampleSynthFixture sample) : IClassFixture<SampleSynthFixture>
{
    [Fact]
    public void Synth_of_the_bundled_sample_succeeds_without_an_aws_account()
    {
        Assert.Equal(0, sample.Result.ExitCode);
        Assert.Empty(sample.Report["errors"]!.AsArray());
        Assert.Empty(sample.Report["missingLookups"]!.AsArray());
    }

    [Fact]
    public void The_stack_is_named_after_the_config_and_has_its_account_and_region()
    {
        var stack = sample.Report["stacks"]!.AsArray().Single()!.AsObject();

        Assert.Equal("ublog", (string?)stack["name"]);
        Assert.Equal("123456789012", (string?)stack["account"]);
        Assert.Equal("us-east-1", (string?)stack["region"]);
    }

    [Fact]
    public void The_summary_counts_the_resources_of_the_template()
    {
        var stack = sample.Report["stacks"]!.AsArray().Single()!.AsObject();

        Assert.Equal(sample.Template["Resources"]!.AsObject().Count, (int)stack["resources"]!);
    }

    [Fact]
    public void The_summary_lists_the_outputs_a_deploy_will_print()
    {
        var outputs = sample.Report["stacks"]!.AsArray().Single()!["outputs"]!.AsArray().Select(o => (string?)o!["name"]).ToList();

        Assert.Contains("AppSiteUrl", outputs);
        Assert.Contains("AppRunManagementCommand", outputs);
    }

    [Fact]
    public void The_starter_preset_sizes_the_web_task_when_the_config_does_not()
    {
        var web = sample.Resources("AWS::ECS::TaskDefinition").Single(t => ((string?)t["Properties"]!["Family"] ?? "").Contains("Web", StringComparison.Ordinal)
            || t["Properties"]!["ContainerDefinitions"]!.AsArray().Any(c => (string?)c!["Name"] == "web"));

        Assert.Equal("256", (string?)web["Properties"]!["Cpu"]);
        Assert.Equal("512", (string?)web["Properties"]!["Memory"]);
    }

    [Fact]
    public void The_starter_preset_routes_outbound_traffic_through_a_nat_instance()
    {
        Assert.Empty(sample.Resources("AWS::EC2::NatGateway"));
        Assert.Single(sample.Resources("AWS::EC2::Instance"));
    }

    [Fact]
    public void The_config_tags_reach_the_resources()
    {
        var bucket = sample.Resources("AWS::S3::Bucket").First();

        Assert.Contains(bucket["Properties"]!["Tags"]!.AsArray(), t => (string?)t!["Key"] == "app" && (string?)t["Value"] == "ublog");
    }
}
