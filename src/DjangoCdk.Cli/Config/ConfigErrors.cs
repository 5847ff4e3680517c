namespace DjangoCdk.Cli;

/// <summary>The wording of every config error, in one place: where, which key, what is wrong, what is allowed.</summary>
internal static class ConfigErrors
{
    public static CliException At(ConfigLocation location, string key, string message) =>
        new($"{location}: {key}: {message}");

    public static CliException UnknownKey(ConfigLocation location, string key, string section, IEnumerable<string> known)
    {
        var names = known.ToList();
        return At(location, key, $"unknown key in {section}.{ConfigNames.DidYouMean(LastPart(key), names)} Allowed keys: {string.Join(", ", names)}.");
    }

    public static CliException WrongType(ConfigLocation location, string key, string expected, string got) =>
        At(location, key, $"expected {expected}, got {got}.");

    public static CliException NotAllowed(ConfigLocation location, string key, string value, IEnumerable<string> allowed)
    {
        var names = allowed.ToList();
        return At(location, key, $"'{value}' is not allowed.{ConfigNames.DidYouMean(value, names)} Allowed: {string.Join(", ", names)}.");
    }

    private static string LastPart(string key) => key[(key.LastIndexOfAny(['.', ']']) + 1)..];
}
