using Amazon.CDK.AWS.Lambda;

namespace DjangoCdk;

/// <summary>The Python Lambda runtime of the CDK framework functions DjangoCdk brings in (the BucketDeployment upload function, the EKS kubectl handler).</summary>
internal static class PythonLambdaRuntime
{
    /// <summary>
    /// python3.13 (Amazon Linux 2023, supported until June 2029), replacing the CDK's python3.11 (Amazon Linux 2, deprecated
    /// June 2026, cfn-lint E2533). Amazon.CDK.Lib 2.160 predates it, so it is named here rather than taken from <see cref="Runtime"/>.
    /// Checked against what runs on it: the BucketDeployment handler (stdlib only, plus the runtime's boto3) and the AWS CLI v1
    /// layer of Amazon.CDK.Asset.AwsCliV1 2.2.202 (awscli 1.31.11, botocore 1.33.11, s3transfer 0.8.2, PyYAML 6.0.1, built for
    /// Python 3.8) import none of the modules Python 3.12 and 3.13 removed, and that CLI runs <c>aws s3 cp</c>, <c>sync</c> and
    /// <c>rm</c> on Python 3.13 (PyYAML's C extension, built for 3.8, is skipped for its pure-Python code). Later aws-cdk-lib
    /// versions run this same function on python3.13 (aws-cdk PR 34013; aws-cdk-lib 2.276 with awscli 1.45 in its layer).
    /// Python 3.14 is not used: the bundled CLI has not been checked on it.
    /// </summary>
    public static readonly Runtime Python = new("python3.13", RuntimeFamily.PYTHON, new LambdaRuntimeProps { SupportsInlineCode = true });
}
