using System.Diagnostics;
using Xunit;

namespace DjangoCdk.Tests.Hosting;

public sealed class ProcessTempFolderTests : IDisposable
{
    private const int OtherProcess = 424242;
    private static readonly string[] Variables = ["TMPDIR", "TMP", "TEMP"];

    // Each test claims below a parent of its own, inside the test host's claimed temp folder.
    private readonly string _parent = Directory.CreateTempSubdirectory("claims-").FullName;

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    [Fact]
    public void The_test_host_synthesizes_in_a_temp_folder_of_its_own()
    {
        var folder = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetTempPath()));

        Assert.Equal(ProcessTempFolder.Prefix + System.Environment.ProcessId, folder);
    }

    [Fact]
    public void A_second_claim_in_the_same_process_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(ProcessTempFolder.Claim);

        Assert.Contains("already uses its own temp folder", error.Message);
    }

    [Fact]
    public void A_claim_points_the_temp_variables_and_the_temp_path_at_its_folder()
    {
        using var claimed = ProcessTempFolder.Claim(_parent, OtherProcess);

        Assert.Equal(Path.Combine(_parent, ProcessTempFolder.Prefix + OtherProcess), claimed.Path);
        Assert.All(Variables, variable => Assert.Equal(claimed.Path, System.Environment.GetEnvironmentVariable(variable)));
        Assert.Equal(claimed.Path, Path.TrimEndingDirectorySeparator(Path.GetTempPath()));
    }

    [Fact]
    public void Disposing_deletes_the_folder_with_what_was_unpacked_into_it()
    {
        var claimed = ProcessTempFolder.Claim(_parent, OtherProcess);
        var unpacked = Directory.CreateDirectory(Path.Combine(claimed.Path, "jsii", "bin")).FullName;
        File.WriteAllText(Path.Combine(unpacked, "jsii-runtime.js"), "// unpacked");

        claimed.Dispose();

        Assert.False(Directory.Exists(claimed.Path));
    }

    [Fact]
    public void Disposing_restores_the_temp_variables()
    {
        var before = Variables.Select(System.Environment.GetEnvironmentVariable).ToList();

        ProcessTempFolder.Claim(_parent, OtherProcess).Dispose();

        Assert.Equal(before, Variables.Select(System.Environment.GetEnvironmentVariable).ToList());
    }

    [Fact]
    public void A_claim_removes_the_folder_an_ended_process_left_untouched_for_ten_minutes()
    {
        var abandoned = FolderOf(EndedProcessId(), age: TimeSpan.FromMinutes(11));

        using var claimed = ProcessTempFolder.Claim(_parent, OtherProcess);

        Assert.False(Directory.Exists(abandoned));
    }

    [Fact]
    public void A_claim_keeps_the_folder_an_ended_process_changed_in_the_last_ten_minutes()
    {
        // A process in another PID namespace (a container sharing /tmp) looks ended from here.
        var recent = FolderOf(EndedProcessId(), age: TimeSpan.FromMinutes(2));

        using var claimed = ProcessTempFolder.Claim(_parent, OtherProcess);

        Assert.True(Directory.Exists(recent));
    }

    [Fact]
    public void A_claim_keeps_the_folder_of_a_running_process()
    {
        var running = FolderOf(System.Environment.ProcessId, age: TimeSpan.FromHours(2));

        using var claimed = ProcessTempFolder.Claim(_parent, OtherProcess);

        Assert.True(Directory.Exists(running));
    }

    [Theory]
    [InlineData("djangocdk-tmp-cache")]
    [InlineData("djangocdk-release-handler-0123abcd")]
    [InlineData("npm-1234")]
    public void A_claim_leaves_folders_it_did_not_name_alone(string name)
    {
        var other = Directory.CreateDirectory(Path.Combine(_parent, name)).FullName;
        Directory.SetLastWriteTimeUtc(other, DateTime.UtcNow.AddDays(-1));

        using var claimed = ProcessTempFolder.Claim(_parent, OtherProcess);

        Assert.True(Directory.Exists(other));
    }

    private string FolderOf(int processId, TimeSpan age)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_parent, ProcessTempFolder.Prefix + processId)).FullName;
        Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow - age);
        return folder;
    }

    /// <summary>The ID of a process that has just ended (IDs are reused only after the kernel wraps around).</summary>
    private static int EndedProcessId()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
