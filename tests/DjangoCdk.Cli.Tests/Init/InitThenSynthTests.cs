using System.Text.Json.Nodes;
using Xunit;

namespace DjangoCdk.Cli.Tests.Init;

/// <summary>
/// init on a Django project of each convention, then synth: every environment name the production settings require
/// reaches the containers, except the ones init reported as the user's to provide (an API key only they have).
/// </summary>
public sealed class InitThenSynthTests
{
    [Theory]
    [InlineData("ours")]
    [InlineData("environ")]
    [InlineData("plain")]
    public void Every_name_the_production_settings_require_is_provided_or_reported(string project)
    {
        // Given a copy of the project, initialised without questions, with an account and region as a deploy has them
        using var temp = new TempDirectory();
        var directory = InitFixtures.CopyTo(project, temp.Path);
        var cli = new CliRun(directory);
        var init = cli.Run("init", "--yes", "--name", "site", "--target", "ecs", "--preset", "production");
        Assert.True(init.ExitCode == 0, init.Output);
        var configFile = Path.Combine(directory, "django-cdk.yaml");
        File.AppendAllText(configFile, "\naccount: \"123456789012\"\nregion: us-east-1\n");
        File.Copy(Path.Combine(Repository.Root, "cdk.context.json"), Path.Combine(directory, "cdk.context.json"));
        var scan = DjangoProjectScanner.Scan(directory);

        // When it is synthesized
        var synth = cli.Run("synth", "--json", "--out", Path.Combine(temp.Path, "out"));

        // Then the web container gets every required name, but those init listed for the user to set
        Assert.True(synth.ExitCode == 0, synth.Output);
        var template = JsonNode.Parse(File.ReadAllText(Path.Combine(temp.Path, "out", "site.template.json")))!;
        var web = template["Resources"]!.AsObject()
            .Select(r => r.Value!)
            .Where(r => (string?)r["Type"] == "AWS::ECS::TaskDefinition")
            .SelectMany(r => r["Properties"]!["ContainerDefinitions"]!.AsArray())
            .First(c => (string?)c!["Name"] == "web")!;
        var provided = (web["Environment"]?.AsArray() ?? []).Concat(web["Secrets"]?.AsArray() ?? [])
            .Select(e => (string)e!["Name"]!)
            .Concat(EnvironmentContract.IamRoleNames)
            .ToHashSet();
        var usersToSet = scan.UnprovidedNames.Select(n => n.Name).ToHashSet();
        var missing = scan.RequiredNames.Where(name => !provided.Contains(name) && !usersToSet.Contains(name)).ToList();
        Assert.True(missing.Count == 0, "not provided: " + string.Join(", ", missing));
        Assert.All(usersToSet, name => Assert.Contains(name, init.Output));
    }
}
