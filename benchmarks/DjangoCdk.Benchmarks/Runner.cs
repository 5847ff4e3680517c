using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DjangoCdk.Samples;

namespace DjangoCdk.Benchmarks;

/// <summary>
/// Times every case in fresh processes (what a user pays per <c>cdk synth</c>: .NET start, the jsii runtime loading
/// aws-cdk-lib, the constructs, the synthesis), takes medians, and writes the results into BENCHMARKS.md.
/// </summary>
internal static partial class Runner
{
    private const string Begin = "<!-- benchmark results: written by the benchmark, do not edit by hand -->";
    private const string End = "<!-- end of benchmark results -->";

    public static int Run(int runs, bool withTests, string? write)
    {
        var self = typeof(Runner).Assembly.Location;
        var results = new List<CaseResult>();
        foreach (var @case in BenchmarkCase.All)
        {
            Console.Error.WriteLine($"{@case.Name}: warm-up, then {runs} runs");
            Measure(self, @case.Name, debug: false);
            var samples = Enumerable.Range(0, runs).Select(_ => Measure(self, @case.Name, debug: false)).ToList();
            var calls = JsiiCalls(Measure(self, @case.Name, debug: true).Stderr);
            results.Add(new CaseResult(@case, Median(samples.Select(s => s.Seconds)), samples.Max(s => s.PeakKib), samples[0].Size, calls));
            Console.Error.WriteLine($"  median {results[^1].MedianSeconds:0.00} s, peak {results[^1].PeakKib / 1024} MiB, {calls} jsii calls");
        }

        var scale = new[] { 1, 10, 20, 40, 51, 52 }.Select(q => Scale.Measure(q, 10)).ToList();
        TestSuite? suite = withTests ? RunTests() : null;
        var markdown = Render(results, scale, suite, runs);
        Console.WriteLine(markdown);
        if (write is not null) WriteInto(write, markdown);
        return 0;
    }

    private sealed record Sample(double Seconds, long PeakKib, JsonObject Size, string Stderr);

    private sealed record CaseResult(BenchmarkCase Case, double MedianSeconds, long PeakKib, JsonObject Size, int JsiiCalls);

    private sealed record TestSuite(double Seconds, string Breakdown);

    private static Sample Measure(string self, string name, bool debug)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { self, "synth", name, "--out", Path.Combine(Path.GetTempPath(), "djangocdk-bench-" + name) }) info.ArgumentList.Add(argument);
        info.Environment["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = "20";
        if (debug) info.Environment["JSII_DEBUG"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(100)) peak = Math.Max(peak, ProcessTree.ResidentKib(process.Id));
        var seconds = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"{name} failed ({process.ExitCode}): {stderr.Result}");
        var size = JsonNode.Parse(stdout.Result.Trim().Split('\n')[^1])!.AsObject();
        return new Sample(seconds, peak, size, stderr.Result);
    }

    // JSII_DEBUG prints each request from .NET to the jsii kernel as a line starting with "> ".
    private static int JsiiCalls(string stderr) => stderr.Split('\n').Count(l => l.StartsWith("> {", StringComparison.Ordinal));

    private static TestSuite RunTests()
    {
        Console.Error.WriteLine("the test suite: bash scripts/test.sh");
        var info = new ProcessStartInfo("bash", [Path.Combine(SamplePaths.RepositoryRoot, "scripts", "test.sh")])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var breakdown = TimeLine().Match(output);
        return new TestSuite(clock.Elapsed.TotalSeconds, (breakdown.Success ? breakdown.Value : "no time line") + (process.ExitCode == 0 ? "" : $" (exit {process.ExitCode})"));
    }

    private static string Render(IReadOnlyList<CaseResult> results, IReadOnlyList<JsonObject> scale, TestSuite? suite, int runs)
    {
        var floor = results.First(r => r.Case.Name == BenchmarkCase.Floor).MedianSeconds;
        var text = new StringBuilder();
        text.AppendLine(Begin);
        text.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd} on {Machine()}. Median of {runs} runs after one warm-up, each a fresh `dotnet` process");
        text.AppendLine("(build excluded): start, the jsii runtime, the constructs, synthesis into a temporary cdk.out. Peak memory is the");
        text.AppendLine("largest resident set of the process tree (.NET and its Node.js child) over the runs.");
        text.AppendLine();
        text.AppendLine("| Case | What | Median synth (s) | × floor | Peak memory (MiB) | jsii calls | Resources | Largest template (KB) |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{r.Case.Name}` | {r.Case.Description} | {r.MedianSeconds:0.00} | {r.MedianSeconds / floor:0.00} | {r.PeakKib / 1024} | {r.JsiiCalls} | {(int)r.Size["resources"]!} | {(int)r.Size["largestTemplateBytes"]! / 1000.0:0.0} |"));
        }

        text.AppendLine();
        text.AppendLine($"Scale: DjangoEcs with one worker service (and its autoscaling) per Celery queue and 10 release commands, against");
        text.AppendLine($"CloudFormation's limits of {Scale.ResourceLimit} resources and 1 MB per template:");
        text.AppendLine();
        text.AppendLine("| Queues | Resources | Template (KB, minified) | Result |");
        text.AppendLine("|---:|---:|---:|---|");
        foreach (var s in scale)
        {
            text.AppendLine(s["refused"] is { } refused
                ? $"| {(int)s["queues"]!} | | | refused at construction: {((string)refused!).Replace("|", "\\|")} |"
                : string.Create(CultureInfo.InvariantCulture, $"| {(int)s["queues"]!} | {(int)s["resources"]!} | {(int)s["largestTemplateBytes"]! / 1000.0:0.0} | synthesized |"));
        }

        if (suite is not null)
        {
            text.AppendLine();
            text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"The whole test suite (`bash scripts/test.sh`, the README's test command): {suite.Seconds:0} s ({suite.Breakdown})."));
        }

        text.AppendLine(End);
        return text.ToString();
    }

    private static void WriteInto(string file, string results)
    {
        var existing = File.Exists(file) ? File.ReadAllText(file) : "";
        var start = existing.IndexOf(Begin, StringComparison.Ordinal);
        var end = existing.IndexOf(End, StringComparison.Ordinal);
        var updated = start >= 0 && end > start
            ? existing[..start] + results.TrimEnd('\n') + existing[(end + End.Length)..]
            : existing + (existing.Length > 0 ? "\n" : "") + results;
        File.WriteAllText(file, updated);
        Console.Error.WriteLine($"wrote the results into {file}");
    }

    private static string Machine()
    {
        string Read(string file, string prefix) => File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        var memory = long.TryParse(Read("/proc/meminfo", "MemTotal").Split(' ')[0], out var kib) ? $"{kib / 1024 / 1024.0:0} GiB" : "?";
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? "?"
            : System.Runtime.InteropServices.RuntimeInformation.OSDescription;
        return $"{Read("/proc/cpuinfo", "model name")}, {Environment.ProcessorCount} cores, {memory}, {os}, .NET {Environment.Version}, Node.js {NodeVersion()}";
    }

    private static string NodeVersion()
    {
        var info = new ProcessStartInfo("node", ["--version"]) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(info)!;
        return process.StandardOutput.ReadToEnd().Trim();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex(@"time: tests \d+ s, samples \d+ s, total \d+ s")]
    private static partial Regex TimeLine();
}
