namespace DjangoCdk;

/// <summary>
/// Recognises CDK tokens in plain strings without the CDK runtime, so settings can be validated in plain C#: the CDK
/// encodes a token as <c>${Token[...]}</c> inside a string and <c>#{Token[...]}</c> inside a list element.
/// </summary>
internal static class Tokens
{
    public static bool IsUnresolved(string? value) =>
        value is not null && (value.Contains("${Token[", StringComparison.Ordinal) || value.Contains("#{Token[", StringComparison.Ordinal));
}
