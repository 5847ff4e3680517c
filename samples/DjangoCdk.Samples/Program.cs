using Amazon.CDK;
using DjangoCdk;
using DjangoCdk.Samples;

// Synthesizes the bundled sample apps into cdk.out (or $CDK_OUTDIR) the way `npx aws-cdk synth` does: outside the
// CDK CLI it passes the context the CLI would (cdk.json's feature flags, the cdk.context.json lookup cache), then
// prints the construct warnings and errors, any unanswered lookup, and what it made. Its temp folder is its own and goes
// with it (ProcessTempFolder): the CDK's .NET runtime unpacks about 64 MB there at every run and never removes it.
using var temp = ProcessTempFolder.Claim();
var runByCli = CdkCliContext.IsRunByCli(System.Environment.GetEnvironmentVariable);
var projectDirectory = CdkCliContext.FindProjectDirectory(Directory.GetCurrentDirectory());
var context = runByCli || projectDirectory is null ? null : CdkCliContext.Load(projectDirectory);
var imageDirectory = SamplePaths.FindBackend();

Amazon.CDK.CXAPI.CloudAssembly assembly;
try
{
    var app = new App(new AppProps { Outdir = System.Environment.GetEnvironmentVariable("CDK_OUTDIR") ?? "cdk.out", Context = context });
    SampleStacks.AddAll(app, imageDirectory);
    assembly = app.Synth();
}
catch (DjangoCdkValidationException e)
{
    Console.Error.WriteLine($"error {e.Code} ({e.ParamName}): {e.Message}");
    return (int)SynthesisExitCode.NotDeployable;
}
catch (Exception e)
{
    Console.Error.WriteLine($"Synthesis failed: {e.Message}");
    Console.Error.WriteLine("This is a bug in DjangoCdk or its samples (the samples' props are meant to be valid in every environment); the details:");
    Console.Error.WriteLine(e);
    return (int)SynthesisExitCode.Unexpected;
}

// Under the CLI, stdout may carry `cdk synth`'s own output, so the report goes to stderr there.
var output = runByCli ? Console.Error : Console.Out;
var exitCode = SynthesisReport.Print(assembly, runByCli, output);
if (!runByCli)
{
    output.WriteLine(projectDirectory is null
        ? $"No {CdkCliContext.ProjectFile} above {Directory.GetCurrentDirectory()}: synthesized without its feature flags and lookup cache."
        : $"Context from {Path.Combine(projectDirectory, CdkCliContext.ProjectFile)} and {CdkCliContext.LookupCacheFile}; image from {imageDirectory}.");
}

if (exitCode == SynthesisExitCode.Success && !runByCli)
{
    output.WriteLine("Deploy one with: npx aws-cdk deploy <stack> (needs AWS credentials, a bootstrapped account and Docker).");
}

return (int)exitCode;
