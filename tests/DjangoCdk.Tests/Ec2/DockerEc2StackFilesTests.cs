using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Xunit;

namespace DjangoCdk.Tests.Ec2;

/// <summary>The files DockerEc2 ships to the instance: the boot script, the compose file and the Caddyfile.</summary>
public sealed class DockerEc2StackFilesTests
{
    private static readonly string Compose = ComposeStack.Text("compose.yaml");
    private static readonly string Boot = ComposeStack.Text("boot.sh");
    private static readonly string Caddyfile = ComposeStack.Text("Caddyfile");

    private static JsonObject Services => ComposeSchema.ToJson(Compose)["services"]!.AsObject();

    [Fact]
    public void Boot_script_passes_shellcheck()
    {
        // Given the boot script as the instance receives it (the folder that becomes the S3 asset)
        var script = Path.Combine(ComposeStack.Folder(), "boot.sh");

        // When shellcheck reads it (Debian package shellcheck: apt-get install -y shellcheck)
        var start = new ProcessStartInfo("shellcheck", ["--shell=bash", "--severity=style", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e) { throw new InvalidOperationException("shellcheck is not installed: apt-get update && apt-get install -y shellcheck", e); }
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();

        // Then it finds nothing
        Assert.True(process.ExitCode == 0, output);
    }

    [Fact]
    public void Compose_file_validates_against_the_compose_specification()
    {
        Assert.Empty(ComposeSchema.Errors(Compose));
    }

    [Fact]
    public void The_schema_check_rejects_an_invalid_compose_file()
    {
        // A misspelt key and a port of the wrong type: the validator must see both, or the test above proves nothing.
        Assert.NotEmpty(ComposeSchema.Errors("services:\n  web:\n    imagee: nginx\n"));
        Assert.NotEmpty(ComposeSchema.Errors("services:\n  web:\n    image: nginx\n    healthcheck:\n      retries: [1]\n"));
    }

    [Fact]
    public void Release_step_migrates_and_collects_static_before_web_worker_and_beat_start()
    {
        var release = Services["release"]!;
        var command = string.Join(" ", release["command"]!.AsArray().Select(c => (string)c!));
        Assert.Contains("python manage.py migrate --no-input && python manage.py collectstatic --no-input", command, StringComparison.Ordinal);
        Assert.Equal("no", (string?)release["restart"]);
        foreach (var service in new[] { "web", "worker", "beat" })
            Assert.Equal("service_completed_successfully", (string?)Services[service]!["depends_on"]!["release"]!["condition"]);
        Assert.Equal("service_healthy", (string?)Services["release"]!["depends_on"]!["postgres"]!["condition"]);
        Assert.Equal("service_healthy", (string?)Services["caddy"]!["depends_on"]!["web"]!["condition"]);
    }

    [Fact]
    public void Every_django_process_runs_the_same_image_with_the_contract_environment()
    {
        foreach (var service in new[] { "release", "web", "worker", "beat" })
        {
            Assert.StartsWith("${DJANGO_IMAGE", (string?)Services[service]!["image"], StringComparison.Ordinal);
            Assert.Equal("django.env", (string?)Services[service]!["env_file"]![0]);
        }
    }

    [Fact]
    public void Only_caddy_publishes_ports_and_only_80_and_443()
    {
        var published = Services.Where(s => s.Value!["ports"] is not null).ToList();
        var caddy = Assert.Single(published);
        Assert.Equal("caddy", caddy.Key);
        Assert.Equal(["80:80", "443:443"], caddy.Value!["ports"]!.AsArray().Select(p => (string)p!).ToArray());
    }

    [Fact]
    public void Data_of_postgres_redis_and_caddy_lives_on_the_data_volume()
    {
        foreach (var service in new[] { "postgres", "redis", "caddy" })
            Assert.Contains(Services[service]!["volumes"]!.AsArray(), v => ((string)v!).StartsWith("${DATA_DIR", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_file_reads_only_variables_the_boot_script_writes()
    {
        var written = Regex.Matches(Boot, @"printf '(?<name>[A-Z_]+)=%s\\n'").Select(m => m.Groups["name"].Value).ToHashSet();
        var read = Regex.Matches(Compose, @"(?<!\$)\$\{(?<name>[A-Z_]+)").Select(m => m.Groups["name"].Value).ToHashSet();
        Assert.Empty(read.Except(written));
    }

    [Fact]
    public void Boot_script_reads_only_variables_the_construct_writes()
    {
        var stack = Hosts.NewStack();
        var host = new DockerEc2(stack, Hosts.HostId, new DockerEc2Props { ImageDirectory = DjangoCdk.Tests.TestSupport.TestStacks.Backend });
        var given = Hosts.EnvFile(DjangoCdk.Tests.TestSupport.TestStacks.Template(stack), "/etc/djangocdk/stack.env").Keys.ToHashSet();
        var required = Regex.Matches(Boot, @"\$\{(?<name>[A-Z_]+):\?\}").Select(m => m.Groups["name"].Value);
        Assert.Empty(required.Except(given));
        Assert.NotNull(host.Instance);
    }

    [Fact]
    public void Caddy_serves_the_site_address_and_sends_django_paths_to_gunicorn()
    {
        Assert.StartsWith("{$SITE_ADDRESS} {", Caddyfile.Split('\n').First(l => !l.StartsWith('#')), StringComparison.Ordinal);
        Assert.Contains("reverse_proxy web:8000", Caddyfile, StringComparison.Ordinal);
        Assert.Contains("reverse_proxy {$FRONTEND_UPSTREAM}", Caddyfile, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_images_are_pinned_and_come_from_ecr_public()
    {
        foreach (var image in new[] { Defaults.Ec2PostgresImage, Defaults.Ec2RedisImage, Defaults.Ec2CaddyImage, Defaults.Ec2ComposeCliImage })
            Assert.Matches(@"^public\.ecr\.aws/docker/library/[a-z]+:[0-9][0-9a-z.-]*$", image);
    }
}
