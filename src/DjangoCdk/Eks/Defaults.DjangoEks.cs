namespace DjangoCdk;

/// <summary>The defaults of <see cref="DjangoEks"/>; docs/eks.md and the README document the same values.</summary>
internal static partial class Defaults
{
    /// <summary>Graviton, 2 vCPUs and 4 GiB: room for two web pods, a worker and the add-ons on two nodes.</summary>
    public const string EksNodeInstanceType = "t4g.medium";

    public const int EksNodeMinSize = 2;
    public const int EksNodeMaxSize = 4;
    public const int EksNodeDiskSizeGiB = 30;

    /// <summary>Two web pods: a node drain or a zone failure keeps one serving (the PodDisruptionBudget allows one down).</summary>
    public const int EksWebMinCount = 2;

    /// <summary>The namespace of the application's objects.</summary>
    public const string EksNamespace = "app";

    /// <summary>Seconds a web pod gets to finish requests after SIGTERM (gunicorn's graceful timeout is 30 s).</summary>
    public const int EksWebTerminationGraceSeconds = 45;

    /// <summary>How long a finished release Job is kept for <c>kubectl logs</c> before Kubernetes deletes it.</summary>
    public const int EksReleaseJobTtlSeconds = 86400;
}
