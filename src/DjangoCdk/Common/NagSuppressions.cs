using Amazon.CDK;
using Constructs;

namespace DjangoCdk;

/// <summary>A cdk-nag rule DjangoCdk suppresses on one resource, with the reason a reviewer reads.</summary>
/// <param name="Id">The rule, e.g. <c>AwsSolutions-IAM5</c>.</param>
/// <param name="Reason">Why the finding is acceptable for this resource.</param>
/// <param name="AppliesTo">
/// For granular rules (IAM4, IAM5) the findings the reason covers: exact strings such as <c>Resource::*</c>, or
/// <c>/pattern/</c> for a regular expression. Empty means every finding of the rule.
/// </param>
internal sealed record NagSuppression(string Id, string Reason, params string[] AppliesTo);

/// <summary>
/// Writes cdk-nag suppressions as <c>cdk_nag</c> resource metadata, the shape cdk-nag reads from a template.
/// Suppressions live beside the resource they excuse so a reviewer sees the reason where the finding would be.
/// </summary>
internal static class NagSuppressions
{
    private const string MetadataKey = "cdk_nag";

    /// <summary>
    /// The partition in an ARN as cdk-nag reports it: <c>&lt;AWS::Partition&gt;</c> in an environment-agnostic stack,
    /// the literal (<c>aws</c>, <c>aws-cn</c>, ...) when the region is known and partition literals are on.
    /// </summary>
    public const string Partition = "(?:<AWS::Partition>|aws[a-z-]*)";

    /// <summary>The account in an ARN as cdk-nag reports it: <c>&lt;AWS::AccountId&gt;</c>, or the stack's 12 digits.</summary>
    public const string Account = @"(?:<AWS::AccountId>|\d{12})";

    /// <summary>The region in an ARN as cdk-nag reports it: <c>&lt;AWS::Region&gt;</c>, or the stack's region.</summary>
    public const string Region = @"(?:<AWS::Region>|[a-z]{2}(?:-[a-z]+)+-\d)";

    /// <summary>The IAM4 finding of an AWS-managed policy, in both environment forms, e.g. <c>service-role/AWSLambdaBasicExecutionRole</c>.</summary>
    public static string ManagedPolicy(string name) => $"/^Policy::arn:{Partition}:iam::aws:policy\\/{name.Replace("/", "\\/")}$/";

    /// <summary>IAM4 on a Lambda role that carries only the AWS-managed basic execution policy.</summary>
    public static readonly NagSuppression LambdaBasicExecutionRole = new("AwsSolutions-IAM4",
        "AWSLambdaBasicExecutionRole only lets the function write its own CloudWatch logs; it is the AWS-maintained minimum for Lambda.",
        ManagedPolicy("service-role/AWSLambdaBasicExecutionRole"));

    /// <summary>Adds the suppressions to the CloudFormation resource behind <paramref name="construct"/>.</summary>
    public static void Add(IConstruct construct, params NagSuppression[] suppressions)
    {
        var resource = construct as CfnResource ?? construct.Node.DefaultChild as CfnResource
            ?? throw new InvalidOperationException($"{construct.Node.Path} has no CloudFormation resource to suppress findings on.");
        AddTo(resource, suppressions);
    }

    /// <summary>Adds the suppressions to every CloudFormation resource in the subtree of <paramref name="construct"/>.</summary>
    public static void AddToTree(IConstruct construct, params NagSuppression[] suppressions)
    {
        foreach (var child in construct.Node.FindAll())
        {
            if (child is CfnResource resource) AddTo(resource, suppressions);
        }
    }

    /// <summary>The synthesized logical ID of the resource behind <paramref name="construct"/>, as findings name it.</summary>
    public static string LogicalId(IConstruct construct)
    {
        var element = construct as CfnElement ?? (CfnElement)construct.Node.DefaultChild!;
        var stack = Stack.Of(construct);
        return (string)stack.Resolve(stack.GetLogicalId(element));
    }

    private static bool IsRegex(string appliesTo) => appliesTo.Length > 2 && appliesTo[0] == '/' && appliesTo.LastIndexOf('/') > 0;

    /// <summary>Whether <paramref name="resource"/> already suppresses <paramref name="ruleId"/>.</summary>
    public static bool Has(CfnResource resource, string ruleId) =>
        Existing(resource).OfType<IDictionary<string, object>>().Any(r => r.TryGetValue("id", out var id) && Equals(id, ruleId));

    /// <summary>
    /// What each resource's metadata holds, as last written here: a resource is read from the CDK runtime once, not
    /// before every write (each read and write is a call from .NET into the runtime; an EKS stack makes hundreds).
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CfnResource, List<object>> Written = [];

    private static List<object> Existing(CfnResource resource)
    {
        if (Written.TryGetValue(resource, out var known)) return known;
        var existing = resource.GetMetadata(MetadataKey) is IDictionary<string, object> current &&
            current.TryGetValue("rules_to_suppress", out var rules) && rules is IEnumerable<object> list
                ? list.ToList()
                : [];
        Written.AddOrUpdate(resource, existing);
        return existing;
    }

    private static void AddTo(CfnResource resource, NagSuppression[] suppressions)
    {
        var existing = Existing(resource);

        foreach (var s in suppressions)
        {
            var entry = new Dictionary<string, object> { ["id"] = s.Id, ["reason"] = s.Reason };
            if (s.AppliesTo.Length > 0)
                entry["applies_to"] = s.AppliesTo.Select(a => IsRegex(a) ? new Dictionary<string, object> { ["regex"] = a } : (object)a).ToArray();
            existing.Add(entry);
        }

        resource.AddMetadata(MetadataKey, new Dictionary<string, object> { ["rules_to_suppress"] = existing.ToArray() });
    }
}
