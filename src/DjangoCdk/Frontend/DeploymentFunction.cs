using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// The CDK's BucketDeployment function, one per stack and memory size and shared by every upload in the stack: the
/// cdk-nag reasons for what the CDK builds there. Its runtime (python3.11, which the CDK tests with the AWS CLI v1
/// layer it bundles) is kept: it is supported by Lambda, and a newer Python may break that CLI.
/// </summary>
internal static class DeploymentFunction
{
    private const string SingletonIdPrefix = "Custom::CDKBucketDeployment";

    /// <summary>Adds the suppressions for the uploads of <paramref name="destination"/>; safe to call once per site.</summary>
    public static void Configure(Construct scope, IBucket destination)
    {
        var stack = Stack.Of(scope);
        var destinationId = NagSuppressions.LogicalId(destination);
        foreach (var singleton in stack.Node.Children.Where(c => c.Node.Id.StartsWith(SingletonIdPrefix, StringComparison.Ordinal)))
        {
            foreach (var resource in singleton.Node.FindAll().OfType<CfnResource>())
            {
                switch (resource.CfnResourceType)
                {
                    case "AWS::Lambda::Function" when !NagSuppressions.Has(resource, "AwsSolutions-L1"):
                        NagSuppressions.Add(resource, new NagSuppression("AwsSolutions-L1",
                            "The CDK's BucketDeployment handler runs the AWS CLI v1 layer that this CDK version bundles and tests on python3.11, a runtime Lambda supports; a newer Python could break that CLI."));
                        break;
                    case "AWS::IAM::Role" when !NagSuppressions.Has(resource, "AwsSolutions-IAM4"):
                        NagSuppressions.Add(resource, new NagSuppression("AwsSolutions-IAM4",
                            "AWSLambdaBasicExecutionRole only lets the upload function write its own CloudWatch logs; it is the AWS-maintained minimum for Lambda.",
                            "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
                        break;
                    case "AWS::IAM::Policy":
                        AddPolicySuppressions(stack, resource, destinationId);
                        break;
                }
            }
        }
    }

    private static void AddPolicySuppressions(Stack stack, CfnResource policy, string destinationId)
    {
        if (!NagSuppressions.Has(policy, "AwsSolutions-IAM5"))
        {
            var findings = new List<string> { "Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*", "Action::s3:DeleteObject*", "Action::s3:Abort*", "Resource::*" };
            if (BootstrapAssetObjects(stack) is { } assets) findings.Add(assets);
            NagSuppressions.Add(policy, new NagSuppression("AwsSolutions-IAM5",
                "The CDK's upload function copies the build from the CDK asset bucket (read-only, s3:GetObject*/GetBucket*/List* on that bucket's objects) into the site bucket " +
                "(aws s3 sync, which also deletes pruned files and aborts failed multipart uploads). CloudFront invalidations have no resource-level permissions, hence Resource::*.",
                findings.ToArray()));
        }

        // Every site in the stack shares the function; each adds its own bucket.
        NagSuppressions.Add(policy, new NagSuppression("AwsSolutions-IAM5",
            "The upload function writes any object of this site bucket (it holds only the built app), as aws s3 sync must.",
            $"Resource::<{destinationId}.Arn>/*"));
    }

    /// <summary>The objects of the CDK bootstrap asset bucket, as cdk-nag names them; null for other synthesizers.</summary>
    private static string? BootstrapAssetObjects(Stack stack)
    {
        if (stack.Synthesizer is not DefaultStackSynthesizer synthesizer) return null;
        var qualifier = synthesizer.BootstrapQualifier ?? "hnb659fds";
        var account = Token.IsUnresolved(stack.Account) ? "<AWS::AccountId>" : stack.Account;
        var region = Token.IsUnresolved(stack.Region) ? "<AWS::Region>" : stack.Region;
        return $"Resource::arn:<AWS::Partition>:s3:::cdk-{qualifier}-assets-{account}-{region}/*";
    }
}
