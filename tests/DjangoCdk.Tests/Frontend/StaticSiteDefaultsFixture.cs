using Amazon.CDK;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;

namespace DjangoCdk.Tests.Frontend;

/// <summary>A StaticSite with nothing but the built app, in eu-west-1, synthesized once.</summary>
public sealed class StaticSiteDefaultsFixture
{
    public StaticSiteDefaultsFixture()
    {
        Stack = TestStacks.New();
        Site = new StaticSite(Stack, Sites.SiteId, new StaticSiteProps { PathToDist = Sites.Dist });
        Template = Stack.Template();
    }

    public Stack Stack { get; }

    public StaticSite Site { get; }

    public Template Template { get; }
}
