using System.Diagnostics;

namespace DjangoCdk;

/// <summary>
/// Gives the process that synthesizes a CDK app a temp folder of its own, removed when the process ends, so that what
/// the CDK's .NET runtime (jsii) unpacks there is not left behind.
/// </summary>
/// <remarks>
/// <para>
/// At its first CDK call, every process that uses the CDK from .NET unpacks the CDK's JavaScript packages (about
/// 64 MB with Amazon.CDK.Lib 2.160.0) and its runtime into a new folder below the system temp folder, and never
/// deletes them (aws/jsii#700). A machine that synthesizes often, such as a CI runner, a developer's laptop or a test
/// suite, fills its disk: one of ours did, and its CI run failed with "No space left on device".
/// </para>
/// <para>
/// <see cref="Claim()"/> points <c>TMPDIR</c> (and <c>TMP</c> and <c>TEMP</c>, which .NET reads on Windows) at a
/// folder named <c>djangocdk-tmp-&lt;process ID&gt;</c> below the temp folder in use, for this process and the
/// processes it starts (the jsii runtime's Node.js process among them). <see cref="Dispose"/>, or the process's exit,
/// deletes it and restores the variables. A process that is killed cannot clean up: the next claim removes every
/// such folder whose process has ended, ten minutes after its last change.
/// </para>
/// <para>
/// Call it first in <c>Main</c>, before anything touches a CDK type: <c>using var temp = ProcessTempFolder.Claim();</c>.
/// The <c>django-cdk</c> command, the samples and the test projects do. Anything that must outlive the process
/// (a cloud assembly, a log) belongs elsewhere: <c>cdk.out</c> is not below the temp folder.
/// </para>
/// </remarks>
public sealed class ProcessTempFolder : IDisposable
{
    /// <summary>The start of the folder's name; the process ID follows.</summary>
    public const string Prefix = "djangocdk-tmp-";

    /// <summary>How long a folder of an ended process is left alone before a claim removes it.</summary>
    internal static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    private static readonly string[] Variables = ["TMPDIR", "TMP", "TEMP"];
    private readonly Dictionary<string, string?> _previous;
    private bool _disposed;

    private ProcessTempFolder(string path, Dictionary<string, string?> previous)
    {
        Path = path;
        _previous = previous;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The folder this process now uses as its temp folder.</summary>
    public string Path { get; }

    /// <summary>
    /// Creates this process's temp folder below the current one, points the temp variables at it and removes the
    /// folders of processes that have ended without cleaning up.
    /// </summary>
    /// <exception cref="InvalidOperationException">The process already uses a claimed folder.</exception>
    public static ProcessTempFolder Claim() => Claim(System.IO.Path.GetTempPath(), Environment.ProcessId);

    /// <summary>Claims the folder of process <paramref name="processId"/> below <paramref name="parent"/>.</summary>
    internal static ProcessTempFolder Claim(string parent, int processId)
    {
        var name = Prefix + processId;
        if (System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(parent)) == name)
        {
            throw new InvalidOperationException($"This process already uses its own temp folder ({parent}); claim it once, first in Main.");
        }

        RemoveAbandoned(parent);
        var path = System.IO.Path.Combine(parent, name);
        Directory.CreateDirectory(path);
        var previous = Variables.ToDictionary(variable => variable, Environment.GetEnvironmentVariable);
        foreach (var variable in Variables) Environment.SetEnvironmentVariable(variable, path);
        return new ProcessTempFolder(path, previous);
    }

    /// <summary>Restores the temp variables and deletes the folder with everything in it.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        foreach (var (variable, value) in _previous) Environment.SetEnvironmentVariable(variable, value);
        TryDelete(Path);
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    /// <summary>
    /// The folders of ended processes: a killed process (a test host, a cancelled synth) leaves its own. Only those
    /// untouched for <see cref="AbandonedAfter"/>: a process in another PID namespace (a container sharing the temp
    /// folder) looks ended from here, and its folder must not go while it synthesizes.
    /// </summary>
    private static void RemoveAbandoned(string parent)
    {
        IEnumerable<string> folders;
        try { folders = Directory.EnumerateDirectories(parent, Prefix + "*").ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }

        foreach (var folder in folders)
        {
            if (int.TryParse(System.IO.Path.GetFileName(folder)[Prefix.Length..], out var pid) && !IsRunning(pid)
                && DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) > AbandonedAfter)
            {
                TryDelete(folder);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (DirectoryNotFoundException) { }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
