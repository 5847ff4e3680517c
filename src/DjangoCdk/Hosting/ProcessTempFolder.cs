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
/// <see cref="Claim()"/> points <c>TMPDIR</c> (and <c>TMP</c> and <c>TEMP</c>, which .NET reads on Windows) at a new
/// folder named <c>djangocdk-tmp-&lt;process ID&gt;-&lt;random&gt;</c> below the temp folder in use, for this process
/// and the processes it starts (the jsii runtime's Node.js process among them). <see cref="Dispose"/>, or the
/// process's exit, deletes it and restores the variables.
/// </para>
/// <para>
/// A process that is killed (a cancelled synth; a test host, which its runner usually ends that way) cannot clean up.
/// While it lives it holds an exclusive lock on the folder's <c>.lock</c> file, which the operating system releases
/// when the process ends, however it ends: the next claim removes every such folder whose lock it can take and whose
/// process is gone. The lock also protects a folder whose process runs in another PID namespace (a container sharing
/// the temp folder), where its process ID means nothing.
/// </para>
/// <para>
/// Call it first in <c>Main</c>, before anything touches a CDK type: <c>using var temp = ProcessTempFolder.Claim();</c>.
/// The <c>django-cdk</c> command, the samples, the benchmark and the test projects do. Anything that must outlive the
/// process (a cloud assembly, a log) belongs elsewhere: <c>cdk.out</c> is not below the temp folder.
/// </para>
/// </remarks>
public sealed class ProcessTempFolder : IDisposable
{
    /// <summary>The start of the folder's name; the process ID and a random part follow.</summary>
    public const string Prefix = "djangocdk-tmp-";

    /// <summary>The file in the folder that its process keeps locked while it lives.</summary>
    internal const string LockFile = ".lock";

    /// <summary>
    /// How old a folder without a lock file must be before a claim removes it: a claim creates the folder and then
    /// its lock, and another claim may look in between.
    /// </summary>
    internal static readonly TimeSpan UnlockedAfter = TimeSpan.FromMinutes(10);

    private static readonly string[] Variables = ["TMPDIR", "TMP", "TEMP"];
    private static readonly object Gate = new();
    private static ProcessTempFolder? current;

    private readonly Dictionary<string, string?> _previous;
    private readonly FileStream _lock;
    private bool _disposed;

    private ProcessTempFolder(string path, FileStream held, Dictionary<string, string?> previous)
    {
        Path = path;
        _lock = held;
        _previous = previous;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The folder this process now uses as its temp folder.</summary>
    public string Path { get; }

    /// <summary>
    /// Creates this process's temp folder below the current one, points the temp variables at it and removes the
    /// folders that processes which have ended left behind.
    /// </summary>
    /// <exception cref="InvalidOperationException">The process already uses a claimed folder.</exception>
    public static ProcessTempFolder Claim()
    {
        lock (Gate)
        {
            if (current is not null)
                throw new InvalidOperationException($"This process already uses its own temp folder ({current.Path}); claim it once, first in Main.");
            current = Claim(System.IO.Path.GetTempPath(), Environment.ProcessId);
            return current;
        }
    }

    /// <summary>Claims a folder for process <paramref name="processId"/> below <paramref name="parent"/>.</summary>
    internal static ProcessTempFolder Claim(string parent, int processId)
    {
        RemoveAbandoned(parent);
        var path = System.IO.Path.Combine(parent, $"{Prefix}{processId}-{System.IO.Path.GetRandomFileName().Replace(".", "", StringComparison.Ordinal)}");
        Directory.CreateDirectory(path);
        var held = new FileStream(System.IO.Path.Combine(path, LockFile), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        var previous = Variables.ToDictionary(variable => variable, Environment.GetEnvironmentVariable);
        foreach (var variable in Variables) Environment.SetEnvironmentVariable(variable, path);
        return new ProcessTempFolder(path, held, previous);
    }

    /// <summary>Restores the temp variables and deletes the folder with everything in it.</summary>
    public void Dispose()
    {
        lock (Gate)
        {
            if (_disposed) return;
            _disposed = true;
            if (ReferenceEquals(current, this)) current = null;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        foreach (var (variable, value) in _previous) Environment.SetEnvironmentVariable(variable, value);
        _lock.Dispose();
        TryDelete(Path);
    }

    private void OnProcessExit(object? sender, EventArgs e) => Dispose();

    /// <summary>
    /// The folders processes that have ended left behind: their lock can be taken and their process ID is not running
    /// here (both, so that neither a PID namespace nor a platform without file locks can make a live folder look
    /// abandoned). A folder without a lock file is left alone for <see cref="UnlockedAfter"/>.
    /// </summary>
    private static void RemoveAbandoned(string parent)
    {
        List<string> folders;
        try { folders = Directory.EnumerateDirectories(parent, Prefix + "*").ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return; }

        foreach (var folder in folders)
        {
            var lockFile = System.IO.Path.Combine(folder, LockFile);
            var abandoned = File.Exists(lockFile)
                ? !IsRunning(ProcessIdOf(folder)) && CanLock(lockFile)
                : DateTime.UtcNow - Directory.GetLastWriteTimeUtc(folder) > UnlockedAfter;
            if (abandoned) TryDelete(folder);
        }
    }

    /// <summary>The process ID in a folder's name, or null when the name holds none.</summary>
    private static int? ProcessIdOf(string folder)
    {
        var name = System.IO.Path.GetFileName(folder)[Prefix.Length..];
        var end = name.IndexOf('-', StringComparison.Ordinal);
        return int.TryParse(end < 0 ? name : name[..end], out var pid) ? pid : null;
    }

    private static bool CanLock(string lockFile)
    {
        try
        {
            using var probe = new FileStream(lockFile, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }

    private static bool IsRunning(int? pid)
    {
        if (pid is null) return false;
        try
        {
            using var process = Process.GetProcessById(pid.Value);
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
