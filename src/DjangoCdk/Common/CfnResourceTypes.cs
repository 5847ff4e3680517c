using Amazon.CDK;

namespace DjangoCdk;

/// <summary>
/// The CloudFormation type of a resource, asked of the CDK runtime once per .NET class: every L1 class (CfnRole,
/// CfnFunction ...) stands for one type, so only plain <see cref="CfnResource"/>s (the CDK's own custom-resource
/// providers) are asked each time. Walking a stack's resources asked once per resource before: each ask is a call
/// from .NET into the runtime.
/// </summary>
internal static class CfnResourceTypes
{
    private static readonly Dictionary<Type, string> ByClass = [];

    /// <summary>The resource's CloudFormation type, e.g. "AWS::IAM::Role".</summary>
    public static string Of(CfnResource resource)
    {
        var type = resource.GetType();
        if (type == typeof(CfnResource)) return resource.CfnResourceType;
        if (!ByClass.TryGetValue(type, out var name)) ByClass[type] = name = resource.CfnResourceType;
        return name;
    }
}
