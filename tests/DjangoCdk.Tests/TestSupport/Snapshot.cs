using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Xunit;

namespace DjangoCdk.Tests.TestSupport;

/// <summary>
/// Golden-template snapshots: the template as indented JSON under tests/DjangoCdk.Tests/Snapshots. Set
/// UPDATE_SNAPSHOTS=1 to rewrite them, then read the diff before committing it.
/// </summary>
internal static class Snapshot
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Matches(Template template, string name)
    {
        var json = Normalize(JsonSerializer.Serialize(template.ToJSON()));
        var file = Path.Combine(TestStacks.RepositoryRoot, "tests", "DjangoCdk.Tests", "Snapshots", name + ".json");
        if (System.Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1" || !File.Exists(file) && System.Environment.GetEnvironmentVariable("CI") != "true")
        {
            File.WriteAllText(file, json + "\n");
            return;
        }

        Assert.True(File.Exists(file), $"Snapshot {file} is missing; run the tests once with UPDATE_SNAPSHOTS=1 and commit it.");
        var expected = File.ReadAllText(file).TrimEnd('\n');
        Assert.True(expected == json, $"The template differs from snapshot {name}. If the change is intended, run with UPDATE_SNAPSHOTS=1 and review the diff.\n{FirstDifference(expected, json)}");
    }

    /// <summary>Asset hashes change with every byte of the sample project or handler; they are replaced by a stable marker.</summary>
    private static string Normalize(string json)
    {
        var node = JsonNode.Parse(json)!;
        var text = node.ToJsonString(Indented);
        return System.Text.RegularExpressions.Regex.Replace(text, "[0-9a-f]{64}", "<asset-hash>");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "<end>";
            var al = i < a.Length ? a[i] : "<end>";
            if (el != al) return $"line {i + 1}:\n  expected: {el.Trim()}\n  actual:   {al.Trim()}";
        }

        return "";
    }
}
