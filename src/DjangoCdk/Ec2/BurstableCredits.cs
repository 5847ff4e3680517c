using System.Text.RegularExpressions;

namespace DjangoCdk;

/// <summary>
/// The CPU credits a burstable instance type earns per hour, from the EC2 User Guide's "Key concepts and definitions
/// for burstable performance instances" (credit table): a credit is one vCPU at 100 % for a minute, and an instance
/// can hold what it earns in 24 hours. T3, T3a and T4g earn alike (their baseline per vCPU times their vCPUs: nano 5 %
/// of 2, small 20 % of 2 ... 2xlarge 40 % of 8); T2 earns its own. Instance types outside this table earn none.
/// </summary>
internal sealed record BurstableCredits(double EarnedPerHour)
{
    private static readonly Regex TypePattern = new(@"^(?<family>t2|t3|t3a|t4g)\.(?<size>[a-z0-9]+)$", RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, double> T2 = new(StringComparer.Ordinal)
    {
        ["nano"] = 3, ["micro"] = 6, ["small"] = 12, ["medium"] = 24, ["large"] = 36, ["xlarge"] = 54, ["2xlarge"] = 81.6,
    };

    private static readonly Dictionary<string, double> T3 = new(StringComparer.Ordinal)
    {
        ["nano"] = 6, ["micro"] = 12, ["small"] = 24, ["medium"] = 24, ["large"] = 36, ["xlarge"] = 96, ["2xlarge"] = 192,
    };

    /// <summary>The most credits the instance can hold: a day's earnings.</summary>
    public double MaxBalance => EarnedPerHour * 24;

    /// <summary>The credits of <paramref name="instanceType"/> ("t4g.small"), or null for a type that earns none.</summary>
    public static BurstableCredits? Of(string instanceType)
    {
        var match = TypePattern.Match(instanceType);
        if (!match.Success) return null;
        var table = match.Groups["family"].Value == "t2" ? T2 : T3;
        return table.TryGetValue(match.Groups["size"].Value, out var earned) ? new BurstableCredits(earned) : null;
    }
}
