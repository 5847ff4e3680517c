using System.Diagnostics;
using Xunit;

namespace DjangoCdk.Tests.Ec2;

/// <summary>
/// Functions of the boot script run by bash with fakes of the programs they call on the PATH (docker, dnf, systemctl) or in
/// place of the CloudWatch agent's control script; each fake records its calls in a file.
/// </summary>
public sealed class DockerEc2BootScriptTests : IDisposable
{
    private const string Repository = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/cdk-hnb659fds-container-assets-123456789012-eu-west-1";
    private readonly string _fakes = Directory.CreateTempSubdirectory("boot-script-").FullName;

    public void Dispose() => Directory.Delete(_fakes, recursive: true);

    [Fact]
    public void After_a_release_is_up_the_earlier_tags_of_the_app_repository_are_removed()
    {
        var removed = RemovedImages(django: $"{Repository}:new", frontend: "",
            images: [$"{Repository}:new", $"{Repository}:old1", $"{Repository}:old2", "public.ecr.aws/docker/library/postgres:17.6"]);

        Assert.Equal([$"{Repository}:old1", $"{Repository}:old2"], removed);
    }

    [Fact]
    public void The_frontend_image_of_the_current_release_is_kept()
    {
        var removed = RemovedImages(django: $"{Repository}:new", frontend: $"{Repository}:spa",
            images: [$"{Repository}:new", $"{Repository}:spa", $"{Repository}:old"]);

        Assert.Equal([$"{Repository}:old"], removed);
    }

    [Fact]
    public void An_image_docker_refuses_to_remove_does_not_stop_the_others()
    {
        // An image a container still uses: docker image rm fails for it.
        var removed = RemovedImages(django: $"{Repository}:new", frontend: "",
            images: [$"{Repository}:new", $"{Repository}:in-use", $"{Repository}:old"]);

        Assert.Equal([$"{Repository}:old"], removed);
    }

    [Fact]
    public void With_monitoring_on_a_new_host_installs_the_agent_and_starts_it_now_and_at_every_boot()
    {
        var calls = HostMetrics(monitoring: "on", agentInstalled: false);

        Assert.Equal(["dnf install -y amazon-cloudwatch-agent", "ctl -m ec2 -a fetch-config -s -c file:/etc/djangocdk/cloudwatch-agent.json",
            "systemctl enable amazon-cloudwatch-agent"], calls);
    }

    [Fact]
    public void With_monitoring_on_an_installed_agent_is_only_started_again()
    {
        var calls = HostMetrics(monitoring: "on", agentInstalled: true);

        Assert.Equal(["ctl -m ec2 -a fetch-config -s -c file:/etc/djangocdk/cloudwatch-agent.json", "systemctl enable amazon-cloudwatch-agent"], calls);
    }

    [Fact]
    public void With_monitoring_off_an_installed_agent_is_stopped_and_not_started_at_boot()
    {
        var calls = HostMetrics(monitoring: "off", agentInstalled: true);

        Assert.Equal(["ctl -m ec2 -a stop", "systemctl disable amazon-cloudwatch-agent"], calls);
    }

    [Fact]
    public void With_monitoring_off_nothing_is_installed()
    {
        var calls = HostMetrics(monitoring: "off", agentInstalled: false);

        Assert.Empty(calls);
    }

    /// <summary>Runs remove_previous_images and returns the images the fake docker removed.</summary>
    private List<string> RemovedImages(string django, string frontend, string[] images)
    {
        File.WriteAllLines(Path.Combine(_fakes, "images"), images);
        Fake("docker", """
            # docker image ls --format F REPOSITORY | docker image rm REF | docker image prune --force
            case "$1 $2" in
              "image ls") grep "^$5:" "$FAKES/images" || true ;;
              "image rm") case "$3" in *:in-use) exit 1 ;; esac; echo "$3" >>"$FAKES/calls" ;;
              "image prune") ;;
              *) echo "unexpected: docker $*" >&2; exit 2 ;;
            esac
            """);

        return RunBoot("remove_previous_images", new() { ["DJANGO_IMAGE"] = django, ["FRONTEND_IMAGE"] = frontend });
    }

    /// <summary>Runs host_metrics with fakes of dnf and the agent's control script, and returns their calls.</summary>
    private List<string> HostMetrics(string monitoring, bool agentInstalled)
    {
        const string agent = """echo "ctl $*" >>"$FAKES/calls" """;
        Fake("dnf", $$"""
            echo "dnf $*" >>"$FAKES/calls"
            printf '#!/bin/bash\n%s\n' '{{agent}}' >"$FAKES/ctl" && chmod +x "$FAKES/ctl"
            """);
        if (agentInstalled) Fake("ctl", agent);
        Fake("systemctl", """echo "systemctl $*" >>"$FAKES/calls" """);

        return RunBoot("agent_ctl=\"$FAKES/ctl\" && host_metrics", new() { ["HOST_METRICS"] = monitoring });
    }

    private void Fake(string name, string body)
    {
        var file = Path.Combine(_fakes, name);
        File.WriteAllText(file, "#!/bin/bash\nset -euo pipefail\n" + body.ReplaceLineEndings("\n") + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>Sources the boot script (which then only defines its functions), runs <paramref name="commands"/>, returns the recorded calls.</summary>
    private List<string> RunBoot(string commands, Dictionary<string, string> environment)
    {
        var script = Path.Combine(ComposeStack.Folder(), "boot.sh");
        var start = new ProcessStartInfo("bash", ["-c", $"source \"$1\" && {commands}", "boot-script-test", script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PATH"] = _fakes + ":" + System.Environment.GetEnvironmentVariable("PATH");
        start.Environment["FAKES"] = _fakes;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, output);

        var calls = Path.Combine(_fakes, "calls");
        return File.Exists(calls) ? File.ReadAllLines(calls).ToList() : [];
    }
}
