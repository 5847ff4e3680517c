using Amazon.CDK.AWS.Lambda;
using DjangoCdk.Tests.Eks;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Common;

/// <summary>
/// A construct whose options would cross CloudFormation's limits (500 resources, 1 MB of template per stack, less
/// DjangoCdk's margin) is refused at construction, in plain C#, with what fits and what to do.
/// </summary>
public sealed class StackLimitsTests
{
    private static readonly ConstructSite Site = new("Test/Django", TestStacks.Account, TestStacks.Region);
    private static readonly DateOnly Today = new(2026, 11, 26);

    /// <summary>
    /// With defaults and 10 release commands, DjangoEcs is bound by resources: 101 + 5 (a new project's feature flags)
    /// + 26 (monitoring: the topic, its key and policy, 14 alarms, the dashboard; the queue-depth publisher's 8)
    /// + 10 × 1 + 6 per worker (4, the worker's backlog policy and its alarm) ≤ 450 gives 51 workers (about 830 KB of
    /// template, under the byte budget).
    /// </summary>
    private const int EcsMostWorkers = 51;

    /// <summary>
    /// DjangoEks is bound by template bytes: about 317 KB (with 10 release commands, and monitoring: the topic, its key
    /// and policy, 7 alarms and the dashboard, 16 KB) + 9.4 KB per worker ≤ 900 KiB gives 64 workers (217 resources).
    /// </summary>
    private const int EksMostWorkers = 64;

    [Fact]
    public void DjangoEcs_accepts_the_most_workers_that_fit()
    {
        // Given defaults and 10 release commands / When the most workers that fit are asked for / Then they resolve
        var settings = DjangoEcsSettings.Resolve(StackScale.Ecs(EcsMostWorkers, 10), Site);
        Assert.Equal(EcsMostWorkers, settings.App.Workers.Count);
    }

    [Fact]
    public void DjangoEcs_refuses_one_worker_more_than_fits_and_says_what_to_do()
    {
        // Given defaults and 10 release commands / When one worker more than fits is asked for
        var error = Assert.Throws<DjangoCdkValidationException>(() => DjangoEcsSettings.Resolve(StackScale.Ecs(EcsMostWorkers + 1, 10), Site));

        // Then CeleryWorkers is out of range, with the estimate, the limit, the maximum and the way out
        Assert.Equal("CeleryWorkers", error.ParamName);
        Assert.Equal(ValidationErrorCode.OutOfRange, error.Code);
        Assert.Contains($"'{EcsMostWorkers + 1} workers'", error.Message);
        Assert.Contains("about 454 CloudFormation resources, above the 450", error.Message);
        Assert.Contains($"At most {EcsMostWorkers} workers fit", error.Message);
        Assert.Contains("Queues = [", error.Message);
        Assert.Contains("second stack", error.Message);
    }

    [Fact]
    public void DjangoEcs_options_that_add_resources_leave_room_for_fewer_workers()
    {
        // Given beat, a domain and ECS Exec (7 resources more: 132 + 10 + 7 + 6 × 50 = 449) / When as many workers as fit without them are asked for
        var props = StackScale.Ecs(EcsMostWorkers, 10) with
        {
            UseCeleryBeat = true,
            UseEcsExec = true,
            ApiDomainName = "api.example.com",
            ZoneName = "example.com",
            HostedZoneId = "Z0123456789EXAMPLE",
        };
        var error = Assert.Throws<DjangoCdkValidationException>(() => DjangoEcsSettings.Resolve(props, Site));

        // Then they are refused, and the maximum counts the options
        Assert.Contains($"At most {EcsMostWorkers - 1} workers fit", error.Message);
    }

    [Fact]
    public void DjangoEcs_refuses_too_many_release_commands_on_ReleaseCommands()
    {
        // Given one worker / When more release commands than fit are asked for
        var error = Assert.Throws<DjangoCdkValidationException>(() => DjangoEcsSettings.Resolve(StackScale.Ecs(1, 300), Site));

        // Then the error is about the release commands, bound by bytes: (900 KiB - 188 KB) / 3 KB per step
        Assert.Equal("ReleaseCommands", error.ParamName);
        Assert.Equal(ValidationErrorCode.OutOfRange, error.Code);
        Assert.Contains("a template of about", error.Message);
        Assert.Contains("At most 240 release commands fit", error.Message);
    }

    [Fact]
    public void DjangoVue_counts_its_site_with_the_workers_of_its_Django()
    {
        // Given a DjangoVue (its StaticSite shares the stack) / When its Django asks for as many workers as DjangoEcs alone fits
        var stack = Frontend.Sites.UsEast1();
        var props = Frontend.DjangoVueDefaultsFixture.Props();
        var error = Assert.Throws<DjangoCdkValidationException>(() => new DjangoVue(stack, "Site", props with
        {
            Django = props.Django with { UseCeleryBeat = false, CeleryWorkers = StackScale.Workers(EcsMostWorkers), ReleaseCommands = StackScale.ReleaseCommands(10) },
        }));

        // Then they are refused: the site's 22 resources (with CloudFront's alarm) and the domain's 3 leave room for 4 fewer
        Assert.Equal("CeleryWorkers", error.ParamName);
        Assert.Contains($"At most {EcsMostWorkers - 4} workers fit", error.Message);
    }

    [Fact]
    public void DjangoEks_accepts_the_most_workers_that_fit()
    {
        var settings = DjangoEksSettings.Resolve(Eks(EksMostWorkers), Site, Today);
        Assert.Equal(EksMostWorkers, settings.App.Workers.Count);
    }

    [Fact]
    public void DjangoEks_refuses_one_worker_more_than_fits_on_template_bytes()
    {
        // Given defaults and 10 release commands / When one worker more than fits is asked for
        var error = Assert.Throws<DjangoCdkValidationException>(() => DjangoEksSettings.Resolve(Eks(EksMostWorkers + 1), Site, Today));

        // Then CeleryWorkers is out of range because of the template's size, well before 500 resources
        Assert.Equal("CeleryWorkers", error.ParamName);
        Assert.Equal(ValidationErrorCode.OutOfRange, error.Code);
        Assert.Contains("a template of about", error.Message);
        Assert.Contains("above the 900 KB", error.Message);
        Assert.Contains($"At most {EksMostWorkers} workers fit", error.Message);
        Assert.Contains("Queues = [", error.Message);
    }

    [Fact]
    public void DjangoEks_environment_variables_take_room_in_every_pod()
    {
        // Given 40 variables of 100 bytes each, in every worker, web, beat and release pod
        var variables = Enumerable.Range(1, 40).ToDictionary(i => $"SETTING_{i:00}", _ => new string('x', 100));
        var props = Eks(EksMostWorkers) with { EnvironmentVariables = variables };

        // When as many workers as fit without them are asked for / Then fewer fit
        var error = Assert.Throws<DjangoCdkValidationException>(() => DjangoEksSettings.Resolve(props, Site, Today));
        Assert.Equal("CeleryWorkers", error.ParamName);
        Assert.DoesNotContain($"At most {EksMostWorkers} workers fit", error.Message);
    }

    private static DjangoEksProps Eks(int workers) => DjangoEksValidationTests.Valid with
    {
        CeleryWorkers = StackScale.Workers(workers),
        ReleaseCommands = StackScale.ReleaseCommands(10),
    };
}
