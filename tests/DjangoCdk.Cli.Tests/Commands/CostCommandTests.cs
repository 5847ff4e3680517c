using System.Text.Json.Nodes;
using Xunit;

using DjangoCdk.Cli.Commands;

namespace DjangoCdk.Cli.Tests.Commands;

public sealed class CostCommandTests
{
    [Fact]
    public void The_starter_preset_keeps_an_ecs_app_at_75_usd_a_month_or_less_with_its_alarms()
    {
        // Given: the smallest ecs config, starter preset (the default), with an account so the NAT instance's image is looked up.
        // Monitoring (21 alarm metrics 2.10, the alarm topic's KMS key 1.00, the queue-depth publisher 1.42) and the alarms
        // target tracking creates, now priced, add about 5.30 USD to the 74.40 of before; the preset keeps the alarms (they
        // tell you the app is down), turns off the dashboard (3 USD) and lets its worker scale to zero (7.21 USD idle).
        using var project = new ConfigProject("name: blog\ntarget: ecs\naccount: \"123456789012\"\nregion: us-east-1\necs:\n  image_directory: {backend}\n");
        File.Copy(Path.Combine(Repository.Root, "cdk.context.json"), Path.Combine(project.Path, "cdk.context.json"));

        // When
        var result = project.Run("cost", "--json");

        // Then
        Assert.Equal(0, result.ExitCode);
        var report = JsonNode.Parse(result.Output)!.AsObject();
        Assert.True((decimal)report["totalMonthly"]! <= 75m, $"starter costs {(decimal)report["totalMonthly"]!} USD a month");
        Assert.True((bool)report["complete"]!);
        Assert.True((decimal)report["presets"]!["production"]! > (decimal)report["presets"]!["starter"]!);
        var types = report["lines"]!.AsArray().Select(l => (string?)l!["type"]).ToList();
        Assert.Contains("AWS::CloudWatch::Alarm", types);
        Assert.DoesNotContain("AWS::CloudWatch::Dashboard", types);
    }

    [Fact]
    public void The_estimate_says_it_excludes_traffic()
    {
        using var project = new ConfigProject("name: site\ntarget: s3\ns3: {}\n");

        var result = project.Run("cost", "--no-compare");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("An estimate, not a quote", result.Output);
        Assert.Contains("Data transfer out to the internet", result.Output);
    }

    [Fact]
    public void An_old_price_table_is_flagged()
    {
        using var project = new ConfigProject("name: site\ntarget: s3\ns3: {}\n");
        project.Cli.Today = PriceTable.Load().AsOf.AddDays(CostCommand.StaleAfterDays + 1);

        var result = project.Run("cost", "--no-compare");

        Assert.Contains("warning: the price table is from", result.Output);
    }
}
