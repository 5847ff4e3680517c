using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Frontend;

/// <summary>Golden templates: they catch drift; the behaviour tests state intent.</summary>
public sealed class StaticSiteSnapshotTests(StaticSiteDefaultsFixture defaults, StaticSiteCompleteFixture complete)
    : IClassFixture<StaticSiteDefaultsFixture>, IClassFixture<StaticSiteCompleteFixture>
{
    [Fact]
    public void Defaults_match_the_snapshot() => Snapshot.Matches(defaults.Template, "StaticSiteDefaults");

    [Fact]
    public void Complete_site_matches_the_snapshot() => Snapshot.Matches(complete.Template, "StaticSiteComplete");
}
