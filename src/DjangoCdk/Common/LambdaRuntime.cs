using Amazon.CDK.AWS.Lambda;

namespace DjangoCdk;

/// <summary>The Node.js Lambda runtime every DjangoCdk function uses, including the CDK framework functions it owns.</summary>
internal static class LambdaRuntime
{
    /// <summary>
    /// nodejs24.x: the newest Lambda Node.js runtime with the AWS SDK for JavaScript v3 built in. Amazon.CDK.Lib 2.160 predates it,
    /// so it is named here rather than taken from <see cref="Runtime"/>.
    /// </summary>
    public static readonly Runtime NodeJs = new("nodejs24.x", RuntimeFamily.NODEJS, new LambdaRuntimeProps { SupportsInlineCode = true });
}
