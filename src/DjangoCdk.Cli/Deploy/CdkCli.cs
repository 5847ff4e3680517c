namespace DjangoCdk.Cli;

/// <summary>
/// The AWS CDK CLI, run on the app django-cdk makes from the config: <c>cdk &lt;verb&gt; --app "django-cdk app --config
/// ..."</c>, from the config's folder (where the CLI keeps its lookup cache, cdk.context.json). Before a run it checks
/// what the run needs and says exactly what is missing and how to get it: the CDK CLI (or Node.js for npx), Docker
/// for image assets, AWS credentials.
/// </summary>
public sealed class CdkCli(CliServices services)
{
    /// <summary>The npm package of the AWS CDK CLI, run with npx when no cdk is on PATH (major version 2, as the constructs need).</summary>
    public const string NpmPackage = "aws-cdk@2";

    /// <summary>The file deploy writes the stack outputs to, beside the config; run and exec read it.</summary>
    public const string OutputsFile = "cdk-outputs.json";

    /// <summary>
    /// A CDK CLI verb over the config's app: the CLI runs django-cdk as its app (with the credentials' account and
    /// region, answering lookups and caching them in cdk.context.json) and writes the cloud assembly to
    /// <paramref name="outDirectory"/>.
    /// </summary>
    public ProcessCommand OverApp(AppConfig config, string outDirectory, params string[] verbAndOptions)
    {
        var configFile = Path.GetFullPath(config.File, services.CurrentDirectory);
        var app = string.Join(' ', services.Self.Concat(["app", "--config", configFile]).Select(CommandLine.Quote));
        return Command(config, verbAndOptions[0], ["--app", app, "--output", outDirectory, .. verbAndOptions.Skip(1)]);
    }

    /// <summary>A CDK CLI verb over an already synthesized cloud assembly, so what was checked is what is deployed.</summary>
    public ProcessCommand OverAssembly(AppConfig config, string outDirectory, params string[] verbAndOptions) =>
        Command(config, verbAndOptions[0], ["--app", outDirectory, .. verbAndOptions.Skip(1)]);

    private ProcessCommand Command(AppConfig config, string verb, IEnumerable<string> options)
    {
        IReadOnlyList<string> prefix = services.Processes.Find("cdk") is not null ? ["cdk"]
            : services.Processes.Find("npx") is not null ? ["npx", "--yes", NpmPackage]
            : throw new CliException(
                "The AWS CDK CLI is needed for this command and is not installed. Install Node.js 22 or newer (https://nodejs.org), " +
                "then either npm install -g aws-cdk (django-cdk then runs cdk) or nothing more (django-cdk runs npx aws-cdk@2). " +
                "django-cdk synth, cost and diagram need neither.");
        return new ProcessCommand(prefix[0], [.. prefix.Skip(1), verb, .. options], config.Directory);
    }

    /// <summary>
    /// The first step of deploy and destroy: after checking for credentials, the CDK CLI synthesizes the app into
    /// <paramref name="outDirectory"/> with them (lookups answered and cached in cdk.context.json); its templates.
    /// </summary>
    public IReadOnlyList<SynthesizedStack> SynthesizeWithCredentials(AppConfig config, string outDirectory, CliOutput output)
    {
        var synth = OverApp(config, outDirectory, "synth", config.Name, "--quiet");
        RequireCredentials();
        output.Plain($"Synthesizing with your credentials: {synth}");
        Run(synth);
        return CloudAssemblyReader.Read(outDirectory);
    }

    /// <summary>Stops with a message when Docker is needed (the app has image assets) but missing or not running.</summary>
    public void RequireDocker(string outDirectory)
    {
        if (!AssetFiles(outDirectory).Any(HasDockerImages)) return;
        if (services.Processes.Find("docker") is null)
            throw new CliException("Docker is needed to build the app's image and is not installed. Install Docker Desktop or Docker Engine " +
                "with buildx (https://docs.docker.com/get-docker/); the image is built for ARM64 by default, which on an x86 machine also needs QEMU " +
                "(docker run --privileged --rm tonistiigi/binfmt --install arm64), or set cpu_architecture: x86_64.");
        var info = services.Processes.Capture(new ProcessCommand("docker", ["info", "--format", "{{.ServerVersion}}"]));
        if (info.ExitCode != 0)
            throw new CliException("Docker is installed but its daemon is not running (docker info failed). Start Docker Desktop, or sudo systemctl start docker, and run again.");
    }

    /// <summary>Stops with a message when no AWS credentials can be found the ways the AWS SDKs look for them.</summary>
    public void RequireCredentials()
    {
        if (AwsCredentials.Found(services)) return;
        throw new CliException("No AWS credentials found: no AWS_ACCESS_KEY_ID or AWS_PROFILE variable and no ~/.aws/credentials or ~/.aws/config. " +
            "Run aws configure (access keys) or aws configure sso then aws sso login (IAM Identity Center), or set AWS_PROFILE. " +
            "The account must be bootstrapped once: npx aws-cdk bootstrap aws://ACCOUNT/REGION.");
    }

    /// <summary>Runs a CDK CLI command, streaming its output; a failure becomes <see cref="ExitCode.ToolFailed"/>.</summary>
    public void Run(ProcessCommand command)
    {
        var exitCode = services.Processes.Run(command);
        if (exitCode != 0)
            throw new CliException($"{command.Program} {command.Arguments.First(a => !a.StartsWith('-') && a != NpmPackage)} failed (exit code {exitCode}); its output above says why.", ExitCode.ToolFailed);
    }

    private static IEnumerable<string> AssetFiles(string outDirectory) =>
        Directory.Exists(outDirectory) ? Directory.EnumerateFiles(outDirectory, "*.assets.json") : [];

    private static bool HasDockerImages(string assetsFile) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(assetsFile))?["dockerImages"] is System.Text.Json.Nodes.JsonObject images && images.Count > 0;
}
