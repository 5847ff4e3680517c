using DjangoCdk.Benchmarks;

// The synthesis benchmark (BENCHMARKS.md):
//   run [--runs N] [--tests] [--write FILE]   every case in fresh processes, medians, ratios to the floor, peak memory
//   synth CASE --out DIR                       one case, in this process (what run times)
//   scale [--queues 1,10,20,40] [--release N]  resources and template size of DjangoEcs as its queues grow
// Every process, the timed ones too, claims its own temp folder as django-cdk does (ProcessTempFolder), so a run leaves
// nothing behind: cases synthesize into the parent's folder, which goes when the run ends.
using var temp = DjangoCdk.ProcessTempFolder.Claim();
return args.FirstOrDefault() switch
{
    "synth" => Synth.Run(args[1], Option(args, "--out") ?? Path.Combine(Path.GetTempPath(), "djangocdk-bench-" + args[1])),
    "scale" => Scale.Run(
        (Option(args, "--queues") ?? "1,10,20,40,60").Split(',').Select(int.Parse).ToList(),
        int.Parse(Option(args, "--release") ?? "10", System.Globalization.CultureInfo.InvariantCulture)),
    "run" => Runner.Run(
        int.Parse(Option(args, "--runs") ?? "5", System.Globalization.CultureInfo.InvariantCulture),
        args.Contains("--tests"),
        Option(args, "--write")),
    _ => Usage(),
};

static string? Option(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

static int Usage()
{
    Console.Error.WriteLine("usage: run [--runs N] [--tests] [--write BENCHMARKS.md] | synth CASE [--out DIR] | scale [--queues 1,10,20] [--release 10]");
    return 2;
}
