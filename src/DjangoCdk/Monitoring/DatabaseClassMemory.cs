using System.Globalization;
using System.Text.RegularExpressions;

namespace DjangoCdk;

/// <summary>
/// The memory of an RDS instance class, and PostgreSQL's default max_connections on it, for the database alarms'
/// defaults. Memory per class from the RDS User Guide's "DB instance classes" hardware tables: the burstable t
/// classes by size (micro 1 GiB to 2xlarge 32 GiB), the general-purpose m classes 8 GiB per "large" unit (4 GiB per
/// vCPU), the memory-optimised r classes 16 GiB per unit. max_connections defaults to
/// LEAST({DBInstanceClassMemory/9531392}, 5000) in RDS for PostgreSQL's parameter group, where DBInstanceClassMemory
/// is the memory less what the OS and RDS keep, about 300 MiB on the small classes (81 connections on a 1 GiB class).
/// </summary>
internal static class DatabaseClassMemory
{
    private static readonly Regex ClassPattern = new(@"^(?:db\.)?(?<family>[tmr])\d+[a-z]*\.(?<size>micro|small|medium|large|xlarge|\d+xlarge)$", RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, int> BurstableMiB = new(StringComparer.Ordinal)
    {
        ["micro"] = 1024, ["small"] = 2048, ["medium"] = 4096, ["large"] = 8192, ["xlarge"] = 16384, ["2xlarge"] = 32768,
    };

    private const int ReservedMiB = 300;

    /// <summary>The memory of <paramref name="instanceClass"/> ("t4g.micro", "db.r6g.2xlarge") in MiB, or null for a class outside the t, m and r families.</summary>
    public static int? MemoryMiB(string instanceClass)
    {
        var match = ClassPattern.Match(instanceClass);
        if (!match.Success) return null;
        var size = match.Groups["size"].Value;
        var family = match.Groups["family"].Value;
        if (family == "t") return BurstableMiB.TryGetValue(size, out var t) ? t : null;
        var units = size switch
        {
            "large" => 1,
            "xlarge" => 2,
            "micro" or "small" or "medium" => 0,
            _ => 2 * int.Parse(size[..^"xlarge".Length], CultureInfo.InvariantCulture),
        };
        return units == 0 ? null : units * (family == "m" ? 8192 : 16384);
    }

    /// <summary>PostgreSQL's default max_connections on a class with <paramref name="memoryMiB"/> of memory.</summary>
    public static int MaxConnections(int memoryMiB) =>
        (int)Math.Min(5000, (memoryMiB - ReservedMiB) * 1_048_576L / 9_531_392);
}
