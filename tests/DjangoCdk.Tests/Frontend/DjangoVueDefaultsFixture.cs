using Amazon.CDK;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;

namespace DjangoCdk.Tests.Frontend;

/// <summary>One DjangoVue on app.example.com in us-east-1 with only the required options, synthesized once.</summary>
public sealed class DjangoVueDefaultsFixture
{
    public DjangoVueDefaultsFixture()
    {
        Stack = Sites.UsEast1();
        Site = new DjangoVue(Stack, "Site", Props());
        Template = Stack.Template();
    }

    public static DjangoVueProps Props() => new()
    {
        DomainName = Sites.AppDomain,
        ZoneName = Sites.ZoneName,
        HostedZoneId = Sites.ZoneId,
        Django = new DjangoEcsProps { ImageDirectory = TestStacks.Backend, UseCeleryBeat = true },
        Frontend = new StaticSiteProps { PathToDist = Sites.Dist },
    };

    public Stack Stack { get; }
    public DjangoVue Site { get; }
    public Template Template { get; }
}
