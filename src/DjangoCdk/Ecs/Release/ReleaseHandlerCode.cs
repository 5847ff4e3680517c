using System.Security.Cryptography;
using Amazon.CDK.AWS.Lambda;

namespace DjangoCdk;

/// <summary>
/// The release-phase handler ships inside the DjangoCdk assembly; at synth time it is written to a folder named after
/// its content hash, and that folder becomes the Lambda asset. Nothing is fetched from the network.
/// </summary>
internal static class ReleaseHandlerCode
{
    private const string ResourceName = "DjangoCdk.ReleaseHandler.index.js";
    private static readonly Lazy<string> Folder = new(Extract);

    /// <summary>The Lambda code asset.</summary>
    public static Code Asset() => Code.FromAsset(Folder.Value);

    /// <summary>The handler's JavaScript source.</summary>
    public static byte[] Source() => EmbeddedResource.Read(ResourceName);

    private static string Extract()
    {
        var source = Source();
        var hash = Convert.ToHexString(SHA256.HashData(source))[..16].ToLowerInvariant();
        var folder = Path.Combine(Path.GetTempPath(), "djangocdk-release-handler-" + hash);
        var file = Path.Combine(folder, "index.js");
        if (!File.Exists(file) || !File.ReadAllBytes(file).AsSpan().SequenceEqual(source))
        {
            Directory.CreateDirectory(folder);
            var temp = file + "." + Environment.ProcessId + ".tmp";
            File.WriteAllBytes(temp, source);
            File.Move(temp, file, overwrite: true);
        }

        return folder;
    }
}
