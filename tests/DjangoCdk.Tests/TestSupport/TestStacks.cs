using Amazon.CDK;
using Amazon.CDK.Assertions;

namespace DjangoCdk.Tests.TestSupport;

/// <summary>Stacks for tests: a fixed account and region so nothing depends on the machine.</summary>
internal static class TestStacks
{
    public const string Account = "123456789012";
    public const string Region = "eu-west-1";

    /// <summary>A stack with a concrete account and region.</summary>
    public static Stack New(string id = "Test") =>
        new(new App(), id, new StackProps { Env = new Amazon.CDK.Environment { Account = Account, Region = Region } });

    /// <summary>A stack with no account or region (env-agnostic), as `cdk synth` makes without credentials.</summary>
    public static Stack EnvironmentAgnostic(string id = "Test") => new(new App(), id);

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
