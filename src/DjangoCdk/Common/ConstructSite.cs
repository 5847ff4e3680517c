using Amazon.CDK;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// Where props are validated: the construct path that error messages name, and the stack's account and region
/// (tokens when the stack is environment-agnostic). Plain values, so settings resolve without the CDK runtime.
/// </summary>
internal sealed record ConstructSite(string Path, string Account, string Region)
{
    /// <summary>Whether the stack has a concrete account and region, as lookups need.</summary>
    public bool HasEnvironment => !Tokens.IsUnresolved(Account) && !Tokens.IsUnresolved(Region);

    /// <summary>Whether the stack's region is concrete.</summary>
    public bool HasRegion => !Tokens.IsUnresolved(Region);

    /// <summary>The site of <paramref name="scope"/>, which the constructor has just created.</summary>
    public static ConstructSite Of(IConstruct scope)
    {
        var stack = Stack.Of(scope);
        return new ConstructSite(scope.Node.Path, stack.Account, stack.Region);
    }
}
