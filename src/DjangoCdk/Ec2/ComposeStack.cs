using System.Security.Cryptography;

namespace DjangoCdk;

/// <summary>
/// DockerEc2's stack files ship inside the DjangoCdk assembly: the compose file, the Caddyfile and the boot script. At
/// synth time they are written to a folder named after their content hash, and that folder becomes the S3 asset that
/// cfn-init unpacks on the instance. Nothing is fetched from the network, at synth time or at boot.
/// </summary>
internal static class ComposeStack
{
    /// <summary>The file names, as they appear on the instance.</summary>
    public static readonly string[] Files = ["compose.yaml", "Caddyfile", "boot.sh"];

    private static readonly Lazy<string> Extracted = new(Extract);

    /// <summary>The folder holding the stack files.</summary>
    public static string Folder() => Extracted.Value;

    /// <summary>The content of one stack file.</summary>
    public static string Text(string file) => System.Text.Encoding.UTF8.GetString(EmbeddedResource.Read("DjangoCdk.Ec2." + file));

    private static string Extract()
    {
        var contents = Files.ToDictionary(f => f, f => EmbeddedResource.Read("DjangoCdk.Ec2." + f));
        var hash = Convert.ToHexString(SHA256.HashData(contents.Values.SelectMany(c => c).ToArray()))[..16].ToLowerInvariant();
        var folder = Path.Combine(Path.GetTempPath(), "djangocdk-ec2-stack-" + hash);
        Directory.CreateDirectory(folder);
        foreach (var (name, content) in contents)
        {
            var file = Path.Combine(folder, name);
            if (File.Exists(file) && File.ReadAllBytes(file).AsSpan().SequenceEqual(content)) continue;
            var temp = file + "." + Environment.ProcessId + ".tmp";
            File.WriteAllBytes(temp, content);
            File.Move(temp, file, overwrite: true);
        }

        return folder;
    }
}
