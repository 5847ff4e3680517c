using System.Text.RegularExpressions;

namespace DjangoCdk.Tests.Frontend;

/// <summary>
/// CloudFront's cache-behaviour path matching, as the CloudFront Developer Guide ("Path pattern") describes it: '*'
/// matches 0 or more characters, '?' exactly one, everything else literally and case-sensitively; a leading '/' makes
/// no difference; query strings are not considered; the first behaviour in order that matches wins.
/// </summary>
internal static class CloudFrontPathPattern
{
    public static bool Matches(string pattern, string path)
    {
        var regex = "^" + string.Concat(pattern.TrimStart('/').Select(c => c switch
        {
            '*' => ".*",
            '?' => ".",
            _ => Regex.Escape(c.ToString()),
        })) + "$";
        return Regex.IsMatch(path.TrimStart('/'), regex, RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    /// <summary>The first of <paramref name="patterns"/> (in behaviour order) that matches, or null for the default behaviour.</summary>
    public static string? FirstMatch(IEnumerable<string> patterns, string path) => patterns.FirstOrDefault(p => Matches(p, path));
}
