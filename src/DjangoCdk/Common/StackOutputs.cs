using System.Text.RegularExpressions;
using Amazon.CDK;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// Stack outputs under keys people can find in the console and in <c>cdk deploy</c>'s output: the construct's path
/// below its stack, then the output's name (<c>DjangoSiteUrl</c>, <c>SiteDjangoRunManagementCommand</c>), instead of
/// the CDK's default key with a hash suffix. Outputs hold no state, so their keys may change between versions.
/// </summary>
internal static partial class StackOutputs
{
    public static CfnOutput Add(Construct owner, string name, string value, string description)
    {
        var output = new CfnOutput(owner, name, new CfnOutputProps { Value = value, Description = description });
        output.OverrideLogicalId(Key(owner, name));
        return output;
    }

    /// <summary>The output key: every path segment below the stack and the name, letters and digits only.</summary>
    public static string Key(IConstruct owner, string name)
    {
        var stack = Stack.Of(owner);
        var segments = owner.Node.Scopes.SkipWhile(s => s != stack).Skip(1).Select(s => s.Node.Id).Append(name);
        return NotAlphanumeric().Replace(string.Concat(segments), "");
    }

    [GeneratedRegex("[^A-Za-z0-9]")]
    private static partial Regex NotAlphanumeric();
}
