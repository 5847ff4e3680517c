using Amazon.CDK;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Frontend;

/// <summary>
/// Bad DjangoVue input: the site's own props and the options of the nested parts that DjangoVue owns are checked by
/// <see cref="DjangoVueSettings.Resolve"/> in plain C#; the parts check the rest under their own names.
/// </summary>
public sealed class DjangoVueValidationTests
{
    private static readonly ConstructSite Site = new("Test/Site", TestStacks.Account, "us-east-1");

    private static DjangoCdkValidationException Rejects(Func<DjangoVueProps, DjangoVueProps> change) =>
        Assert.Throws<DjangoCdkValidationException>(() => DjangoVueSettings.Resolve(change(DjangoVueDefaultsFixture.Props()), Site));

    private static DjangoCdkValidationException RejectedByTheConstruct(Func<DjangoVueProps, DjangoVueProps> change, Stack? stack = null) =>
        Assert.Throws<DjangoCdkValidationException>(() => new DjangoVue(stack ?? Sites.UsEast1(), "Site", change(DjangoVueDefaultsFixture.Props())));

    [Fact]
    public void Domain_outside_its_zone_is_rejected_under_the_djangovue_prop_name()
    {
        var error = Rejects(p => p with { DomainName = "app.example.org" });
        Assert.Equal("DomainName", error.ParamName);
        Assert.Equal("Test/Site", error.ConstructPath);
    }

    [Fact]
    public void Empty_domain_is_rejected()
    {
        Assert.Equal("DomainName", Rejects(p => p with { DomainName = " " }).ParamName);
    }

    [Fact]
    public void Empty_zone_is_rejected()
    {
        Assert.Equal("ZoneName", Rejects(p => p with { ZoneName = "" }).ParamName);
    }

    [Fact]
    public void Load_balancer_name_equal_to_the_site_is_rejected()
    {
        var error = Rejects(p => p with { LoadBalancerDomainName = "app.example.com" });
        Assert.Equal("LoadBalancerDomainName", error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
    }

    [Fact]
    public void Load_balancer_name_outside_the_zone_is_rejected()
    {
        Assert.Equal("LoadBalancerDomainName", Rejects(p => p with { LoadBalancerDomainName = "origin.example.org" }).ParamName);
    }

    [Theory]
    [InlineData("ApiDomainName")]
    [InlineData("ZoneName")]
    [InlineData("HostedZoneId")]
    [InlineData("CertificateArn")]
    [InlineData("CertificateAlternativeNames")]
    [InlineData("OpenLoadBalancer")]
    [InlineData("FrontendUrl")]
    [InlineData("AssetsDomainName")]
    [InlineData("MediaDomainName")]
    public void Django_options_that_djangovue_sets_are_rejected_rather_than_ignored(string option)
    {
        var error = Rejects(p => p with { Django = WithOption(p.Django, option) });
        Assert.Equal("Django." + option, error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
        Assert.Contains("DjangoVue sets " + option, error.Message);
    }

    [Theory]
    [InlineData("FrontendDomainName")]
    [InlineData("ZoneName")]
    [InlineData("HostedZoneId")]
    [InlineData("CertificateArn")]
    [InlineData("LoadBalancerDomainName")]
    [InlineData("LoadBalancerUsesHttps")]
    [InlineData("PublicMedia")]
    public void Frontend_options_that_djangovue_sets_are_rejected_rather_than_ignored(string option)
    {
        var error = Rejects(p => p with { Frontend = WithOption(p.Frontend!, option) });
        Assert.Equal("Frontend." + option, error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
    }

    [Fact]
    public void Frontend_buckets_and_load_balancer_are_djangovues_own()
    {
        // CDK objects: built with the runtime, still rejected by the plain-C# settings.
        var stack = Sites.UsEast1();
        var bucket = new Amazon.CDK.AWS.S3.Bucket(stack, "Other");
        var error = Assert.Throws<DjangoCdkValidationException>(() => new DjangoVue(stack, "Site",
            DjangoVueDefaultsFixture.Props() with { Frontend = new StaticSiteProps { AssetsBucket = bucket } }));
        Assert.Equal("Frontend.AssetsBucket", error.ParamName);
    }

    [Fact]
    public void Outside_us_east_1_a_cloudfront_certificate_must_be_given()
    {
        var error = RejectedByTheConstruct(p => p, TestStacks.New());
        Assert.Equal("CertificateArn", error.ParamName);
        Assert.Contains("us-east-1", error.Message);
    }

    [Fact]
    public void A_certificate_from_another_region_is_rejected()
    {
        var error = RejectedByTheConstruct(p => p with { CertificateArn = "arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555" });
        Assert.Equal("CertificateArn", error.ParamName);
    }

    [Fact]
    public void Django_props_are_checked_under_their_own_names()
    {
        var error = RejectedByTheConstruct(p => p with { Django = p.Django with { ImageDirectory = "/no/such/dir" } });
        Assert.Equal("ImageDirectory", error.ParamName);
        Assert.Equal("Test/Site/Django", error.ConstructPath);
    }

    private static DjangoEcsProps WithOption(DjangoEcsProps django, string option) => option switch
    {
        "ApiDomainName" => django with { ApiDomainName = "api.example.com" },
        "ZoneName" => django with { ZoneName = "example.com" },
        "HostedZoneId" => django with { HostedZoneId = "Z1" },
        "CertificateArn" => django with { CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/abc" },
        "CertificateAlternativeNames" => django with { CertificateAlternativeNames = ["www.example.com"] },
        "OpenLoadBalancer" => django with { OpenLoadBalancer = true },
        "FrontendUrl" => django with { FrontendUrl = "https://app.example.com" },
        "AssetsDomainName" => django with { AssetsDomainName = "cdn.example.com" },
        "MediaDomainName" => django with { MediaDomainName = "cdn.example.com" },
        _ => throw new ArgumentOutOfRangeException(nameof(option), option, null),
    };

    private static StaticSiteProps WithOption(StaticSiteProps frontend, string option) => option switch
    {
        "FrontendDomainName" => frontend with { FrontendDomainName = "www.example.com" },
        "ZoneName" => frontend with { ZoneName = "example.com" },
        "HostedZoneId" => frontend with { HostedZoneId = "Z1" },
        "CertificateArn" => frontend with { CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/abc" },
        "LoadBalancerDomainName" => frontend with { LoadBalancerDomainName = "api.example.com" },
        "LoadBalancerUsesHttps" => frontend with { LoadBalancerUsesHttps = false },
        "PublicMedia" => frontend with { PublicMedia = true },
        _ => throw new ArgumentOutOfRangeException(nameof(option), option, null),
    };
}
