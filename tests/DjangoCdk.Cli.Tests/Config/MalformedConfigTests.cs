using Xunit;

namespace DjangoCdk.Cli.Tests.Config;

/// <summary>Every kind of bad config gives one message naming the file, line and key, and exit code 1, never a stack trace.</summary>
public sealed class MalformedConfigTests
{
    public static TheoryData<string, string, string> Configs => new()
    {
        // name, config, expected message
        { "invalid YAML", "name: blog\ntarget: [ecs\n", "django-cdk.yaml:3:1: invalid YAML" },
        { "empty file", "", "django-cdk.yaml: the file is empty" },
        { "a list at the top", "- name: blog\n", "django-cdk.yaml:1:1: the file must be a mapping" },
        { "misspelled top-level key", "name: blog\ntargt: ecs\n", "django-cdk.yaml:2:1: targt: unknown key in the top level. Did you mean 'target'?" },
        { "missing target", "name: blog\n", "django-cdk.yaml:1:1: target: required but missing. Allowed: ecs, vue, static, eks, ec2, s3." },
        { "unknown target", "name: blog\ntarget: ecz\n", "django-cdk.yaml:2:9: target: 'ecz' is not allowed. Did you mean 'ecs'? Allowed: ecs, vue, static, eks, ec2, s3." },
        { "stack name starting with a digit", "name: 1blog\ntarget: ecs\n", "django-cdk.yaml:1:7: name: '1blog' is not a valid stack name" },
        { "unknown preset", "name: blog\ntarget: ecs\npreset: cheap\n", "django-cdk.yaml:3:9: preset: 'cheap' is not allowed. Allowed: starter, production." },
        { "account with 11 digits", "name: blog\ntarget: ecs\naccount: \"12345678901\"\n", "django-cdk.yaml:3:10: account: '12345678901' is not an AWS account ID" },
        { "region with a typo", "name: blog\ntarget: ecs\nregion: us-east1\n", "django-cdk.yaml:3:9: region: 'us-east1' is not an AWS region name" },
        { "another target's section", "name: blog\ntarget: ecs\neks:\n  image_directory: .\n", "django-cdk.yaml:3:1: eks: this section configures target 'eks', but target is 'ecs'" },
        { "misspelled prop", "name: blog\ntarget: ecs\necs:\n  image_directory: {backend}\n  web_cpus: 512\n", "django-cdk.yaml:5:3: ecs.web_cpus: unknown key in ecs. Did you mean 'web_cpu'?" },
        { "text for a number", "name: blog\ntarget: ecs\necs:\n  image_directory: {backend}\n  web_cpu: lots\n", "django-cdk.yaml:5:12: ecs.web_cpu: expected a whole number, got 'lots'." },
        { "a word for a boolean", "name: blog\ntarget: ecs\necs:\n  image_directory: {backend}\n  use_celery_beat: maybe\n", "django-cdk.yaml:5:20: ecs.use_celery_beat: expected true or false, got 'maybe'." },
        { "a value for a list", "name: blog\ntarget: ecs\necs:\n  image_directory: {backend}\n  extra_allowed_hosts: a.example.com\n", "django-cdk.yaml:5:24: ecs.extra_allowed_hosts: expected a list of values, got 'a.example.com'." },
        { "an unknown choice", "name: blog\ntarget: ecs\necs:\n  image_directory: {backend}\n  nat_strategy: gateway\n", "django-cdk.yaml:5:17: ecs.nat_strategy: 'gateway' is not allowed. Allowed: single_gateway, gateway_per_az, instance." },
        { "a duration without a unit", "name: blog\ntarget: ecs\necs:\n  image_directory: {backend}\n  release_timeout: 20\n", "django-cdk.yaml:5:20: ecs.release_timeout: expected a duration with a unit: 90s, 20m, 1h or 7d, got '20'." },
        { "a misspelled worker key", "name: blog\ntarget: ecs\necs:\n  image_directory: {backend}\n  celery_workers:\n    - name: bulk\n      queue: [bulk]\n", "django-cdk.yaml:7:7: ecs.celery_workers[0].queue: unknown key in ecs.celery_workers[0]. Did you mean 'queues'?" },
        { "a release command with an open quote", "name: blog\ntarget: ecs\necs:\n  image_directory: {backend}\n  release_commands:\n    - python manage.py shell -c 'print(1)\n", "django-cdk.yaml:6:7: ecs.release_commands[0]: has an unclosed quote" },
        { "a secret given twice", "name: blog\ntarget: ecs\necs:\n  image_directory: {backend}\n  secrets:\n    STRIPE_KEY: {secret: stripe, parameter: /stripe}\n", "django-cdk.yaml:6:17: ecs.secrets.STRIPE_KEY: give exactly one of secret:" },
        { "a required prop missing", "name: blog\ntarget: ecs\necs:\n  settings_module: blog.settings\n", "django-cdk.yaml:3:1: ecs.image_directory: required but missing (DjangoEcsProps.ImageDirectory)." },
        { "a prop only C# can set", "name: site\ntarget: static\nstatic:\n  load_balancer: my-alb\n", "django-cdk.yaml:4:3: static.load_balancer: StaticSiteProps.LoadBalancer takes a IApplicationLoadBalancer" },
        { "an alarm topic that is not an ARN", "name: blog\ntarget: ecs\necs:\n  image_directory: {backend}\n  monitoring:\n    alarm_topic: blog-alerts\n", "django-cdk.yaml:6:18: ecs.monitoring.alarm_topic: 'blog-alerts' is not an SNS topic ARN. Give the ARN of an existing topic, arn:aws:sns:<region>:<account>:<topic name> (a 12-digit account; a name of letters, digits, - and _), e.g. arn:aws:sns:us-east-1:123456789012:alerts." },
        { "an alarm threshold the construct rejects", "name: blog\ntarget: ecs\naccount: \"123456789012\"\nregion: us-east-1\necs:\n  image_directory: {backend}\n  monitoring:\n    alarms:\n      target_5xx_percent:\n        threshold: -1\n", "django-cdk.yaml:10:20: ecs.monitoring.alarms.target_5xx_percent.threshold: Monitoring.Alarms.Target5xxPercent.Threshold is '-1', which is out of range. Allowed: 0.01 to 100 (percent)." },
        { "an alarm email the construct rejects", "name: blog\ntarget: ecs\naccount: \"123456789012\"\nregion: us-east-1\necs:\n  image_directory: {backend}\n  monitoring:\n    alarm_emails: [ops@example.com, ops.example.com]\n", "django-cdk.yaml:8:19: ecs.monitoring.alarm_emails: Monitoring.AlarmEmails is 'ops.example.com', which is not allowed. Give email addresses such as 'ops@example.com', one per entry." },
        { "an alarm threshold under vue's django section", "name: app\ntarget: vue\naccount: \"123456789012\"\nregion: us-east-1\nvue:\n  domain_name: app.example.com\n  zone_name: example.com\n  django:\n    image_directory: {backend}\n    monitoring:\n      alarms:\n        p99_response_time_seconds: {threshold: 0}\n", "django-cdk.yaml:12:48: vue.django.monitoring.alarms.p99_response_time_seconds.threshold: Monitoring.Alarms.P99ResponseTimeSeconds.Threshold is '0', which is out of range. Allowed: 0.01 to 600 (seconds)." },
        { "a worker value the construct rejects", "name: blog\ntarget: ecs\naccount: \"123456789012\"\nregion: us-east-1\necs:\n  image_directory: {backend}\n  celery_workers:\n    - name: bulk\n      cpu: 300\n", "django-cdk.yaml:9:12: ecs.celery_workers[0].cpu: CeleryWorkers[0].Cpu is '300', which is not allowed." },
        { "a value the construct rejects", "name: blog\ntarget: ecs\naccount: \"123456789012\"\nregion: us-east-1\necs:\n  image_directory: {backend}\n  web_cpu: 300\n", "django-cdk.yaml:7:12: ecs.web_cpu: WebCpu is '300', which is not allowed." },
    };

