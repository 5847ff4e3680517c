namespace DjangoCdk.Cli;

/// <summary>What DjangoCdk does about one variable name a project reads.</summary>
/// <param name="Name">The name the project reads.</param>
/// <param name="Kind">Provided as is, through an alias, by the IAM role, or not at all.</param>
/// <param name="ProvidedBy">The contract value that provides it (the alias target, or the name itself); null when none does.</param>
/// <param name="Secret">Whether the value is (or, for a name nothing provides, looks like) a secret.</param>
public sealed record EnvNameMapping(string Name, EnvNameKind Kind, string? ProvidedBy, bool Secret)
{
    /// <summary>Whether something provides the value, so the config needs nothing more than the alias.</summary>
    public bool Provided => Kind != EnvNameKind.NotProvided;

    /// <summary>A short human description: "DJANGO_SECRET_KEY (alias)", "NOT PROVIDED".</summary>
    public string Description => Kind switch
    {
        EnvNameKind.Contract => "provided by DjangoCdk",
        EnvNameKind.Alias => $"{ProvidedBy} (alias)",
        EnvNameKind.IamRole => "the task's IAM role (no variable needed)",
        _ => "NOT PROVIDED",
    };
}
