using Xunit;
using YamlDotNet.RepresentationModel;

namespace DjangoCdk.Cli.Tests.Config;

public sealed class PresetsTests
{
    private static AppConfig Load(string yaml) => ConfigLoader.Parse(yaml, "django-cdk.yaml", "/project");

    private static string? Value(YamlMappingNode section, string key) =>
        (section.Children.FirstOrDefault(kv => ((YamlScalarNode)kv.Key).Value == key).Value as YamlScalarNode)?.Value;

    [Fact]
    public void The_preset_fills_what_the_file_leaves_out()
    {
        var config = Load("name: blog\ntarget: ecs\npreset: production\necs:\n  image_directory: .\n");

        Assert.Equal("true", Value(config.Section, "database_multi_az"));
        Assert.Equal("2", Value(config.Section, "web_min_count"));
    }

    [Fact]
    public void The_file_wins_over_the_preset()
    {
        var config = Load("name: blog\ntarget: ecs\npreset: production\necs:\n  image_directory: .\n  web_min_count: 3\n");

        Assert.Equal("3", Value(config.Section, "web_min_count"));
    }

    [Fact]
    public void Starter_is_the_default_preset()
    {
        var config = Load("name: blog\ntarget: ecs\necs:\n  image_directory: .\n");

        Assert.Equal(Preset.Starter, config.Preset);
        Assert.Equal("instance", Value(config.Section, "nat_strategy"));
    }

    [Fact]
    public void Starter_turns_the_dashboard_off_and_keeps_the_alarms_and_production_keeps_every_monitoring_default()
    {
        var starter = Load("name: blog\ntarget: ecs\necs:\n  image_directory: .\n");
        var production = Load("name: blog\ntarget: ecs\npreset: production\necs:\n  image_directory: .\n");

        var monitoring = (YamlMappingNode)starter.Section.Children[new YamlScalarNode("monitoring")];
        Assert.Equal("false", Value(monitoring, "dashboard"));
        Assert.Null(Value(monitoring, "enabled"));
        Assert.False(production.Section.Children.ContainsKey(new YamlScalarNode("monitoring")));
    }

    [Fact]
    public void Nested_props_merge_key_by_key()
    {
        var config = Load("name: app\ntarget: vue\nvue:\n  domain_name: app.example.com\n  zone_name: example.com\n  django:\n    image_directory: .\n    web_cpu: 1024\n");

        var django = (YamlMappingNode)config.Section.Children[new YamlScalarNode("django")];
        Assert.Equal("1024", Value(django, "web_cpu"));
        Assert.Equal("instance", Value(django, "nat_strategy"));
    }

    [Fact]
    public void Every_preset_file_binds_to_its_target_props()
    {
        foreach (var target in DeployTargets.All)
        {
            foreach (var preset in Enum.GetValues<Preset>())
            {
                var text = Presets.Text(target, preset);
                if (text is null) continue;
                var stream = new YamlStream();
                stream.Load(new StringReader(text));
                var keys = ((YamlMappingNode)stream.Documents[0].RootNode).Children.Keys.Select(k => ((YamlScalarNode)k).Value!);
                var known = ConfigProp.Of(target.PropsType).Select(p => p.Key).ToHashSet();
                Assert.All(keys, key => Assert.Contains(key, known));
            }
        }
    }
}
