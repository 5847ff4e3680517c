using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Frontend;

/// <summary>
/// Origin access controls, cache policies and response headers policies are account-wide (CloudFront is global): their
/// names must differ between two regions of one account and between two sites of one stack.
/// </summary>
public sealed class StaticSiteNameTests
{
    private const int OriginAccessControlMax = 64;
    private const int PolicyMax = 128;
    private const int LongestRegionName = 20;
    private static readonly Regex Allowed = new("^[A-Za-z0-9-]+$");

    /// <summary>Every account-wide name in the stack, by resource type, as synthesized.</summary>
    private static List<(string Type, JsonNode Name)> Names(Stack stack)
    {
        var json = new TemplateJson(stack.Template());
        var names = new List<(string, JsonNode)>();
        foreach (var (type, config) in new[]
                 {
                     ("AWS::CloudFront::OriginAccessControl", "OriginAccessControlConfig"),
                     ("AWS::CloudFront::ResponseHeadersPolicy", "ResponseHeadersPolicyConfig"),
                     ("AWS::CloudFront::CachePolicy", "CachePolicyConfig"),
                 })
        {
            names.AddRange(json.OfType(type).Select(r => (type, r.Value["Properties"]![config]!["Name"]!.DeepClone())));
        }

        return names;
    }

    private static int Limit(string type) => type == "AWS::CloudFront::OriginAccessControl" ? OriginAccessControlMax : PolicyMax;

    /// <summary>Every resource kind: OAC, both headers policies (CSP) and the media cache policy (PublicMedia).</summary>
    private static StaticSite FullSite(Stack stack, string id = Sites.SiteId) => new(stack, id, new StaticSiteProps
    {
        PathToDist = Sites.Dist,
        AssetsBucket = new Bucket(stack, id + "Assets"),
        PublicMedia = true,
        ContentSecurityPolicy = "default-src 'self'",
    });

    [Fact]
    public void Account_wide_cloudfront_names_end_with_the_stack_region()
    {
        // Given a stack in eu-west-1
        var stack = TestStacks.New();

        // When
        FullSite(stack);

        // Then all four names are plain strings ending in the region, within CloudFront's limits
        var names = Names(stack);
        Assert.Equal(4, names.Count);
        Assert.All(names, n =>
        {
            var name = n.Name.GetValue<string>();
            Assert.EndsWith("-" + TestStacks.Region, name, StringComparison.Ordinal);
            Assert.Matches(Allowed, name);
            Assert.InRange(name.Length, 1, Limit(n.Type));
        });
    }

    [Fact]
    public void Account_wide_cloudfront_names_take_the_region_at_deploy_time_in_an_environment_agnostic_stack()
    {
        // Given a stack with no region
        var stack = TestStacks.EnvironmentAgnostic();

        // When
        FullSite(stack);

        // Then each name joins a literal part and the AWS::Region pseudo parameter, leaving room for any region name
        var names = Names(stack);
        Assert.Equal(4, names.Count);
        Assert.All(names, n =>
        {
            var join = n.Name["Fn::Join"]!.AsArray();
            Assert.Equal("", join[0]!.GetValue<string>());
            var parts = join[1]!.AsArray();
            Assert.Equal(2, parts.Count);
            var literal = parts[0]!.GetValue<string>();
            Assert.Equal("""{"Ref":"AWS::Region"}""", parts[1]!.ToJsonString());
            Assert.EndsWith("-", literal, StringComparison.Ordinal);
            Assert.Matches(Allowed, literal);
            Assert.InRange(literal.Length + LongestRegionName, 1, Limit(n.Type));
        });
    }

    [Fact]
    public void The_same_stack_in_two_regions_gets_different_cloudfront_names()
    {
        // Given one stack name deployed to two regions of one account
        Stack In(string region) => new(TestStacks.NewApp(), "Shop", new StackProps { Env = new Amazon.CDK.Environment { Account = TestStacks.Account, Region = region } });
        var europe = In("eu-west-1");
        var us = In("us-east-1");

        // When
        FullSite(europe);
        FullSite(us);

        // Then no name is used twice in the account
        var all = Names(europe).Concat(Names(us)).Select(n => n.Name.GetValue<string>()).ToList();
        Assert.Equal(8, all.Count);
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Two_sites_in_one_stack_get_different_cloudfront_names()
    {
        var stack = TestStacks.New();

        FullSite(stack, "Blog");
        FullSite(stack, "Shop");

        var all = Names(stack).Select(n => n.Name.GetValue<string>()).ToList();
        Assert.Equal(8, all.Count);
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Long_stack_and_construct_names_are_shortened_to_cloudfront_limits()
    {
        // Given a stack name and a site path far longer than an origin access control name may be
        var stack = new Stack(TestStacks.NewApp(), new string('S', 120), new StackProps { Env = new Amazon.CDK.Environment { Account = TestStacks.Account, Region = "ap-southeast-4" } });
        var scope = new Constructs.Construct(stack, new string('P', 80));

        // When
        _ = new StaticSite(scope, new string('F', 90), new StaticSiteProps { PathToDist = Sites.Dist, AssetsBucket = new Bucket(stack, "Assets"), PublicMedia = true });

        // Then every name still fits and keeps the region
        Assert.All(Names(stack), n =>
        {
            var name = n.Name.GetValue<string>();
            Assert.InRange(name.Length, 1, Limit(n.Type));
            Assert.EndsWith("-ap-southeast-4", name, StringComparison.Ordinal);
            Assert.Matches(Allowed, name);
        });
    }
}
