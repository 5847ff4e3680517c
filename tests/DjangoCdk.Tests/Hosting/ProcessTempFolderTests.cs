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

        Assert.StartsWith($"{ProcessTempFolder.Prefix}{System.Environment.ProcessId}-", folder);
    }

    [Fact]
    public void A_second_claim_in_the_same_process_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(ProcessTempFolder.Claim);

        Assert.Contains("already uses its own temp folder", error.Message);
    }

    [Fact]
    public void A_claim_points_the_temp_variables_and_the_temp_path_at_a_new_folder_of_the_process()
    {
        using var claimed = ProcessTempFolder.Claim(_parent, OtherProcess);

        Assert.Equal(_parent, Path.GetDirectoryName(claimed.Path));
        Assert.StartsWith($"{ProcessTempFolder.Prefix}{OtherProcess}-", Path.GetFileName(claimed.Path));
        Assert.All(Variables, variable => Assert.Equal(claimed.Path, System.Environment.GetEnvironmentVariable(variable)));
        Assert.Equal(claimed.Path, Path.TrimEndingDirectorySeparator(Path.GetTempPath()));
    }

    [Fact]
    public void Two_claims_for_the_same_process_ID_get_different_folders()
    {
        // Two containers sharing /tmp can both run their synth as, say, process 7
        using var first = ProcessTempFolder.Claim(_parent, OtherProcess);
        using var second = ProcessTempFolder.Claim(_parent, OtherProcess);

        Assert.NotEqual(first.Path, second.Path);
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
    public void A_claim_removes_the_folder_a_killed_process_left()
    {
        // Given the folder of a process that has ended: nobody holds its lock
        var left = FolderOf(EndedProcessId(), withLock: true);

        using var claimed = ProcessTempFolder.Claim(_parent, OtherProcess);

        Assert.False(Directory.Exists(left));
    }

    [Fact]
    public void A_claim_keeps_a_folder_whose_lock_is_held()
    {
        // Given a live process in another PID namespace (a container sharing /tmp): its ID means nothing here, its lock does
        var other = FolderOf(EndedProcessId(), withLock: true);
        using var held = new FileStream(Path.Combine(other, ".lock"), FileMode.Open, FileAccess.ReadWrite, FileShare.None);

        using var claimed = ProcessTempFolder.Claim(_parent, OtherProcess);

        Assert.True(Directory.Exists(other));
    }

    [Fact]
    public void A_claim_keeps_the_folder_of_a_running_process_even_when_its_lock_is_free()
    {
        // Where file locks are turned off (DOTNET_SYSTEM_IO_DISABLEFILELOCKING), the process ID still protects it
        var running = FolderOf(System.Environment.ProcessId, withLock: true);

        using var claimed = ProcessTempFolder.Claim(_parent, OtherProcess);

        Assert.True(Directory.Exists(running));
    }

    [Fact]
    public void A_claim_keeps_a_recent_folder_without_a_lock_file()
    {
        // A claim creates its folder, then its lock: another claim may look in between
        var starting = FolderOf(EndedProcessId(), withLock: false, age: TimeSpan.FromMinutes(1));

        using var claimed = ProcessTempFolder.Claim(_parent, OtherProcess);

        Assert.True(Directory.Exists(starting));
    }

    [Fact]
    public void A_claim_removes_a_folder_without_a_lock_file_after_ten_minutes()
    {
        var stale = FolderOf(EndedProcessId(), withLock: false, age: TimeSpan.FromMinutes(11));

        using var claimed = ProcessTempFolder.Claim(_parent, OtherProcess);

        Assert.False(Directory.Exists(stale));
    }

    [Theory]
    [InlineData("djangocdk-release-handler-0123abcd")]
    [InlineData("npm-1234")]
    [InlineData("cdk-apps")]
    public void A_claim_leaves_folders_it_did_not_name_alone(string name)
    {
        var other = Directory.CreateDirectory(Path.Combine(_parent, name)).FullName;
        Directory.SetLastWriteTimeUtc(other, DateTime.UtcNow.AddDays(-1));

        using var claimed = ProcessTempFolder.Claim(_parent, OtherProcess);

        Assert.True(Directory.Exists(other));
    }

    /// <summary>A folder as a claim names it, with its lock file (free) or without, last changed <paramref name="age"/> ago.</summary>
    private string FolderOf(int processId, bool withLock, TimeSpan? age = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_parent, $"{ProcessTempFolder.Prefix}{processId}-abcdefgh")).FullName;
        if (withLock) File.WriteAllText(Path.Combine(folder, ".lock"), "");
        Directory.SetLastWriteTimeUtc(folder, DateTime.UtcNow - (age ?? TimeSpan.Zero));
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
