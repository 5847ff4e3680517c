namespace DjangoCdk.Cli;

/// <summary>One place where Python code reads an environment variable.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="HasDefault">Whether the read has a default value (so the variable may be unset).</param>
/// <param name="Default">The default as written in the source (a string literal's value, or the expression), or null.</param>
/// <param name="File">The file, relative to the project root, with forward slashes.</param>
/// <param name="Line">The 1-based line of the read.</param>
/// <param name="Form">How it was read, e.g. <c>os.environ[...]</c>, <c>env.db()</c>, <c>env_str()</c>.</param>
public sealed record EnvRead(string Name, bool HasDefault, string? Default, string File, int Line, string Form)
{
    /// <summary>Whether the read has no default: the settings need the variable set (or get None).</summary>
    public bool Required => !HasDefault;

    /// <summary>"file:line".</summary>
    public string Where => $"{File}:{Line}";
}
