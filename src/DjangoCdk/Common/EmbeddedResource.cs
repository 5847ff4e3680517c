namespace DjangoCdk;

/// <summary>Code that ships inside the DjangoCdk assembly (handlers, edge functions), read at synth time: nothing is downloaded.</summary>
internal static class EmbeddedResource
{
    public static byte[] Read(string name)
    {
        using var stream = typeof(EmbeddedResource).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from the DjangoCdk assembly; this is a packaging bug.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
