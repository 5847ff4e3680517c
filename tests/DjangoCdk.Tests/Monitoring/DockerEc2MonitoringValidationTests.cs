using DjangoCdk.Tests.Ec2;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Monitoring;

/// <summary>
/// DockerEc2's monitoring, resolved in plain C#: only the host alarms apply, their windows follow EC2's publishing
/// intervals, and what belongs to the Django apps on ECS and EKS is refused naming the prop. The Django apps refuse
/// the host alarms in turn.
/// </summary>
public sealed class DockerEc2MonitoringValidationTests
{
    private static readonly ConstructSite Site = new(Hosts.HostPath, TestStacks.Account, TestStacks.Region);

    /// <summary>The alarms of a DockerEc2 on a burstable type.</summary>
    public static readonly string[] HostAlarms =
    [
        nameof(AlarmsOptions.HostStatusCheckFailed), nameof(AlarmsOptions.HostInstanceCheckFailed),
        nameof(AlarmsOptions.HostCpuPercent), nameof(AlarmsOptions.HostCpuCreditBalance),
        nameof(AlarmsOptions.HostMemoryPercent), nameof(AlarmsOptions.HostRootDiskPercent), nameof(AlarmsOptions.HostDataDiskPercent),
    ];

    /// <summary>Every alarm of the Django apps on ECS and EKS.</summary>
    public static readonly TheoryData<string> AppAlarms = new(typeof(AlarmsOptions).GetProperties()
        .Where(p => p.PropertyType == typeof(AlarmOptions) && !p.Name.StartsWith("Host", StringComparison.Ordinal)).Select(p => p.Name));

    private static MonitoringSettings? Resolve(MonitoringOptions? monitoring, string? instanceType = null) =>
        DockerEc2Settings.Resolve(new DockerEc2Props { ImageDirectory = TestStacks.Backend, InstanceType = instanceType, Monitoring = monitoring }, Site).Monitoring;

    private static DjangoCdkValidationException Rejects(MonitoringOptions monitoring, string? instanceType = null) =>
        Assert.Throws<DjangoCdkValidationException>(() => Resolve(monitoring, instanceType));

    [Fact]
    public void Monitoring_is_on_by_default_with_a_dashboard_the_host_alarms_and_no_rollback()
    {
        var monitoring = Resolve(null);
        Assert.NotNull(monitoring);
        Assert.True(monitoring.Dashboard);
        Assert.False(monitoring.RollbackOnAlarm);
        Assert.Empty(monitoring.Emails);
        Assert.Equal(HostAlarms.Order(), monitoring.Alarms.Keys.Where(n => monitoring.Alarm(n) is not null).Order());
    }

    [Theory]
    [InlineData(nameof(AlarmsOptions.HostStatusCheckFailed), 1, 2)]
    [InlineData(nameof(AlarmsOptions.HostInstanceCheckFailed), 1, 5)]
    [InlineData(nameof(AlarmsOptions.HostCpuPercent), 80, 15)]
    [InlineData(nameof(AlarmsOptions.HostCpuCreditBalance), 10, 15)]
    [InlineData(nameof(AlarmsOptions.HostMemoryPercent), 90, 10)]
    [InlineData(nameof(AlarmsOptions.HostRootDiskPercent), 80, 5)]
    [InlineData(nameof(AlarmsOptions.HostDataDiskPercent), 80, 5)]
    public void Host_alarm_defaults(string name, double threshold, int minutes)
    {
        Assert.Equal(new AlarmSetting(name, true, threshold, minutes), Resolve(null)!.Alarm(name));
    }

    [Fact]
    public void Every_host_alarm_option_is_in_the_catalog()
    {
        var names = typeof(AlarmsOptions).GetProperties().Where(p => p.Name.StartsWith("Host", StringComparison.Ordinal)).Select(p => p.Name);
        Assert.Equal(HostAlarms.Order(), names.Order());
        Assert.All(HostAlarms, n => Assert.Equal(AlarmScope.Host, MonitoringSettings.ScopeOf(n)));
    }

