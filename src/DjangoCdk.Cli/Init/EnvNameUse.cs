namespace DjangoCdk.Cli;

/// <summary>A variable the production settings read, every read of it, and what provides it.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Reads">Every read found, in file and line order.</param>
/// <param name="Mapping">What DjangoCdk does about it.</param>
public sealed record EnvNameUse(string Name, IReadOnlyList<EnvRead> Reads, EnvNameMapping Mapping)
{
    /// <summary>Whether some read has no default, so the settings need the variable.</summary>
    public bool Required => Reads.Any(r => r.Required);

    /// <summary>Where it is first read (file:line), a required read first.</summary>
    public string Where => (Reads.FirstOrDefault(r => r.Required) ?? Reads[0]).Where;
}
