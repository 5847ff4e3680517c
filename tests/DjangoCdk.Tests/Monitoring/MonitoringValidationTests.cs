using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Monitoring;

/// <summary>
/// MonitoringOptions and the workers' queue-depth options, resolved in plain C#: bad thresholds, windows and emails
/// are refused naming the prop, and the defaults that depend on the database are derived from it.
/// </summary>
public sealed class MonitoringValidationTests
{
    private static readonly ConstructSite Site = new("Test/Django", TestStacks.Account, TestStacks.Region);
    private static readonly DateOnly Today = new(2026, 11, 26);

    private static DjangoEcsSettings Resolve(Func<DjangoEcsProps, DjangoEcsProps> change) =>
        DjangoEcsSettings.Resolve(change(new DjangoEcsProps { ImageDirectory = TestStacks.Backend }), Site);

    private static DjangoCdkValidationException Rejects(Func<DjangoEcsProps, DjangoEcsProps> change) =>
        Assert.Throws<DjangoCdkValidationException>(() => Resolve(change));

    private static AlarmSetting Alarm(DjangoEcsSettings settings, string name) => settings.App.Monitoring!.Alarms[name];

    [Fact]
    public void Monitoring_is_on_by_default_with_a_dashboard_and_rollback_on_alarm()
    {
        var monitoring = Resolve(p => p).App.Monitoring;
        Assert.NotNull(monitoring);
        Assert.True(monitoring.Dashboard);
        Assert.True(monitoring.RollbackOnAlarm);
        Assert.Empty(monitoring.Emails);
        Assert.Equal(20, monitoring.MinimumRequests);
    }

    [Fact]
    public void Every_alarm_option_has_a_default_and_is_on_by_default()
    {
        // Given the public AlarmsOptions / Then each of its AlarmOptions properties resolves to an alarm that is on
        var names = typeof(AlarmsOptions).GetProperties().Where(p => p.PropertyType == typeof(AlarmOptions)).Select(p => p.Name).ToList();
        var alarms = Resolve(p => p).App.Monitoring!.Alarms;
        Assert.Equal(names.Order(), alarms.Keys.Order());
        Assert.All(alarms.Values, a => Assert.True(a.Enabled));
    }

    [Theory]
    [InlineData(nameof(AlarmsOptions.LoadBalancer5xxPercent), 5, 5)]
    [InlineData(nameof(AlarmsOptions.Target5xxPercent), 5, 5)]
    [InlineData(nameof(AlarmsOptions.P95ResponseTimeSeconds), 2, 5)]
    [InlineData(nameof(AlarmsOptions.P99ResponseTimeSeconds), 5, 5)]
    [InlineData(nameof(AlarmsOptions.UnhealthyTargets), 1, 3)]
    [InlineData(nameof(AlarmsOptions.WebTasksBelowDesired), 1, 10)]
    [InlineData(nameof(AlarmsOptions.WorkerWithoutTasks), 1, 5)]
    [InlineData(nameof(AlarmsOptions.ReleaseFailures), 1, 5)]
    [InlineData(nameof(AlarmsOptions.DatabaseCpuPercent), 80, 15)]
    [InlineData(nameof(AlarmsOptions.CacheMemoryPercent), 80, 15)]
    [InlineData(nameof(AlarmsOptions.CacheEvictions), 1, 5)]
    [InlineData(nameof(AlarmsOptions.CloudFront5xxPercent), 5, 5)]
    [InlineData(nameof(AlarmsOptions.QueueDepthPublisherErrors), 3, 5)]
    public void Fixed_defaults_are_those_the_readme_lists(string name, double threshold, int minutes)
    {
        var alarm = Alarm(Resolve(p => p), name);
        Assert.Equal(threshold, alarm.Threshold);
        Assert.Equal(minutes, alarm.Minutes);
    }

