using Amazon.CDK;
using DjangoCdk.Samples;

// Synthesizes the bundled sample apps into cdk.out (or $CDK_OUTDIR when run by the AWS CDK CLI) and says what it made.
var imageDirectory = SamplePaths.FindBackend();
var app = new App(new AppProps { Outdir = System.Environment.GetEnvironmentVariable("CDK_OUTDIR") ?? "cdk.out" });
SampleStacks.AddAll(app, imageDirectory);
var assembly = app.Synth();

Console.WriteLine($"Synthesized {assembly.Stacks.Length} stacks into {Path.GetFullPath(assembly.Directory)} (image context: {imageDirectory}):");
foreach (var stack in assembly.Stacks)
{
    var resources = stack.Template is IDictionary<string, object> t && t.TryGetValue("Resources", out var r) && r is IDictionary<string, object> d ? d.Count : 0;
    Console.WriteLine($"  {stack.StackName,-22} {resources,4} resources  {Path.GetFileName(stack.TemplateFullPath)}");
}

Console.WriteLine("Deploy one with: npx aws-cdk deploy <stack> (needs AWS credentials, a bootstrapped account and Docker).");
