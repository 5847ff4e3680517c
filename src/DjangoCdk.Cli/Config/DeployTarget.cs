using Constructs;

namespace DjangoCdk.Cli;

/// <summary>One value of <c>target:</c>: which construct the config deploys and the type of its props section.</summary>
/// <param name="Name">The value of <c>target:</c>, also the name of the props section.</param>
/// <param name="PropsType">The construct's props type, bound from the section.</param>
/// <param name="Description">One line for help and the schema.</param>
/// <param name="Create">Creates the construct in a stack.</param>
public sealed record DeployTarget(string Name, Type PropsType, string Description, Func<Construct, string, object, Construct> Create)
{
    /// <summary>The construct ID of the app in its stack: stable, since it is part of every logical ID.</summary>
    public const string ConstructId = "App";
}
