using Amazon.CDK;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// Names of the account-wide CloudFront resources a site creates (origin access controls, cache and response headers
/// policies). CloudFront is global: each name must be unique in the account, across every region ("The name must be
/// unique for response headers policies in this AWS account"; CreateCachePolicy fails with CachePolicyAlreadyExists).
/// The CDK derives them from the stack name and construct path only, so one stack deployed to two regions of an
/// account collides. These names add the stack's region, a CloudFormation reference when the stack is
/// environment-agnostic.
/// </summary>
internal static class CloudFrontNames
{
    /// <summary>
    /// "&lt;site&gt;-&lt;role&gt;-&lt;region&gt;", at most <paramref name="maxLength"/> characters of A-Z, a-z, 0-9 and '-'
    /// (what cache policy names allow, and within the other two's rules). &lt;site&gt; is the site's
    /// <see cref="Names.UniqueResourceName"/> (stack name, path and a hash of the path, so unique per construct
    /// instance), shortened in its middle to fit. No property of these resources is create-only, so a new name is an
    /// in-place update, never a replacement.
    /// </summary>
    public static string For(Construct site, string role, int maxLength)
    {
        var region = Stack.Of(site).Region;
        var reserve = Token.IsUnresolved(region) ? Defaults.RegionSuffixReserve : Math.Max(Defaults.RegionSuffixReserve, region.Length + 1);
        var siteName = Names.UniqueResourceName(site, new UniqueResourceNameOptions { MaxLength = maxLength - reserve - role.Length - 1 });

        // An unresolved region makes the whole string a token: it synthesizes as Fn::Join of the text and Ref AWS::Region.
        return $"{siteName}-{role}-{region}";
    }
}
