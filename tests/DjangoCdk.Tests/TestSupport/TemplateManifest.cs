using System.Text.Json.Nodes;

namespace DjangoCdk.Tests.TestSupport;

/// <summary>One Kubernetes manifest of a synthesized template (see <see cref="KubernetesManifests"/>).</summary>
/// <param name="LogicalId">The logical ID of the <c>Custom::AWSCDK-EKS-KubernetesResource</c> that applies it.</param>
/// <param name="Index">Its position in that resource's manifest array.</param>
/// <param name="Body">The manifest, tokens read as <see cref="KubernetesManifests.Placeholder"/>.</param>
internal sealed record TemplateManifest(string LogicalId, int Index, JsonObject Body);
