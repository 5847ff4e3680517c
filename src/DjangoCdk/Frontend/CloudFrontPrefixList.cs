using Amazon.CDK;
using Amazon.CDK.CustomResources;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// The ID of the AWS-managed prefix list of CloudFront's origin-facing addresses
/// (<c>com.amazonaws.global.cloudfront.origin-facing</c>) in the region of <c>scope</c>'s stack. The ID differs per
/// region and AWS documents no table of them, so it is read at deploy time with ec2:DescribeManagedPrefixLists
/// rather than looked up at synth time (no credentials, no cdk.context.json) or hard-coded.
/// </summary>
internal static class CloudFrontPrefixList
{
    private const string IdPath = "PrefixLists.0.PrefixListId";

    /// <summary>The AwsCustomResource singleton function's construct ID, fixed by the CDK.</summary>
    private const string SingletonId = "AWS679f53fac002430cb0da5b7982bd2287";

    public static string Lookup(Construct scope, string id)
    {
        var call = new AwsSdkCall
        {
            Service = "EC2",
            Action = "describeManagedPrefixLists",
            Parameters = new Dictionary<string, object>
            {
                ["Filters"] = new object[]
                {
                    new Dictionary<string, object> { ["Name"] = "prefix-list-name", ["Values"] = new[] { Defaults.CloudFrontPrefixListName } },
                },
            },
            OutputPaths = [IdPath],
            PhysicalResourceId = PhysicalResourceId.Of(Defaults.CloudFrontPrefixListName),
        };
        var lookup = new AwsCustomResource(scope, id, new AwsCustomResourceProps
        {
            OnCreate = call,
            OnUpdate = call,
            Policy = AwsCustomResourcePolicy.FromSdkCalls(new SdkCallsPolicyOptions { Resources = AwsCustomResourcePolicy.ANY_RESOURCE }),
            InstallLatestAwsSdk = false,
        });
        foreach (var policy in lookup.Node.FindAll().OfType<Amazon.CDK.AWS.IAM.CfnPolicy>())
        {
            NagSuppressions.Add(policy, new NagSuppression("AwsSolutions-IAM5",
                "ec2:DescribeManagedPrefixLists is a read-only Describe action with no resource-level permissions, so IAM requires Resource::*.",
                "Resource::*"));
        }

        // The CDK's shared AwsCustomResource function of the stack (created by the first AwsCustomResource in it).
        if (Stack.Of(scope).Node.TryFindChild(SingletonId) is { } singleton)
        {
            foreach (var resource in singleton.Node.FindAll().OfType<CfnResource>().Where(r => r.GetMetadata("cdk_nag") is null))
            {
                if (resource is Amazon.CDK.AWS.Lambda.CfnFunction function)
                {
                    // The CDK defaults this framework function to an older Node.js; it runs unchanged on the newest one.
                    function.Runtime = LambdaRuntime.NodeJs.Name;
                }
                else if (resource is Amazon.CDK.AWS.IAM.CfnRole role)
                {
                    NagSuppressions.Add(role, NagSuppressions.LambdaBasicExecutionRole);
                }
            }
        }

        return lookup.GetResponseField(IdPath);
    }
}