    [Theory]
    [MemberData(nameof(Configs))]
    public void A_malformed_config_gives_one_message_at_its_line_and_exit_code_1(string name, string yaml, string expected)
    {
        // Given
        using var project = new ConfigProject(yaml);

        // When
        var result = project.Run("synth");

        // Then
        Assert.True(result.ExitCode == 1, $"{name}: exit code {result.ExitCode}\n{result.Output}");
        Assert.Contains("error: " + expected, Flatten(result.Output));
        Assert.DoesNotContain("   at ", result.Output);
    }

    [Fact]
    public void A_missing_config_file_says_how_to_get_one()
    {
        using var dir = new TempDirectory();

        var result = new CliRun(dir.Path).Run("synth", "--config", "nope.yaml");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nope.yaml: no such file. Run django-cdk init", Flatten(result.Output));
    }

    [Fact]
    public void A_value_the_preset_set_is_blamed_on_the_preset_line()
    {
        // Given: 4 vCPU from the file, and the production preset's 2048 MiB, which Fargate does not pair with 4 vCPU.
        using var project = new ConfigProject("name: blog\ntarget: ecs\npreset: production\nregion: us-east-1\necs:\n  image_directory: {backend}\n  web_cpu: 4096\n");

        // When
        var result = project.Run("synth");

        // Then
        var output = Flatten(result.Output);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: django-cdk.yaml:3:9: ecs.web_memory_mib: WebMemoryMiB is '2048', which is not allowed.", output);
        Assert.Contains("(The value comes from preset 'production'; set ecs.web_memory_mib in the file to override it.)", output);
    }

    [Fact]
    public void A_construct_that_needs_an_account_says_where_the_config_gives_one()
    {
        // Given: the starter preset's NAT instance looks its image up in the account, and neither the config nor the environment names one.
        using var project = new ConfigProject("name: blog\ntarget: ecs\nregion: us-east-1\necs:\n  image_directory: {backend}\n");

        // When
        var result = project.Run("synth");

        // Then
        var output = Flatten(result.Output);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ecs.nat_instance_image: NatInstanceImage is required", output);
        Assert.Contains("With django-cdk: set account: and region: at the top of the config, or configure AWS credentials and the AWS CLI (django-cdk then asks them, as the CDK CLI does).", output);
    }

    // Spectre wraps long lines at the console width; messages are compared unwrapped.
    internal static string Flatten(string output) => string.Join(" ", output.Split('\n').Select(l => l.TrimEnd())).Replace("  ", " ");
}
