using System.Text;

namespace DjangoCdk;

/// <summary>
/// The CloudFront Function (viewer request, cloudfront-js-2.0) on the SPA's default behaviour: a path whose last
/// segment has no file extension is a client-side route, so it is served /index.html with status 200. Files
/// (/favicon.ico, /robots.txt) and /.well-known/ documents pass through unchanged. The API, static, media and
/// fingerprinted-asset behaviours do not run it, so their 404s stay 404s. The code is SpaRouting/spa-routing.js,
/// embedded in the assembly and inlined in the template at synth time; tests/frontend-function runs that file under
/// Node.
/// </summary>
internal static class SpaRoutingFunction
{
    private const string ResourceName = "DjangoCdk.SpaRouting.spa-routing.js";
    private static readonly Lazy<string> Text = new(() => Encoding.UTF8.GetString(Source()).ReplaceLineEndings("\n").TrimEnd('\n'));

    /// <summary>
    /// The function code, as the template inlines it: the file with \n line endings (whatever the checkout's) and
    /// without its final newline. CloudFront calls <c>handler</c>; keep it free of modules and under 10 KB.
    /// </summary>
    public static string Code => Text.Value;

    public const string Comment = "SPA routing: extension-less paths get /index.html";

    /// <summary>The bytes of spa-routing.js, as embedded.</summary>
    public static byte[] Source() => EmbeddedResource.Read(ResourceName);
}
