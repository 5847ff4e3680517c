using System.Globalization;

namespace DjangoCdk.Benchmarks;

/// <summary>
/// The resident memory of a process and all its descendants (the .NET app and its jsii Node.js child), from /proc,
/// following each task's children list rather than scanning every process, so that polling costs the measured
/// process little CPU.
/// </summary>
internal static class ProcessTree
{
    /// <summary>The summed VmRSS, in KiB, of <paramref name="root"/> and its descendants; 0 where /proc is unavailable.</summary>
    public static long ResidentKib(int root)
    {
        var total = 0L;
        var pending = new Stack<int>([root]);
        var seen = new HashSet<int>();
        while (pending.TryPop(out var pid))
        {
            if (!seen.Add(pid)) continue;
            total += Resident(pid);
            foreach (var child in Children(pid)) pending.Push(child);
        }

        return total;
    }

    private static IEnumerable<int> Children(int pid)
    {
        var tasks = $"/proc/{pid}/task";
        if (!Directory.Exists(tasks)) return [];
        var children = new List<int>();
        try
        {
            foreach (var task in Directory.EnumerateDirectories(tasks))
            {
                var file = Path.Combine(task, "children");
                if (!File.Exists(file)) continue;
                foreach (var id in File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    children.Add(int.Parse(id, CultureInfo.InvariantCulture));
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }

        return children;
    }

    private static long Resident(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException) { return 0; }
        catch (UnauthorizedAccessException) { return 0; }
    }
}
