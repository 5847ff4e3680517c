using Xunit;

namespace DjangoCdk.Cli.Tests.Config;

/// <summary>How construct props are classified for the config (<see cref="ConfigProp"/>).</summary>
public sealed class ConfigPropTests
{
    [Fact]
    public void Only_references_to_constructs_of_the_same_app_cannot_be_set_from_the_config()
    {
        // Given every props type of every target, nested ones included
        var unsupported = new List<string>();
        var seen = new HashSet<Type>();
        void Visit(Type type)
        {
            if (!seen.Add(type)) return;
            foreach (var prop in ConfigProp.Of(type))
            {
                if (prop.Kind == ValueKind.Unsupported) unsupported.Add($"{type.Name}.{prop.Property.Name}");
                if (prop.Kind is ValueKind.Object or ValueKind.ObjectList) Visit(prop.ElementType!);
            }
        }

        // When each is classified
        foreach (var target in DeployTargets.All) Visit(target.PropsType);

        // Then the only props the config cannot set are those (an existing topic is set by its ARN)
        Assert.Equal(["StaticSiteProps.AccessLogsBucket", "StaticSiteProps.AssetsBucket", "StaticSiteProps.LoadBalancer"], unsupported.Distinct().Order(StringComparer.Ordinal));
    }
}