    [Fact]
    public void Monitoring_turned_off_resolves_to_nothing_and_refuses_options_given_with_it()
    {
        Assert.Null(Resolve(new MonitoringOptions { Enabled = false }));
        var error = Rejects(new MonitoringOptions { Enabled = false, Alarms = new AlarmsOptions() });
        Assert.Equal("Monitoring.Alarms", error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
    }

    [Fact]
    public void A_non_burstable_type_has_no_credit_alarm()
    {
        var monitoring = Resolve(null, "m7g.large")!;
        Assert.Null(monitoring.Alarm(nameof(AlarmsOptions.HostCpuCreditBalance)));
        Assert.NotNull(monitoring.Alarm(nameof(AlarmsOptions.HostCpuPercent)));
    }

    [Fact]
    public void A_credit_alarm_configured_on_a_non_burstable_type_is_refused()
    {
        var error = Rejects(new MonitoringOptions { Alarms = new AlarmsOptions { HostCpuCreditBalance = new AlarmOptions { Threshold = 20 } } }, "m7g.large");
        Assert.Equal("Monitoring.Alarms.HostCpuCreditBalance", error.ParamName);
        Assert.Contains("InstanceType 'm7g.large' is not a burstable type", error.Message);
    }

    [Fact]
    public void RollbackOnAlarm_true_is_refused_on_DockerEc2()
    {
        var error = Rejects(new MonitoringOptions { RollbackOnAlarm = true });
        Assert.Equal("Monitoring.RollbackOnAlarm", error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Contains("DockerEc2 has no deployment to roll back on alarm", error.Message);
    }

    [Theory]
    [MemberData(nameof(AppAlarms))]
    public void An_alarm_of_the_ECS_and_EKS_apps_is_refused_on_DockerEc2(string name)
    {
        var error = Rejects(new MonitoringOptions { Alarms = AlarmPatterns.With(name, new AlarmOptions { Threshold = 10 }) });
        Assert.Equal($"Monitoring.Alarms.{name}", error.ParamName);
        Assert.Contains("DockerEc2 runs PostgreSQL, Redis and Django in containers on its one host", error.Message);
    }

    [Fact]
    public void MinimumRequests_is_refused_on_DockerEc2()
    {
        var error = Rejects(new MonitoringOptions { Alarms = new AlarmsOptions { MinimumRequests = 5 } });
        Assert.Equal("Monitoring.Alarms.MinimumRequests", error.ParamName);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(61)]
    public void A_cpu_window_that_is_not_whole_five_minute_datapoints_is_refused(int minutes)
    {
        var error = Rejects(new MonitoringOptions { Alarms = new AlarmsOptions { HostCpuPercent = new AlarmOptions { Minutes = minutes } } });
        Assert.Equal("Monitoring.Alarms.HostCpuPercent.Minutes", error.ParamName);
        Assert.Equal(ValidationErrorCode.OutOfRange, error.Code);
    }

    [Fact]
    public void A_status_check_window_of_one_minute_is_allowed_and_a_threshold_other_than_one_is_not()
    {
        Assert.Equal(1, Resolve(new MonitoringOptions { Alarms = new AlarmsOptions { HostStatusCheckFailed = new AlarmOptions { Minutes = 1 } } })!
            .Alarm(nameof(AlarmsOptions.HostStatusCheckFailed))!.Minutes);
        var error = Rejects(new MonitoringOptions { Alarms = new AlarmsOptions { HostInstanceCheckFailed = new AlarmOptions { Threshold = 2 } } });
        Assert.Equal("Monitoring.Alarms.HostInstanceCheckFailed.Threshold", error.ParamName);
        Assert.Contains("Allowed: 1 only", error.Message);
    }

    [Fact]
    public void Host_alarms_take_thresholds_and_windows_of_ones_own()
    {
        var monitoring = Resolve(new MonitoringOptions { Alarms = new AlarmsOptions { HostCpuPercent = new AlarmOptions { Threshold = 90, Minutes = 30 }, HostInstanceCheckFailed = new AlarmOptions { Enabled = false } } })!;
        Assert.Equal(new AlarmSetting(nameof(AlarmsOptions.HostCpuPercent), true, 90, 30), monitoring.Alarm(nameof(AlarmsOptions.HostCpuPercent)));
        Assert.Null(monitoring.Alarm(nameof(AlarmsOptions.HostInstanceCheckFailed)));
    }

    [Theory]
    [InlineData(nameof(AlarmsOptions.HostStatusCheckFailed))]
    [InlineData(nameof(AlarmsOptions.HostCpuCreditBalance))]
    public void DjangoEcs_refuses_the_host_alarms_of_DockerEc2(string name)
    {
        var error = Assert.Throws<DjangoCdkValidationException>(() => DjangoEcsSettings.Resolve(new DjangoEcsProps
        {
            ImageDirectory = TestStacks.Backend,
            Monitoring = new MonitoringOptions { Alarms = AlarmPatterns.With(name, new AlarmOptions { Minutes = 10 }) },
        }, new ConstructSite("Test/Django", TestStacks.Account, TestStacks.Region)));
        Assert.Equal($"Monitoring.Alarms.{name}", error.ParamName);
        Assert.Contains("the host alarms watch the one EC2 instance of a DockerEc2", error.Message);
    }

    [Fact]
    public void DjangoEcs_creates_no_host_alarm()
    {
        var monitoring = DjangoEcsSettings.Resolve(new DjangoEcsProps { ImageDirectory = TestStacks.Backend }, new ConstructSite("Test/Django", TestStacks.Account, TestStacks.Region)).App.Monitoring!;
        Assert.All(HostAlarms, n => Assert.Null(monitoring.Alarm(n)));
    }

    [Theory]
    [InlineData("t4g.small", 24, 576)]
    [InlineData("t4g.nano", 6, 144)]
    [InlineData("t3.micro", 12, 288)]
    [InlineData("t3a.2xlarge", 192, 4608)]
    [InlineData("t2.micro", 6, 144)]
    public void Burstable_types_earn_their_credits_and_hold_a_days_worth(string instanceType, double perHour, double max)
    {
        var credits = BurstableCredits.Of(instanceType)!;
        Assert.Equal(perHour, credits.EarnedPerHour);
        Assert.Equal(max, credits.MaxBalance);
    }

    [Theory]
    [InlineData("m7g.large")]
    [InlineData("c7i.xlarge")]
    [InlineData("t4g.huge")]
    public void Other_types_earn_no_credits(string instanceType) => Assert.Null(BurstableCredits.Of(instanceType));

    [Theory]
    [InlineData("t4g.small", true)]
    [InlineData("t3.medium", true)]
    [InlineData("m7g.large", true)]
    [InlineData("c6in.xlarge", true)]
    [InlineData("r7i.large", true)]
    [InlineData("m6gd.large", false)]
    [InlineData("c5ad.large", false)]
    [InlineData("i4i.large", false)]
    [InlineData("im4gn.large", false)]
    [InlineData("g5.xlarge", false)]
    [InlineData("c7g.metal", false)]
    public void Recovery_is_wired_only_for_types_ec2_can_recover(string instanceType, bool recoverable) =>
        Assert.Equal(recoverable, DockerEc2Settings.IsRecoverable(instanceType));
}
