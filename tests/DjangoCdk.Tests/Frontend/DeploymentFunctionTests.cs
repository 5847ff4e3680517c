using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using D = System.Collections.Generic.Dictionary<string, object>;
using Match = Amazon.CDK.Assertions.Match;

namespace DjangoCdk.Tests.Frontend;

/// <summary>The CDK's BucketDeployment function, as StaticSite configures it: runtime and logs.</summary>
public sealed class DeploymentFunctionTests(StaticSiteDefaultsFixture fixture) : IClassFixture<StaticSiteDefaultsFixture>
{
    private readonly Template _template = fixture.Template;

    /// <summary>The upload function: the only Python function of a StaticSite stack.</summary>
    private static Dictionary<string, object> UploadFunction => new() { ["Layers"] = Match.AnyValue(), ["Handler"] = "index.handler" };

    [Fact]
    public void Upload_function_runs_on_python_3_13_not_the_cdk_default_on_amazon_linux_2()
    {
        // Given a site with a dist folder (fixture), Then the CDK's python3.11 (Amazon Linux 2, deprecated) is replaced.
        _template.HasResourceProperties("AWS::Lambda::Function", new D(UploadFunction) { ["Runtime"] = "python3.13" });
        Assert.Equal("python3.13", PythonLambdaRuntime.Python.Name);
        Assert.Empty(_template.FindResources("AWS::Lambda::Function", Match.ObjectLike(new D { ["Properties"] = Match.ObjectLike(new D { ["Runtime"] = "python3.11" }) })));
    }

    [Fact]
    public void Upload_function_logs_to_a_log_group_kept_one_month()
    {
        // Given the fixture, Then the function writes to a log group of the stack (not the implicit /aws/lambda/<name>
        // one, which never expires) and that group keeps its events 30 days.
        var logGroups = _template.FindResources("AWS::Logs::LogGroup");
        var (logGroupId, _) = Assert.Single(logGroups);
        _template.HasResourceProperties("AWS::Logs::LogGroup", new D { ["RetentionInDays"] = 30, ["LogGroupName"] = Match.Absent() });
        _template.HasResourceProperties("AWS::Lambda::Function", new D(UploadFunction)
        {
            ["LoggingConfig"] = new D { ["LogGroup"] = new D { ["Ref"] = logGroupId } },
        });
    }

    [Fact]
    public void Sites_sharing_the_upload_function_share_one_log_group()
    {
        // Given two sites in one stack with the same upload memory, and a third with its own
        var stack = TestStacks.New();
        _ = new StaticSite(stack, "Blog", new StaticSiteProps { PathToDist = Sites.Dist });
        _ = new StaticSite(stack, "Shop", new StaticSiteProps { PathToDist = Sites.Dist });
        _ = new StaticSite(stack, "Docs", new StaticSiteProps { PathToDist = Sites.Dist, DeploymentMemoryMiB = 1024 });

        // When
        var template = stack.Template();

        // Then one function per memory size, each with one log group, and every function on python3.13
        template.ResourceCountIs("AWS::Lambda::Function", 2);
        template.ResourceCountIs("AWS::Logs::LogGroup", 2);
        template.AllResourcesProperties("AWS::Lambda::Function", Match.ObjectLike(new D
        {
            ["Runtime"] = "python3.13",
            ["LoggingConfig"] = new D { ["LogGroup"] = new D { ["Ref"] = Match.StringLikeRegexp("Logs") } },
        }));
    }
}
