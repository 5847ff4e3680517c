using Xunit;

namespace DjangoCdk.Cli.Tests.Config;

public sealed class ConfigNamesTests
{
    [Theory]
    [InlineData("WebCpu", "web_cpu")]
    [InlineData("WebMemoryMiB", "web_memory_mib")]
    [InlineData("DatabaseAllocatedStorageGiB", "database_allocated_storage_gib")]
    [InlineData("UseEcsExec", "use_ecs_exec")]
    [InlineData("SshCidr", "ssh_cidr")]
    [InlineData("PRICE_CLASS_100", "price_class_100")]
    [InlineData("GatewayPerAz", "gateway_per_az")]
    [InlineData("Target5xxPercent", "target_5xx_percent")]
    [InlineData("LoadBalancer5xxPercent", "load_balancer_5xx_percent")]
    [InlineData("CloudFront5xxPercent", "cloudfront_5xx_percent")]
    [InlineData("P95ResponseTimeSeconds", "p95_response_time_seconds")]
    [InlineData("Ec2", "ec2")]
    [InlineData("Ipv6Enabled", "ipv6_enabled")]
    public void A_prop_name_becomes_its_snake_case_key(string pascal, string key) =>
        Assert.Equal(key, ConfigNames.ToSnakeCase(pascal));

    [Theory]
    [InlineData("python manage.py migrate --no-input", new[] { "python", "manage.py", "migrate", "--no-input" })]
    [InlineData("python manage.py shell -c 'print(1 + 1)'", new[] { "python", "manage.py", "shell", "-c", "print(1 + 1)" })]
    [InlineData("echo \"a \\\"b\\\"\"", new[] { "echo", "a \"b\"" })]
    [InlineData("  spaced   out  ", new[] { "spaced", "out" })]
    public void A_command_line_splits_like_a_shell_would(string line, string[] words) =>
        Assert.Equal(words, CommandLine.Split(line));

    [Theory]
    [InlineData("migrate")]
    [InlineData("print('hi')")]
    [InlineData("two words")]
    [InlineData("")]
    public void A_quoted_word_splits_back_to_itself(string word) =>
        Assert.Equal(new[] { word }, CommandLine.Split(CommandLine.Quote(word)));

    [Fact]
    public void A_typo_close_to_a_known_name_gets_a_suggestion() =>
        Assert.Equal("celery_workers", ConfigNames.Closest("celery_worker", ["celery_app", "celery_workers", "use_celery_beat"]));

    [Fact]
    public void A_name_far_from_every_known_one_gets_no_suggestion() =>
        Assert.Null(ConfigNames.Closest("frobnicate", ["web_cpu", "web_memory_mib"]));
}
