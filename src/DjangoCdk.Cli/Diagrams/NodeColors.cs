namespace DjangoCdk.Cli;

/// <summary>One fill colour per family of <see cref="NodeKind"/>, shared by the renderers so both formats read alike.</summary>
internal static class NodeColors
{
    public static string Fill(NodeKind kind) => kind switch
    {
        NodeKind.Users => "#ffffff",
        NodeKind.Dns or NodeKind.Cdn or NodeKind.LoadBalancer => "#ede9fe",
        NodeKind.WebService or NodeKind.Worker or NodeKind.Beat or NodeKind.Release or NodeKind.Host => "#ffedd5",
        NodeKind.Database or NodeKind.Cache => "#dbeafe",
        NodeKind.Bucket => "#dcfce7",
        NodeKind.IamUser => "#fee2e2",
        _ => "#f5f5f5",
    };
}
