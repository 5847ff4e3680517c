using System.Text.Json.Nodes;
using Amazon.CDK;
using DjangoCdk.Samples;

namespace DjangoCdk.Benchmarks;

/// <summary>
/// DjangoEcs as its Celery queues grow (one worker service with autoscaling per queue) with a fixed number of release
/// commands: resources and template size against CloudFormation's limits (500 resources, 1 MB template), or the
/// construct's refusal when a count would not fit.
/// </summary>
internal static class Scale
{
    public const int ResourceLimit = 500;
    public const int TemplateByteLimit = 1_000_000;

    public static int Run(IReadOnlyList<int> queueCounts, int releaseCommands)
    {
        foreach (var queues in queueCounts) Console.WriteLine(Measure(queues, releaseCommands).ToJsonString());
        return 0;
    }

    public static JsonObject Measure(int queues, int releaseCommands)
    {
        var outDirectory = Path.Combine(Path.GetTempPath(), $"djangocdk-bench-scale-{queues}");
        var app = Synth.NewApp(outDirectory);
        var stack = new Stack(app, "Scale", new StackProps { Env = Synth.Environment });
        try
        {
            _ = new DjangoEcs(stack, "Django", new DjangoEcsProps
            {
                ImageDirectory = SamplePaths.FindBackend(),
                CeleryWorkers = Enumerable.Range(1, queues).Select(i => new CeleryWorkerOptions { Name = $"q{i}", Queues = [$"queue{i}"] }).ToList(),
                ReleaseCommands = Enumerable.Range(1, releaseCommands).Select(i => new[] { "python", "manage.py", "step" + i }).ToList(),
            });
            app.Synth();
        }
        catch (DjangoCdkValidationException e)
        {
            return new JsonObject { ["queues"] = queues, ["releaseCommands"] = releaseCommands, ["refused"] = e.Message };
        }

        var size = Synth.Measure(outDirectory);
        size["queues"] = queues;
        size["releaseCommands"] = releaseCommands;
        return size;
    }
}
