using Amazon.CDK.AWS.EKS;

namespace DjangoCdk;

/// <summary>One release command and the Kubernetes Job that runs it.</summary>
/// <param name="Command">The command, for the step's name and for messages (e.g. <c>python manage.py migrate --no-input</c>).</param>
/// <param name="JobManifest">
/// A <c>batch/v1</c> Job as JSON-ready nested <see cref="Dictionary{TKey,TValue}"/> of string to object and
/// <c>object[]</c>, without <c>metadata.name</c>: the handler names each run (<c>release-&lt;step&gt;-&lt;random&gt;</c>)
/// and sets <c>metadata.namespace</c>. It should set <c>backoffLimit</c> (0: a failed migration is not retried) and
/// <c>ttlSecondsAfterFinished</c>, since nothing else removes finished Jobs. Values may be tokens (an image URI).
/// </param>
internal sealed record EksReleaseStep(string[] Command, IDictionary<string, object> JobManifest);

/// <summary>What the EKS release phase runs, and where.</summary>
/// <param name="Cluster">The cluster; its name, endpoint and CA reach the handler as properties, so an imported cluster needs those attributes.</param>
/// <param name="Namespace">The application's namespace: the Jobs run there, and the handler may act in no other.</param>
/// <param name="Steps">The commands in the order they run (migrate, then collectstatic).</param>
/// <param name="TimeoutSeconds">How long one step may take before its Job is deleted and the deployment fails; at most <see cref="ReleaseProvider.MaxTaskTimeoutSeconds"/>.</param>
/// <param name="Skip">Report every step as done without running it (a recovery switch).</param>
internal sealed record EksReleasePhaseOptions(ICluster Cluster, string Namespace, IReadOnlyList<EksReleaseStep> Steps, int TimeoutSeconds, bool Skip);
