using System.Text.RegularExpressions;
using Amazon.CDK.AWS.SNS;

namespace DjangoCdk;

/// <summary>One alarm, resolved: its prop name (and construct ID), whether it is created, its threshold and window.</summary>
internal sealed record AlarmSetting(string Name, bool Enabled, double Threshold, int Minutes);

/// <summary>What the database alarms' defaults depend on.</summary>
internal sealed record MonitoredDatabase(string InstanceClass, int AllocatedStorageGiB);

/// <summary>
/// <see cref="MonitoringOptions"/> with every default applied and validated, in plain C#. Null when monitoring is
/// off. The alarms are held by their prop name in <see cref="AlarmsOptions"/>.
/// </summary>
internal sealed record MonitoringSettings(
    IReadOnlyList<string> Emails,
    ITopic? Topic,
    bool Dashboard,
    bool RollbackOnAlarm,
    int MinimumRequests,
    IReadOnlyDictionary<string, AlarmSetting> Alarms)
{
    private const string Prop = "Monitoring";
    private static readonly Regex EmailPattern = new(@"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$", RegexOptions.CultureInvariant);

    /// <summary>An alarm's defaults and the values its threshold may take.</summary>
    private sealed record Catalog(string Name, Func<MonitoredDatabase, double> Threshold, int Minutes, double Min, double Max, string Unit);

    private static Catalog Entry(string name, double threshold, int minutes, double min, double max, string unit) => new(name, _ => threshold, minutes, min, max, unit);

    /// <summary>Every alarm, in the order they are created.</summary>
    private static readonly Catalog[] Entries =
    [
        Entry(nameof(AlarmsOptions.LoadBalancer5xxPercent), 5, 5, 0.01, 100, "percent"),
        Entry(nameof(AlarmsOptions.Target5xxPercent), 5, 5, 0.01, 100, "percent"),
        Entry(nameof(AlarmsOptions.P95ResponseTimeSeconds), 2, 5, 0.01, 600, "seconds"),
        Entry(nameof(AlarmsOptions.P99ResponseTimeSeconds), 5, 5, 0.01, 600, "seconds"),
        Entry(nameof(AlarmsOptions.UnhealthyTargets), 1, 3, 1, 1000, "tasks"),
        Entry(nameof(AlarmsOptions.WebTasksBelowDesired), 1, 10, 1, 1000, "tasks"),
        Entry(nameof(AlarmsOptions.WorkerWithoutTasks), 1, 5, 1, 1000, "tasks"),
        Entry(nameof(AlarmsOptions.ReleaseFailures), 1, 5, 1, 1000, "failures"),
        Entry(nameof(AlarmsOptions.DatabaseCpuPercent), 80, 15, 1, 100, "percent"),
        new(nameof(AlarmsOptions.DatabaseFreeStorageGiB), db => Math.Max(1, Math.Round(db.AllocatedStorageGiB * Defaults.DatabaseFreeStorageShare, 1)), 5, 0.1, 65_536, "GiB"),
        new(nameof(AlarmsOptions.DatabaseFreeMemoryMiB), db => DatabaseClassMemory.MemoryMiB(db.InstanceClass) is { } mib
            ? Math.Round(mib * Defaults.DatabaseFreeMemoryShare) : Defaults.DatabaseFreeMemoryFallbackMiB, 15, 1, 4_194_304, "MiB"),
        new(nameof(AlarmsOptions.DatabaseConnections), db => DatabaseClassMemory.MemoryMiB(db.InstanceClass) is { } mib
            ? Math.Floor(DatabaseClassMemory.MaxConnections(mib) * Defaults.DatabaseConnectionsShare) : Defaults.DatabaseConnectionsFallback, 5, 1, 100_000, "connections"),
        Entry(nameof(AlarmsOptions.CacheMemoryPercent), 80, 15, 1, 100, "percent"),
        Entry(nameof(AlarmsOptions.CacheEvictions), 1, 5, 1, 1_000_000, "keys"),
        Entry(nameof(AlarmsOptions.CloudFront5xxPercent), 5, 5, 0.01, 100, "percent"),
        Entry(nameof(AlarmsOptions.QueueDepthPublisherErrors), 3, 5, 1, 60, "failed runs"),
    ];

    /// <summary>The alarm named <paramref name="name"/>, or null when it is turned off.</summary>
    public AlarmSetting? Alarm(string name) => Alarms[name] is { Enabled: true } alarm ? alarm : null;

    /// <summary>Resolves <paramref name="options"/>; null when monitoring is off. Throws naming the prop (<c>Monitoring.Alarms.X.Threshold</c>).</summary>
    public static MonitoringSettings? Resolve(MonitoringOptions? options, PropChecks check, MonitoredDatabase database)
    {
        options ??= new MonitoringOptions();
        if (options.Enabled == false)
        {
            RejectWhenOff(options, check);
            return null;
        }

        var emails = options.AlarmEmails ?? [];
        foreach (var email in emails)
        {
            if (!EmailPattern.IsMatch(email))
                throw Errors.Invalid(check.Path, $"{Prop}.{nameof(MonitoringOptions.AlarmEmails)}", email, "Give email addresses such as 'ops@example.com', one per entry.");
        }

        if (emails.Distinct(StringComparer.OrdinalIgnoreCase).Count() < emails.Length)
            throw Errors.Invalid(check.Path, $"{Prop}.{nameof(MonitoringOptions.AlarmEmails)}", emails, "Each address may appear once.");

        var alarms = options.Alarms ?? new AlarmsOptions();
        var minimumRequests = (int)check.Range($"{Prop}.{nameof(MonitoringOptions.Alarms)}.{nameof(AlarmsOptions.MinimumRequests)}",
            alarms.MinimumRequests ?? Defaults.AlarmMinimumRequests, 1, 1_000_000);
        var resolved = Entries.ToDictionary(e => e.Name, e => ResolveAlarm(e, Options(alarms, e.Name), check, database));
        return new MonitoringSettings(emails, options.AlarmTopic, options.Dashboard ?? true, options.RollbackOnAlarm ?? true, minimumRequests, resolved);
    }

    private static AlarmSetting ResolveAlarm(Catalog entry, AlarmOptions? options, PropChecks check, MonitoredDatabase database)
    {
        var prop = $"{Prop}.{nameof(MonitoringOptions.Alarms)}.{entry.Name}";
        var threshold = options?.Threshold ?? entry.Threshold(database);
        if (double.IsNaN(threshold) || threshold < entry.Min || threshold > entry.Max)
            throw Errors.OutOfRange(check.Path, $"{prop}.{nameof(AlarmOptions.Threshold)}", threshold,
                $"Allowed: {entry.Min} to {entry.Max} ({entry.Unit}).");
        var minutes = (int)check.Range($"{prop}.{nameof(AlarmOptions.Minutes)}", options?.Minutes ?? entry.Minutes, 1, Defaults.AlarmMaxMinutes);
        return new AlarmSetting(entry.Name, options?.Enabled ?? true, threshold, minutes);
    }

    private static AlarmOptions? Options(AlarmsOptions alarms, string name) =>
        (AlarmOptions?)typeof(AlarmsOptions).GetProperty(name)!.GetValue(alarms);

    /// <summary>With monitoring off, an option that configures it is a mistake to report, not to ignore.</summary>
    private static void RejectWhenOff(MonitoringOptions options, PropChecks check)
    {
        var set = new (string Name, object? Value)[]
        {
            (nameof(MonitoringOptions.AlarmEmails), options.AlarmEmails is { Length: > 0 } emails ? emails : null),
            (nameof(MonitoringOptions.AlarmTopic), options.AlarmTopic is null ? null : "a topic"),
            (nameof(MonitoringOptions.Dashboard), options.Dashboard == true ? "true" : null),
            (nameof(MonitoringOptions.RollbackOnAlarm), options.RollbackOnAlarm == true ? "true" : null),
            (nameof(MonitoringOptions.Alarms), options.Alarms is null ? null : "set"),
        }.FirstOrDefault(o => o.Value is not null);
        if (set.Name is not null)
            throw Errors.Conflict(check.Path, $"{Prop}.{set.Name}", set.Value, $"{Prop}.{nameof(MonitoringOptions.Enabled)} is false, so there are no alarms, topic or dashboard for it to configure. Remove it, or turn monitoring on.");
    }
}
