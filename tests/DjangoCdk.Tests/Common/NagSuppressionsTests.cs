using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.S3;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;

namespace DjangoCdk.Tests.Common;

public sealed class NagSuppressionsTests
{
    /// <summary>cdk_nag metadata holding exactly <paramref name="rules"/> (each an exact object unless wrapped in Match.ObjectLike).</summary>
    private static Dictionary<string, object> Suppressions(params object[] rules) =>
        Props(("Metadata", Props(("cdk_nag", Match.ObjectEquals(Props(("rules_to_suppress", rules)))))));

    [Fact]
    public void Suppressions_are_written_as_cdk_nag_metadata_on_the_resource()
    {
        var stack = TestStacks.New();
        var bucket = new Bucket(stack, "Bucket");
        NagSuppressions.Add(bucket, new NagSuppression("AwsSolutions-S1", "A reason long enough for a reviewer."));
        stack.Template().HasResourceWithId(stack.LogicalId(bucket), Suppressions(
            Match.ObjectEquals(Props(("id", "AwsSolutions-S1"), ("reason", "A reason long enough for a reviewer.")))));
    }

    [Fact]
    public void A_second_suppression_is_added_to_the_first_rather_than_replacing_it()
    {
        var stack = TestStacks.New();
        var bucket = new Bucket(stack, "Bucket");
        NagSuppressions.Add(bucket, new NagSuppression("AwsSolutions-S1", "First reason, long enough to read."));
        NagSuppressions.Add(bucket, new NagSuppression("AwsSolutions-S10", "Second reason, long enough to read."));
        stack.Template().HasResourceWithId(stack.LogicalId(bucket), Suppressions(
            Match.ObjectLike(Props(("id", "AwsSolutions-S1"))), Match.ObjectLike(Props(("id", "AwsSolutions-S10")))));
    }

    [Fact]
    public void Applies_to_entries_between_slashes_become_regular_expressions()
    {
        var stack = TestStacks.New();
        var bucket = new Bucket(stack, "Bucket");
        NagSuppressions.Add(bucket, new NagSuppression("AwsSolutions-IAM5", "Exact and pattern findings alike.", "Resource::*", "/^Action::s3:.*$/"));
        stack.Template().HasResourceWithId(stack.LogicalId(bucket), Suppressions(
            Match.ObjectLike(Props(("applies_to", new object[] { "Resource::*", Props(("regex", "/^Action::s3:.*$/")) })))));
    }

    [Fact]
    public void Logical_ids_resolve_to_the_names_findings_use()
    {
        var stack = TestStacks.New();
        var bucket = new Bucket(stack, "Bucket");
        var id = NagSuppressions.LogicalId(bucket);
        stack.Template().HasResourceWithId(id, Props(("Type", "AWS::S3::Bucket")));
    }

    private static System.Text.RegularExpressions.Regex AsRegex(string appliesTo) => new(appliesTo[1..^1]);

    [Theory]
    [InlineData("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")]
    [InlineData("Policy::arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")]
    [InlineData("Policy::arn:aws-cn:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")]
    public void Managed_policy_findings_match_in_both_environment_forms(string finding)
    {
        // cdk-nag writes <AWS::Partition> in an environment-agnostic stack and the literal partition in a concrete one.
        Assert.Matches(AsRegex(NagSuppressions.ManagedPolicy("service-role/AWSLambdaBasicExecutionRole")), finding);
    }

    [Fact]
    public void Managed_policy_pattern_does_not_match_another_policy()
    {
        Assert.DoesNotMatch(AsRegex(NagSuppressions.ManagedPolicy("service-role/AWSLambdaBasicExecutionRole")),
            "Policy::arn:aws:iam::aws:policy/AdministratorAccess");
    }

    [Theory]
    [InlineData("<AWS::AccountId>", true)]
    [InlineData("123456789012", true)]
    [InlineData("*", false)]
    public void Account_pattern_matches_the_token_and_a_concrete_account_only(string account, bool matches)
    {
        Assert.Equal(matches, new System.Text.RegularExpressions.Regex($"^{NagSuppressions.Account}$").IsMatch(account));
    }
}
