using System.Text.Json.Nodes;
using Amazon.CDK;
using Xunit;

namespace DjangoCdk.Cli.Tests.Config;

/// <summary><c>monitoring.alarm_topic</c>: an existing SNS topic, given by its ARN and imported into the stack.</summary>
public sealed class AlarmTopicBindingTests
{
    private const string Arn = "arn:aws:sns:us-east-1:123456789012:blog-alerts";

    [Fact]
    public void An_SNS_topic_ARN_binds_to_the_alarm_topic_imported_as_AlarmTopic()
    {
        // Given an ecs config that names an existing topic
        var config = ConfigLoader.Parse($"name: blog\ntarget: ecs\necs:\n  image_directory: .\n  monitoring:\n    alarm_topic: {Arn}\n", "django-cdk.yaml", "/project");
        var stack = new Stack(new App(), "Blog", new StackProps { Env = new Amazon.CDK.Environment { Account = "123456789012", Region = "us-east-1" } });

        // When the section is bound
        var props = (DjangoEcsProps)new PropsBinder(config, stack).BindTarget();

        // Then the prop is the imported topic, under the construct ID AlarmTopic
        Assert.Equal(Arn, props.Monitoring!.AlarmTopic!.TopicArn);
        Assert.NotNull(stack.Node.TryFindChild("AlarmTopic"));
    }

    [Fact]
    public void The_alarms_notify_the_given_topic_and_no_topic_of_their_own_is_made()
    {
        // Given the same config synthesized with the fixture account (its NAT instance image is in cdk.context.json)
        using var project = new ConfigProject($"name: blog\ntarget: ecs\naccount: \"123456789012\"\nregion: us-east-1\necs:\n  image_directory: {{backend}}\n  monitoring:\n    alarm_topic: {Arn}\n");
        File.Copy(Path.Combine(Repository.Root, "cdk.context.json"), Path.Combine(project.Path, "cdk.context.json"));

        // When
        var result = project.Run("synth", "--json");

        // Then
        Assert.True(result.ExitCode == 0, result.Output);
        var resources = JsonNode.Parse(File.ReadAllText(Path.Combine(project.Path, "cdk.out", "blog.template.json")))!["Resources"]!.AsObject()
            .Select(r => r.Value!.AsObject()).ToList();
        Assert.DoesNotContain(resources, r => (string?)r["Type"] is "AWS::SNS::Topic" or "AWS::KMS::Key");
        // The monitoring alarms notify on OK too; the starter worker's scale-from-zero alarm acts on its scaling policy only.
        var alarms = resources.Where(r => (string?)r["Type"] == "AWS::CloudWatch::Alarm" && r["Properties"]!["OKActions"] is not null).ToList();
        Assert.NotEmpty(alarms);
        Assert.All(alarms, a => Assert.Contains(Arn, a["Properties"]!["AlarmActions"]!.AsArray().Select(x => (string?)x)));
    }
}