    [Fact]
    public void Database_defaults_follow_the_default_t4g_micro_with_20_GiB()
    {
        // 1 GiB of memory: 10 % is 102 MiB; max_connections (1024 - 300) MiB / 9531392 B = 79, 80 % of it 63; 5 % of 20 GiB is 1 GiB.
        var settings = Resolve(p => p);
        Assert.Equal(102, Alarm(settings, nameof(AlarmsOptions.DatabaseFreeMemoryMiB)).Threshold);
        Assert.Equal(63, Alarm(settings, nameof(AlarmsOptions.DatabaseConnections)).Threshold);
        Assert.Equal(1, Alarm(settings, nameof(AlarmsOptions.DatabaseFreeStorageGiB)).Threshold);
    }

    [Fact]
    public void Database_defaults_scale_with_a_larger_instance_and_more_storage()
    {
        // r6g.large has 16 GiB: 10 % is 1638 MiB; (16384 - 300) × 1048576 / 9531392 = 1769 connections, 80 % 1415; 5 % of 200 GiB is 10 GiB.
        var settings = Resolve(p => p with { DatabaseInstanceType = new Amazon.CDK.AWS.EC2.InstanceType("r6g.large"), DatabaseAllocatedStorageGiB = 200 });
        Assert.Equal(1638, Alarm(settings, nameof(AlarmsOptions.DatabaseFreeMemoryMiB)).Threshold);
        Assert.Equal(1415, Alarm(settings, nameof(AlarmsOptions.DatabaseConnections)).Threshold);
        Assert.Equal(10, Alarm(settings, nameof(AlarmsOptions.DatabaseFreeStorageGiB)).Threshold);
    }

    [Theory]
    [InlineData("t4g.micro", 1024)]
    [InlineData("db.t3.medium", 4096)]
    [InlineData("m6g.large", 8192)]
    [InlineData("m7g.4xlarge", 65536)]
    [InlineData("r6g.xlarge", 32768)]
    [InlineData("r7g.16xlarge", 524288)]
    public void Instance_class_memory_follows_the_family_and_size(string instanceClass, int memoryMiB) =>
        Assert.Equal(memoryMiB, DatabaseClassMemory.MemoryMiB(instanceClass));

    [Theory]
    [InlineData("x2g.large")]
    [InlineData("m6g.micro")]
    [InlineData("t4g.4xlarge")]
    public void An_instance_class_outside_the_table_has_no_memory_and_fixed_fallbacks(string instanceClass)
    {
        Assert.Null(DatabaseClassMemory.MemoryMiB(instanceClass));
        var settings = Resolve(p => p with { DatabaseInstanceType = new Amazon.CDK.AWS.EC2.InstanceType(instanceClass) });
        Assert.Equal(256, Alarm(settings, nameof(AlarmsOptions.DatabaseFreeMemoryMiB)).Threshold);
        Assert.Equal(80, Alarm(settings, nameof(AlarmsOptions.DatabaseConnections)).Threshold);
    }

    [Fact]
    public void A_threshold_and_window_of_ones_own_replace_the_defaults()
    {
        var settings = Resolve(p => p with { Monitoring = new MonitoringOptions { Alarms = new AlarmsOptions { Target5xxPercent = new AlarmOptions { Threshold = 1.5, Minutes = 10 } } } });
        Assert.Equal(new AlarmSetting(nameof(AlarmsOptions.Target5xxPercent), true, 1.5, 10), Alarm(settings, nameof(AlarmsOptions.Target5xxPercent)));
    }

    [Fact]
    public void One_alarm_can_be_turned_off()
    {
        var settings = Resolve(p => p with { Monitoring = new MonitoringOptions { Alarms = new AlarmsOptions { CacheEvictions = new AlarmOptions { Enabled = false } } } });
        Assert.Null(settings.App.Monitoring!.Alarm(nameof(AlarmsOptions.CacheEvictions)));
        Assert.NotNull(settings.App.Monitoring.Alarm(nameof(AlarmsOptions.CacheMemoryPercent)));
    }

