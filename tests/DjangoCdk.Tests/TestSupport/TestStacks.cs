using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace DjangoCdk.Tests.TestSupport;

/// <summary>Stacks for tests: a fixed account and region so nothing depends on the machine.</summary>
internal static class TestStacks
{
    public const string Account = "123456789012";
    public const string Region = "eu-west-1";

    /// <summary>Every test app synthesizes below this folder; the next run removes the folders of finished runs.</summary>
    private static readonly string OutputRoot = CreateOutputRoot();

    /// <summary>A stack with a concrete account and region.</summary>
    public static Stack New(string id = "Test") =>
        new(NewApp(), id, new StackProps { Env = new Amazon.CDK.Environment { Account = Account, Region = Region } });

    /// <summary>A stack with no account or region (env-agnostic), as `cdk synth` makes without credentials.</summary>
    public static Stack EnvironmentAgnostic(string id = "Test") => new(NewApp(), id);

    /// <summary>An app with its own output folder, so tests leave nothing behind in the temp folder.</summary>
    public static App NewApp(IDictionary<string, object>? context = null) =>
        new(new AppProps { Outdir = Path.Combine(OutputRoot, Guid.NewGuid().ToString("N")), Context = context });

    private static string CreateOutputRoot()
    {
        // The test host is often ended without running exit handlers, so stale folders are removed at the next start.
        const string prefix = "djangocdk-tests-";
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), prefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(stale)[prefix.Length..], out var pid) && !IsRunning(pid))
            {
                try { Directory.Delete(stale, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }

        var root = Path.Combine(Path.GetTempPath(), prefix + System.Environment.ProcessId);
        Directory.CreateDirectory(root);
        return root;
    }

    private static bool IsRunning(int pid)
    {
        try { return !System.Diagnostics.Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    /// <summary>The Django sample project, the Docker build context every DjangoEcs test uses.</summary>
    public static string Backend => SamplesPath("backend");

    /// <summary>A path below samples/ in the repository.</summary>
    public static string SamplesPath(string relative) => Path.Combine(RepositoryRoot, "samples", relative);

    /// <summary>The repository root, found from the test assembly's folder.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DjangoCdk.slnx"))) return dir.FullName;
            }

            throw new DirectoryNotFoundException("DjangoCdk.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The template of <paramref name="stack"/>.</summary>
    public static Template Template(this Stack stack) => Amazon.CDK.Assertions.Template.FromStack(stack);
}
