using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Frontend;

/// <summary>What <see cref="StaticSiteSettings.Resolve"/> makes of valid props: the defaults, and what it records for the construct's warnings.</summary>
public sealed class StaticSiteSettingsTests
{
    private static readonly ConstructSite Site = new("Test/Site", TestStacks.Account, TestStacks.Region);

    [Fact]
    public void Unset_props_get_the_documented_defaults()
    {
        // Given no props at all, When resolved (no CDK runtime involved)
        var settings = StaticSiteSettings.Resolve(new StaticSiteProps(), Site);

        // Then every default applies and every optional part is absent
        Assert.Equal(Defaults.FingerprintedPathPattern, settings.FingerprintedPathPattern);
        Assert.Equal("assets", settings.FingerprintedFolder);
        Assert.Equal(Defaults.SiteDeploymentMemoryMiB, settings.DeploymentMemoryMiB);
        Assert.Equal(PriceClass.PRICE_CLASS_100, settings.PriceClass);
        Assert.Null(settings.Domain);
        Assert.Null(settings.LoadBalancer);
        Assert.Null(settings.Assets);
        Assert.Null(settings.AccessLogsBucket);
        Assert.Equal(new DistFolder(null, null, DistStatus.NotSet), settings.Dist);
    }

    [Fact]
    public void A_built_app_is_ready_to_upload()
    {
        var settings = StaticSiteSettings.Resolve(new StaticSiteProps { PathToDist = Sites.Dist }, Site);

        Assert.Equal(DistStatus.Ready, settings.Dist.Status);
        Assert.Equal(Path.GetFullPath(Sites.Dist), settings.Dist.UploadPath);
    }

    [Fact]
    public void A_missing_dist_folder_is_recorded_for_a_warning_and_not_uploaded()
    {
        // Given a folder that was never built, and RequirePathToDist unset
        var missing = Path.Combine(Path.GetTempPath(), "djangocdk-no-such-dist-" + Guid.NewGuid().ToString("N"));

        var settings = StaticSiteSettings.Resolve(new StaticSiteProps { PathToDist = missing }, Site);

        Assert.Equal(DistStatus.NotFound, settings.Dist.Status);
        Assert.Equal(missing, settings.Dist.Given);
        Assert.Null(settings.Dist.UploadPath);
    }

    [Fact]
    public void A_dist_folder_without_index_html_is_recorded_for_a_warning_and_still_uploaded()
    {
        var folder = Directory.CreateTempSubdirectory("djangocdk-dist-").FullName;

        var settings = StaticSiteSettings.Resolve(new StaticSiteProps { PathToDist = folder }, Site);

        Assert.Equal(DistStatus.NoIndex, settings.Dist.Status);
        Assert.Equal(folder, settings.Dist.UploadPath);
    }

    [Theory]
    [InlineData("/js/*", "js")]
    [InlineData("/static/build/*", "static/build")]
    public void The_fingerprinted_folder_is_the_pattern_without_its_slashes_and_wildcard(string pattern, string folder)
    {
        var settings = StaticSiteSettings.Resolve(new StaticSiteProps { FingerprintedPathPattern = pattern }, Site);

        Assert.Equal(folder, settings.FingerprintedFolder);
    }

    [Fact]
    public void A_load_balancer_domain_turns_on_https_and_the_default_api_paths_apply()
    {
        // Given a load balancer (a CDK object, passed through untouched) and its domain name
        var loadBalancer = Sites.StandIn<IApplicationLoadBalancer>();

        var settings = StaticSiteSettings.Resolve(new StaticSiteProps { LoadBalancer = loadBalancer, LoadBalancerDomainName = Sites.ApiDomain }, Site);

        Assert.Equal(new SiteLoadBalancer(loadBalancer, Sites.ApiDomain, UsesHttps: true, Defaults.ApiPathPatterns), settings.LoadBalancer);
    }
}
