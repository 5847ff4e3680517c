using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// What every Lambda function a DjangoCdk construct brings into a stack gets, including the CDK's own framework and
/// singleton functions (custom-resource providers, AwsCustomResource, log retention, default security group
/// restriction): the supported Node.js runtime, and a log group with a retention. Without it Lambda creates
/// <c>/aws/lambda/&lt;name&gt;</c> on first invocation with no retention, and the CDK framework functions run on
/// the Node.js version their CDK release chose, which Lambda has since deprecated.
/// </summary>
internal static class LambdaFunctions
{
    private const string FunctionType = "AWS::Lambda::Function";
    internal const string LogGroupId = "Logs";

    /// <summary>
    /// The stack-level singletons the CDK creates for constructs in a stack, by construct ID: AwsCustomResource,
    /// LogRetention, and the providers of <c>Custom::</c> resources (e.g. the default-security-group restriction).
    /// </summary>
    private static readonly string[] SingletonIdPrefixes =
    [
        "AWS679f53fac002430cb0da5b7982bd2287", "LogRetention", "Custom::VpcRestrictDefaultSG",
        // Amazon EKS (DjangoEks): the cluster's and kubectl's provider nested stacks, the OIDC provider, CfnUtils.
        "@aws-cdk--aws-eks.", "Custom::AWSCDKOpenIdConnectProvider", "AWSCDKCfnUtilsProvider",
    ];

    /// <summary>Applies the runtime and log groups to the functions under <paramref name="scope"/> and to the stack's CDK singletons.</summary>
    public static void Configure(IConstruct scope)
    {
        var stack = Stack.Of(scope);
        var singletons = stack.Node.Children.Where(c =>
        {
            var id = c.Node.Id;
            return SingletonIdPrefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal));
        }).ToList();
        // Under the construct every function is a CfnFunction, which the type of the returned object tells without a
        // call into the CDK runtime; only the singletons hold plain CfnResources of the function type
        // (CustomResourceProvider), so only their few resources are asked for their type.
        var functions = scope.Node.FindAll().OfType<Amazon.CDK.AWS.Lambda.CfnFunction>().Cast<CfnResource>()
            .Concat(singletons.SelectMany(s => s.Node.FindAll().OfType<CfnResource>().Where(r => CfnResourceTypes.Of(r) == FunctionType)));
        foreach (var function in functions) Configure(function);

        foreach (var singleton in singletons) SuppressSingletonFindings(singleton);
    }

    /// <summary>The cdk-nag reasons for what the CDK builds in its singletons, once per stack.</summary>
    private static void SuppressSingletonFindings(IConstruct singleton)
    {
        var logRetention = singleton.Node.Id.StartsWith("LogRetention", StringComparison.Ordinal);
        foreach (var resource in singleton.Node.FindAll().OfType<CfnResource>())
        {
            var type = CfnResourceTypes.Of(resource);
            if (type == "AWS::IAM::Role" && !NagSuppressions.Has(resource, "AwsSolutions-IAM4"))
                NagSuppressions.Add(resource, NagSuppressions.LambdaBasicExecutionRole);
            if (type == "AWS::IAM::Policy" && logRetention && !NagSuppressions.Has(resource, "AwsSolutions-IAM5"))
                NagSuppressions.Add(resource, new NagSuppression("AwsSolutions-IAM5",
                    "The CDK's log-retention function sets the retention of log groups that RDS creates at run time under names CloudFormation does not know in advance (logs:PutRetentionPolicy, logs:DeleteRetentionPolicy), hence Resource '*'.",
                    "Resource::*"));
        }
    }

    private static void Configure(CfnResource function)
    {
        var parent = (Construct)function.Node.Scope!;
        if (parent.Node.TryFindChild(LogGroupId) is not null) return;

        // Ours and the CDK's framework and singleton handlers are Node.js, some of them plain CfnResources
        // (CustomResourceProvider), hence a property override rather than CfnFunction.Runtime; the EKS kubectl handler
        // is Python.
        var python = function is Amazon.CDK.AWS.Lambda.CfnFunction { Runtime: { } runtime } && runtime.StartsWith("python", StringComparison.Ordinal);
        function.AddPropertyOverride("Runtime", python ? PythonLambdaRuntime.Python.Name : LambdaRuntime.NodeJs.Name);
        var logs = new LogGroup(parent, LogGroupId, new LogGroupProps
        {
            Retention = RetentionDays.ONE_MONTH,
            // Operational logs of deployment-time functions: removed with the stack, unlike the application's logs.
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        function.AddPropertyOverride("LoggingConfig.LogGroup", logs.LogGroupName);
    }
}
