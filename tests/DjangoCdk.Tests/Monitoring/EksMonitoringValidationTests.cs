using DjangoCdk.Tests.Eks;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Monitoring;

/// <summary>
/// DjangoEks's monitoring, resolved in plain C#: the release, database and cache alarms apply; DjangoEcs's own alarms,
/// MinimumRequests and rollback on alarm do not, and setting them is refused naming the prop rather than ignored.
/// </summary>
public sealed class EksMonitoringValidationTests
{
    private static readonly ConstructSite Site = new("Test/Django", TestStacks.Account, TestStacks.Region);
    private static readonly DateOnly Today = new(2026, 11, 26);

    /// <summary>The alarms DjangoEks creates: what every Django app shares.</summary>
    public static readonly string[] EksAlarms =
    [
        nameof(AlarmsOptions.ReleaseFailures), nameof(AlarmsOptions.DatabaseCpuPercent), nameof(AlarmsOptions.DatabaseFreeStorageGiB),
        nameof(AlarmsOptions.DatabaseFreeMemoryMiB), nameof(AlarmsOptions.DatabaseConnections), nameof(AlarmsOptions.CacheMemoryPercent),
        nameof(AlarmsOptions.CacheEvictions),
    ];

    /// <summary>DjangoEcs's alarms, which watch what only DjangoEcs builds.</summary>
    public static readonly TheoryData<string> EcsOnlyAlarms =
    [
        nameof(AlarmsOptions.LoadBalancer5xxPercent), nameof(AlarmsOptions.Target5xxPercent), nameof(AlarmsOptions.P95ResponseTimeSeconds),
        nameof(AlarmsOptions.P99ResponseTimeSeconds), nameof(AlarmsOptions.UnhealthyTargets), nameof(AlarmsOptions.WebTasksBelowDesired),
        nameof(AlarmsOptions.WorkerWithoutTasks), nameof(AlarmsOptions.CloudFront5xxPercent), nameof(AlarmsOptions.QueueDepthPublisherErrors),
    ];

    private static MonitoringSettings? Resolve(MonitoringOptions? monitoring) =>
        DjangoEksSettings.Resolve(DjangoEksValidationTests.Valid with { Monitoring = monitoring }, Site, Today).App.Monitoring;

    private static DjangoCdkValidationException Rejects(MonitoringOptions monitoring) =>
        Assert.Throws<DjangoCdkValidationException>(() => Resolve(monitoring));

    [Fact]
    public void Monitoring_is_on_by_default_with_a_dashboard_and_no_rollback_on_alarm()
    {
        var monitoring = Resolve(null);
        Assert.NotNull(monitoring);
        Assert.True(monitoring.Dashboard);
        Assert.False(monitoring.RollbackOnAlarm);
        Assert.Equal(AlarmScope.DataStores, monitoring.Applies);
    }

    [Fact]
    public void Only_the_release_database_and_cache_alarms_apply()
    {
        var monitoring = Resolve(null)!;
        var applying = monitoring.Alarms.Keys.Where(name => monitoring.Alarm(name) is not null);
        Assert.Equal(EksAlarms.Order(), applying.Order());
    }

    [Fact]
    public void Database_and_cache_defaults_are_those_of_DjangoEcs()
    {
        // The default db.t4g.micro with 20 GiB, as for DjangoEcs (MonitoringValidationTests)
        var monitoring = Resolve(null)!;
        Assert.Equal(new AlarmSetting(nameof(AlarmsOptions.DatabaseConnections), true, 63, 5), monitoring.Alarm(nameof(AlarmsOptions.DatabaseConnections)));
        Assert.Equal(new AlarmSetting(nameof(AlarmsOptions.DatabaseFreeMemoryMiB), true, 102, 15), monitoring.Alarm(nameof(AlarmsOptions.DatabaseFreeMemoryMiB)));
        Assert.Equal(new AlarmSetting(nameof(AlarmsOptions.CacheMemoryPercent), true, 80, 15), monitoring.Alarm(nameof(AlarmsOptions.CacheMemoryPercent)));
    }

    [Fact]
    public void Monitoring_turned_off_resolves_to_nothing()
    {
        Assert.Null(Resolve(new MonitoringOptions { Enabled = false }));
    }

