namespace DjangoCdk;

/// <summary>
/// The CPU and memory pairs Fargate accepts for a Linux task.
/// Source: Amazon ECS Developer Guide, "Amazon ECS task definition parameters for Fargate", section "Task size" (Linux).
/// </summary>
internal static class FargateSizes
{
    private static readonly (int Cpu, int MinMiB, int MaxMiB, int StepMiB)[] Table =
    [
        (256, 512, 2048, 0), // 512, 1024 or 2048 only
        (512, 1024, 4096, 1024),
        (1024, 2048, 8192, 1024),
        (2048, 4096, 16384, 1024),
        (4096, 8192, 30720, 1024),
        (8192, 16384, 61440, 4096),
        (16384, 32768, 122880, 8192),
    ];

    public static bool IsValid(int cpu, int memoryMiB)
    {
        foreach (var row in Table)
        {
            if (row.Cpu != cpu) continue;
            if (row.StepMiB == 0) return memoryMiB is 512 or 1024 or 2048;
            return memoryMiB >= row.MinMiB && memoryMiB <= row.MaxMiB && memoryMiB % row.StepMiB == 0;
        }

        return false;
    }

    public static string Allowed(int cpu)
    {
        var row = Table.FirstOrDefault(r => r.Cpu == cpu);
        if (row.Cpu == 0)
            return "Fargate CPU units must be one of " + string.Join(", ", Table.Select(r => r.Cpu)) + ".";
        return row.StepMiB == 0
            ? $"With {cpu} CPU units Fargate accepts 512, 1024 or 2048 MiB."
            : $"With {cpu} CPU units Fargate accepts {row.MinMiB} to {row.MaxMiB} MiB in steps of {row.StepMiB}.";
    }

    /// <summary>Throws when the pair is not a Fargate size; <paramref name="cpuProp"/> and <paramref name="memoryProp"/> name the props.</summary>
    public static void Validate(string path, string cpuProp, int cpu, string memoryProp, int memoryMiB)
    {
        if (Table.All(r => r.Cpu != cpu))
            throw Errors.Invalid(path, cpuProp, cpu, Allowed(cpu));
        if (!IsValid(cpu, memoryMiB))
            throw Errors.Invalid(path, memoryProp, memoryMiB, Allowed(cpu));
    }
}
