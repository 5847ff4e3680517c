namespace DjangoCdk;

/// <summary>
/// The CloudFront Function (viewer request, cloudfront-js-2.0) on the SPA's default behaviour: a path whose last
/// segment has no file extension is a client-side route, so it is served /index.html with status 200. Files
/// (/favicon.ico, /robots.txt) and /.well-known/ documents pass through unchanged. The API, static, media and
/// fingerprinted-asset behaviours do not run it, so their 404s stay 404s. tests/frontend-function runs this code
/// under Node.
/// </summary>
internal static class SpaRoutingFunction
{
    /// <summary>The function code. CloudFront calls <c>handler</c>; keep it free of modules and under 10 KB.</summary>
    public const string Code = """
        function handler(event) {
          var request = event.request;
          var uri = request.uri;
          if (uri.indexOf('/.well-known/') === 0) {
            return request;
          }
          var lastSegment = uri.substring(uri.lastIndexOf('/') + 1);
          if (lastSegment.indexOf('.') === -1) {
            request.uri = '/index.html';
          }
          return request;
        }
        """;

    public const string Comment = "SPA routing: extension-less paths get /index.html";
}
