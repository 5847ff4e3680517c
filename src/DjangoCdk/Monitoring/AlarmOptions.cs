namespace DjangoCdk;

/// <summary>One alarm: whether it exists, the value that raises it, and for how long the value must hold.</summary>
public sealed class AlarmOptions
{
    /// <summary>Whether the alarm is created.</summary>
    /// <remarks>Default: true.</remarks>
    public bool? Enabled { get; init; }

    /// <summary>The value that raises the alarm, in the unit its name gives (percent, seconds, GiB, MiB, count).</summary>
    /// <remarks>Default: the alarm's own (README, "Alarms and dashboard").</remarks>
    public double? Threshold { get; init; }

    /// <summary>How many minutes the value must hold before the alarm is raised: 1 to 60.</summary>
    /// <remarks>Default: the alarm's own (README, "Alarms and dashboard").</remarks>
    public int? Minutes { get; init; }
}
