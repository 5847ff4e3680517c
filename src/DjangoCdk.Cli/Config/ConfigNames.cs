using System.Text;

namespace DjangoCdk.Cli;

/// <summary>How django-cdk.yaml names things: construct props in snake_case, enum values in snake_case.</summary>
public static class ConfigNames
{
    /// <summary>
    /// The config key of a C# prop: words split at case changes, lower case, joined with underscores; the units MiB and
    /// GiB and the name CloudFront stay one word (<c>WebMemoryMiB</c> → <c>web_memory_mib</c>, <c>UseEcsExec</c> →
    /// <c>use_ecs_exec</c>). A number that starts a word of its own is split off (<c>Target5xxPercent</c> →
    /// <c>target_5xx_percent</c>); one that ends a word or follows a capital stays with it (<c>Ec2</c>, <c>Arm64</c>,
    /// <c>P95ResponseTimeSeconds</c> → <c>p95_response_time_seconds</c>).
    /// </summary>
    public static string ToSnakeCase(string pascal)
    {
        var name = pascal.Replace("MiB", "Mib", StringComparison.Ordinal).Replace("GiB", "Gib", StringComparison.Ordinal)
            .Replace("CloudFront", "Cloudfront", StringComparison.Ordinal);
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = i > 0 && char.IsUpper(c) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                || (i + 1 < name.Length && char.IsUpper(name[i - 1]) && char.IsLower(name[i + 1])));
            boundary |= i > 0 && char.IsDigit(c) && char.IsLower(name[i - 1]) && StartsWord(name, i);
            if (boundary && name[i - 1] != '_') builder.Append('_');
            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    // Digits followed by lower-case letters ("5xx") start a word; digits at the end or before a capital ("Ec2", "Ipv6Enabled") end one.
    private static bool StartsWord(string name, int digit)
    {
        var end = digit;
        while (end < name.Length && char.IsDigit(name[end])) end++;
        return end < name.Length && char.IsLower(name[end]);
    }

    /// <summary>The closest of <paramref name="candidates"/> to <paramref name="name"/> when it is close enough to be a typo, else null.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        var best = candidates
            .Select(candidate => (Candidate: candidate, Distance: Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant())))
            .OrderBy(c => c.Distance)
            .FirstOrDefault();
        return best.Candidate is not null && best.Distance <= Math.Max(2, name.Length / 3) ? best.Candidate : null;
    }

    /// <summary>" (did you mean 'x'?)" when a close name exists, else empty.</summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates) =>
        Closest(name, candidates) is { } closest ? $" Did you mean '{closest}'?" : "";

    // Levenshtein distance, with a transposition counted as one edit.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