    [Fact]
    public void RollbackOnAlarm_true_is_refused_as_a_DjangoEcs_deployment_feature()
    {
        // Given DjangoEks / When RollbackOnAlarm is set to true
        var error = Rejects(new MonitoringOptions { RollbackOnAlarm = true });

        // Then the prop is named, and the message says whose feature it is and what to do
        Assert.Equal("Monitoring.RollbackOnAlarm", error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Contains("DjangoEks has no deployment to roll back on alarm", error.Message);
        Assert.Contains("DjangoEcs deployment feature", error.Message);
        Assert.Contains("Remove it.", error.Message);
    }

    [Fact]
    public void RollbackOnAlarm_false_agrees_with_what_DjangoEks_does()
    {
        Assert.False(Resolve(new MonitoringOptions { RollbackOnAlarm = false })!.RollbackOnAlarm);
    }

    [Theory]
    [MemberData(nameof(EcsOnlyAlarms))]
    public void A_DjangoEcs_alarm_configured_on_DjangoEks_is_refused_naming_it(string name)
    {
        // Given DjangoEks / When an alarm only DjangoEcs creates is given a threshold
        var error = Rejects(new MonitoringOptions { Alarms = AlarmPatterns.With(name, new AlarmOptions { Threshold = 10 }) });

        // Then the alarm is named, with whose it is and why nothing here can be watched
        Assert.Equal($"Monitoring.Alarms.{name}", error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Contains($"Monitoring.Alarms.{name} is a DjangoEcs alarm", error.Message);
        Assert.Contains("AWS Load Balancer Controller creates the load balancer outside the stack", error.Message);
    }

    [Theory]
    [MemberData(nameof(EcsOnlyAlarms))]
    public void A_DjangoEcs_alarm_only_turned_off_is_accepted(string name)
    {
        var monitoring = Resolve(new MonitoringOptions { Alarms = AlarmPatterns.With(name, new AlarmOptions { Enabled = false }) })!;
        Assert.Null(monitoring.Alarm(name));
    }

    [Fact]
    public void An_enabled_DjangoEcs_alarm_is_refused_even_without_a_threshold()
    {
        var error = Rejects(new MonitoringOptions { Alarms = new AlarmsOptions { UnhealthyTargets = new AlarmOptions { Enabled = true } } });
        Assert.Equal("Monitoring.Alarms.UnhealthyTargets", error.ParamName);
    }

    [Fact]
    public void MinimumRequests_is_refused_on_DjangoEks()
    {
        var error = Rejects(new MonitoringOptions { Alarms = new AlarmsOptions { MinimumRequests = 50 } });
        Assert.Equal("Monitoring.Alarms.MinimumRequests", error.ParamName);
        Assert.Contains("DjangoEks has none", error.Message);
    }

    [Fact]
    public void A_host_alarm_of_DockerEc2_is_refused_on_DjangoEks()
    {
        var error = Rejects(new MonitoringOptions { Alarms = new AlarmsOptions { HostCpuPercent = new AlarmOptions { Threshold = 90 } } });
        Assert.Equal("Monitoring.Alarms.HostCpuPercent", error.ParamName);
        Assert.Contains("DockerEc2", error.Message);
    }

    [Fact]
    public void The_alarms_that_apply_take_thresholds_and_windows_of_ones_own()
    {
        var monitoring = Resolve(new MonitoringOptions { Alarms = new AlarmsOptions { DatabaseCpuPercent = new AlarmOptions { Threshold = 70, Minutes = 30 }, CacheEvictions = new AlarmOptions { Enabled = false } } })!;
        Assert.Equal(new AlarmSetting(nameof(AlarmsOptions.DatabaseCpuPercent), true, 70, 30), monitoring.Alarm(nameof(AlarmsOptions.DatabaseCpuPercent)));
        Assert.Null(monitoring.Alarm(nameof(AlarmsOptions.CacheEvictions)));
    }

    [Fact]
    public void The_shared_checks_still_apply_on_DjangoEks()
    {
        var error = Rejects(new MonitoringOptions { Alarms = new AlarmsOptions { DatabaseCpuPercent = new AlarmOptions { Threshold = 101 } } });
        Assert.Equal("Monitoring.Alarms.DatabaseCpuPercent.Threshold", error.ParamName);
        Assert.Equal(ValidationErrorCode.OutOfRange, error.Code);
    }

    [Fact]
    public void The_stack_estimate_counts_only_the_alarms_that_apply()
    {
        // Given the defaults (the release phase runs migrate and collectstatic, so the release alarm exists)
        var on = StackFootprints.ForEks(DjangoEksSettings.Resolve(DjangoEksValidationTests.Valid, Site, Today)).Total;
        var off = StackFootprints.ForEks(DjangoEksSettings.Resolve(DjangoEksValidationTests.Valid with { Monitoring = new MonitoringOptions { Enabled = false } }, Site, Today)).Total;

        // Then monitoring counts the topic, its key and policy, 7 alarms and the dashboard: 11 resources
        Assert.Equal(11, on.Resources - off.Resources);
    }
}
