using Xunit;

namespace DjangoCdk.Tests.Frontend;

/// <summary>The default ApiPathPatterns against CloudFront's path-pattern semantics.</summary>
public sealed class StaticSiteApiPathTests
{
    [Theory]
    [InlineData("images/*.jpg", "images/product1/sample.jpg", true)]
    [InlineData("/images/*.jpg", "/images/sample.jpg", true)]
    [InlineData("a??.jpg", "ant.jpg", true)]
    [InlineData("a??.jpg", "an.jpg", false)]
    [InlineData("*.doc*", "report.doc", true)]
    [InlineData("*.doc?", "report.doc", false)]
    [InlineData("*.jpg", "LOGO.JPG", false)]
    [InlineData("/graphql/*", "/graphql", false)]
    [InlineData("/graphql*", "/graphql", true)]
    public void Path_matcher_follows_the_cloudfront_examples(string pattern, string path, bool matches)
    {
        // The CloudFront Developer Guide's examples: '*' is 0 or more characters, '?' exactly one, case-sensitive.
        Assert.Equal(matches, CloudFrontPathPattern.Matches(pattern, path));
    }

    [Theory]
    [InlineData("/graphql")]
    [InlineData("/graphql/")]
    public void Default_api_paths_include_graphql_with_and_without_a_trailing_slash(string path)
    {
        // Graphene's default URL is path("graphql", ...): POST /graphql must reach Django, not the SPA behaviour.
        Assert.Contains(Defaults.ApiPathPatterns, p => CloudFrontPathPattern.Matches(p, path));
    }

    [Fact]
    public void Default_api_paths_overlap_neither_the_build_nor_django_static_and_media_paths()
    {
        string[] reserved = [Defaults.FingerprintedPathPattern, Defaults.StaticPathPattern, Defaults.MediaPathPattern];

        foreach (var api in Defaults.ApiPathPatterns)
        {
            Assert.All(reserved, other => Assert.False(StaticSiteSettings.Overlaps(api, other), $"{api} overlaps {other}"));
        }

        Assert.DoesNotContain(Defaults.ApiPathPatterns, p => CloudFrontPathPattern.Matches(p, "/index.html") || CloudFrontPathPattern.Matches(p, "/"));
    }
}
