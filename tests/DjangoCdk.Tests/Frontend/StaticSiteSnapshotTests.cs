using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Frontend;

/// <summary>Golden templates: they catch drift; the behaviour tests state intent.</summary>
public sealed class StaticSiteSnapshotTests(StaticSiteDefaultsFixture defaults, StaticSiteEverythingOnFixture everythingOn)
    : IClassFixture<StaticSiteDefaultsFixture>, IClassFixture<StaticSiteEverythingOnFixture>
{
    [Fact]
    public void Defaults_match_the_snapshot() => Snapshot.Matches(defaults.Template, "StaticSiteDefaults");

    [Fact]
    public void Everything_on_matches_the_snapshot() => Snapshot.Matches(everythingOn.Template, "StaticSiteEverythingOn");
}
