using System.Globalization;
using System.Text.RegularExpressions;

namespace DjangoCdk;

/// <summary>
/// The Kubernetes minor versions Amazon EKS offers and when their standard support ends. A minor version is in
/// standard support for 14 months after its EKS release, then in extended support for 12 more at six times the
/// control-plane price (0.60 instead of 0.10 USD per cluster-hour). Source: Amazon EKS User Guide, "Understand the
/// Kubernetes version lifecycle on EKS" (release calendar), as mirrored by endoflife.date/amazon-eks, read 2026-11-26.
/// Update this table, and <see cref="Default"/>, when AWS releases a version.
/// </summary>
public static class KubernetesVersions
{
    /// <summary>The version DjangoEks creates clusters with: the newest one in the table, in standard support until 2027-03-27.</summary>
    public const string Default = "1.35";

    /// <summary>The last day of standard support of each minor version EKS has released.</summary>
    public static readonly IReadOnlyDictionary<string, DateOnly> EndOfStandardSupport = new Dictionary<string, DateOnly>(StringComparer.Ordinal)
    {
        ["1.29"] = new(2025, 3, 23),
        ["1.30"] = new(2025, 7, 23),
        ["1.31"] = new(2025, 11, 26),
        ["1.32"] = new(2026, 3, 23),
        ["1.33"] = new(2026, 7, 29),
        ["1.34"] = new(2026, 12, 2),
        ["1.35"] = new(2027, 3, 27),
    };

    private static readonly Regex MinorVersion = new(@"^1\.(?<minor>\d{1,3})$", RegexOptions.CultureInvariant);

    /// <summary>The minor number of a version such as "1.35", or null when it is not of that form.</summary>
    public static int? Minor(string version)
    {
        var match = MinorVersion.Match(version);
        return match.Success ? int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The newest minor version in <see cref="EndOfStandardSupport"/>.</summary>
    internal static int NewestKnownMinor => EndOfStandardSupport.Keys.Max(v => Minor(v)!.Value);
}