    [Fact]
    public void Monitoring_turned_off_resolves_to_nothing()
    {
        Assert.Null(Resolve(p => p with { Monitoring = new MonitoringOptions { Enabled = false } }).App.Monitoring);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(101.0)]
    [InlineData(double.NaN)]
    public void A_percentage_threshold_outside_its_range_is_refused_naming_the_alarm(double threshold)
    {
        var error = Rejects(p => p with { Monitoring = new MonitoringOptions { Alarms = new AlarmsOptions { Target5xxPercent = new AlarmOptions { Threshold = threshold } } } });
        Assert.Equal("Monitoring.Alarms.Target5xxPercent.Threshold", error.ParamName);
        Assert.Equal(ValidationErrorCode.OutOfRange, error.Code);
        Assert.Contains("Allowed: 0.01 to 100 (percent)", error.Message);
    }

    [Fact]
    public void A_count_threshold_below_one_is_refused()
    {
        var error = Rejects(p => p with { Monitoring = new MonitoringOptions { Alarms = new AlarmsOptions { UnhealthyTargets = new AlarmOptions { Threshold = 0.5 } } } });
        Assert.Equal("Monitoring.Alarms.UnhealthyTargets.Threshold", error.ParamName);
        Assert.Contains("(tasks)", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(61)]
    public void A_window_outside_one_to_sixty_minutes_is_refused(int minutes)
    {
        var error = Rejects(p => p with { Monitoring = new MonitoringOptions { Alarms = new AlarmsOptions { DatabaseCpuPercent = new AlarmOptions { Minutes = minutes } } } });
        Assert.Equal("Monitoring.Alarms.DatabaseCpuPercent.Minutes", error.ParamName);
        Assert.Equal(ValidationErrorCode.OutOfRange, error.Code);
    }

    [Fact]
    public void A_minimum_request_count_below_one_is_refused()
    {
        var error = Rejects(p => p with { Monitoring = new MonitoringOptions { Alarms = new AlarmsOptions { MinimumRequests = 0 } } });
        Assert.Equal("Monitoring.Alarms.MinimumRequests", error.ParamName);
    }

    [Theory]
    [InlineData("ops")]
    [InlineData("ops@example")]
    [InlineData("ops@example.com, dev@example.com")]
    [InlineData("")]
    public void A_malformed_email_is_refused_with_the_address(string email)
    {
        var error = Rejects(p => p with { Monitoring = new MonitoringOptions { AlarmEmails = [email] } });
        Assert.Equal("Monitoring.AlarmEmails", error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Contains($"'{email}'", error.Message);
    }

    [Fact]
    public void The_same_email_twice_is_refused()
    {
        var error = Rejects(p => p with { Monitoring = new MonitoringOptions { AlarmEmails = ["ops@example.com", "OPS@example.com"] } });
        Assert.Equal("Monitoring.AlarmEmails", error.ParamName);
        Assert.Contains("once", error.Message);
    }

    [Fact]
    public void Options_given_while_monitoring_is_off_are_refused_not_ignored()
    {
        var error = Rejects(p => p with { Monitoring = new MonitoringOptions { Enabled = false, AlarmEmails = ["ops@example.com"] } });
        Assert.Equal("Monitoring.AlarmEmails", error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
        Assert.Contains("Monitoring.Enabled is false", error.Message);
    }

    [Fact]
    public void Workers_scale_on_queue_depth_by_default_with_ten_messages_per_task()
    {
        var worker = Assert.Single(Resolve(p => p).App.Workers);
        Assert.Equal(new QueueScaling(10, ToZero: false), worker.QueueScaling);
        Assert.Equal(1, worker.MinCount);
    }

    [Fact]
    public void A_worker_that_scales_to_zero_has_a_minimum_of_zero()
    {
        var worker = Assert.Single(Resolve(p => p with { CeleryWorkers = [new CeleryWorkerOptions { ScaleToZero = true, MaxCount = 3 }] }).App.Workers);
        Assert.Equal(0, worker.MinCount);
        Assert.Equal(new QueueScaling(10, ToZero: true), worker.QueueScaling);
    }

    [Fact]
    public void A_worker_can_opt_out_of_queue_depth_scaling()
    {
        var worker = Assert.Single(Resolve(p => p with { CeleryWorkers = [new CeleryWorkerOptions { ScaleOnQueueDepth = false }] }).App.Workers);
        Assert.Null(worker.QueueScaling);
    }

    [Fact]
    public void Scale_to_zero_with_a_minimum_count_is_refused()
    {
        var error = Rejects(p => p with { CeleryWorkers = [new CeleryWorkerOptions { ScaleToZero = true, MinCount = 1 }] });
        Assert.Equal("CeleryWorkers[0].MinCount", error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
    }

    [Fact]
    public void Scale_to_zero_without_queue_depth_scaling_is_refused()
    {
        var error = Rejects(p => p with { CeleryWorkers = [new CeleryWorkerOptions { ScaleToZero = true, ScaleOnQueueDepth = false }] });
        Assert.Equal("CeleryWorkers[0].ScaleToZero", error.ParamName);
        Assert.Contains("only the queue's backlog can start a task from zero", error.Message);
    }

    [Fact]
    public void A_backlog_target_without_queue_depth_scaling_is_refused()
    {
        var error = Rejects(p => p with { CeleryWorkers = [new CeleryWorkerOptions { BacklogPerTask = 5, ScaleOnQueueDepth = false }] });
        Assert.Equal("CeleryWorkers[0].BacklogPerTask", error.ParamName);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(100_001.0)]
    public void A_backlog_target_out_of_range_is_refused(double backlog)
    {
        var error = Rejects(p => p with { CeleryWorkers = [new CeleryWorkerOptions { BacklogPerTask = backlog }] });
        Assert.Equal("CeleryWorkers[0].BacklogPerTask", error.ParamName);
        Assert.Equal(ValidationErrorCode.OutOfRange, error.Code);
    }

    [Fact]
    public void Workers_whose_names_and_queues_overflow_the_publishers_environment_are_refused_with_what_to_do()
    {
        // 40 workers of 31-character names with three 20-character queues: about 4,800 bytes of JSON, above 3,072
        var workers = Enumerable.Range(0, 40).Select(i => new CeleryWorkerOptions
        {
            Name = $"w{i:00}-" + new string('x', 27),
            Queues = [.. Enumerable.Range(0, 3).Select(q => $"queue-{i:00}-{q}-" + new string('q', 10))],
        }).ToList();
        var error = Rejects(p => p with { CeleryWorkers = workers });
        Assert.Equal("CeleryWorkers", error.ParamName);
        Assert.Equal(ValidationErrorCode.OutOfRange, error.Code);
        Assert.Contains("'40 workers scaling on queue depth'", error.Message);
        Assert.Contains("above the 3072 DjangoCdk allows of Lambda's 4 KB", error.Message);
        Assert.Contains("ScaleOnQueueDepth = false", error.Message);
    }

    [Fact]
    public void Workers_on_cpu_only_take_no_room_in_the_publishers_environment()
    {
        var workers = Enumerable.Range(0, 40).Select(i => new CeleryWorkerOptions
        {
            Name = $"w{i:00}-" + new string('x', 27),
            Queues = [.. Enumerable.Range(0, 3).Select(q => $"queue-{i:00}-{q}-" + new string('q', 10))],
            ScaleOnQueueDepth = false,
        }).ToList();
        Assert.Equal(40, Resolve(p => p with { CeleryWorkers = workers }).App.Workers.Count);
    }

    [Fact]
    public void DjangoEks_refuses_queue_depth_scaling_naming_the_prop()
    {
        var props = Eks.DjangoEksValidationTests.Valid with { CeleryWorkers = [new CeleryWorkerOptions { ScaleToZero = true }] };
        var error = Assert.Throws<DjangoCdkValidationException>(() => DjangoEksSettings.Resolve(props, Site, Today));
        Assert.Equal("CeleryWorkers[0].ScaleToZero", error.ParamName);
        Assert.Contains("DjangoEcs feature", error.Message);
    }

    [Fact]
    public void DjangoEks_workers_scale_on_cpu_only()
    {
        var worker = Assert.Single(DjangoEksSettings.Resolve(Eks.DjangoEksValidationTests.Valid, Site, Today).App.Workers);
        Assert.Null(worker.QueueScaling);
    }
}
