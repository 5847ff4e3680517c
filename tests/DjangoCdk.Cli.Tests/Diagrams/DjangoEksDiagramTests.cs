using DjangoCdk.Cli;
using Xunit;

namespace DjangoCdk.Cli.Tests.Diagrams;

/// <summary>
/// The DjangoEks sample's template, trimmed to the resources the diagram reads (Fixtures/DjangoEks): building a
/// DjangoEks in-process needs the kubectl layer, so these facts read what the sample app synthesized. Regenerate the
/// fixture from cdk.out/DjangoEks.template.json when the construct's manifests change.
/// </summary>
public sealed class DjangoEksDiagramTests
{
    private static readonly ArchitectureDiagram Diagram = DiagramBuilder.Build(
        CloudAssemblyReader.Read(Path.Combine(DiagramStacks.RepositoryRoot, "tests", "DjangoCdk.Cli.Tests", "Diagrams", "Fixtures", "DjangoEks")));

    [Fact]
    public void The_Ingress_is_drawn_as_the_load_balancer_in_front_of_web()
    {
        // Given the web Deployment and its Ingress in the cluster's manifests
        // When the template is drawn
        var alb = DiagramAssert.Node(Diagram, NodeKind.LoadBalancer);
        var web = DiagramAssert.Node(Diagram, NodeKind.WebService);

        // Then the Ingress's load balancer forwards to the web Deployment, sized by its requests
        Assert.Equal("Application Load Balancer (HTTPS, Kubernetes Ingress through the AWS Load Balancer Controller)", alb.Label);
        Assert.Equal("web (EKS Deployment, 500m CPU / 1Gi)", web.Label);
        DiagramAssert.Edge(Diagram, alb, web);
    }

    [Fact]
    public void The_Ingress_host_is_the_DNS_name_external_dns_creates()
    {
        // Given the Ingress rule for api.example.com
        // When the template is drawn
        var dns = DiagramAssert.Node(Diagram, NodeKind.Dns);

        // Then users → api.example.com → load balancer
        Assert.Equal("api.example.com (Route 53, records made by external-dns)", dns.Label);
        DiagramAssert.Edge(Diagram, DiagramAssert.Node(Diagram, NodeKind.Users), dns);
        DiagramAssert.Edge(Diagram, dns, DiagramAssert.Node(Diagram, NodeKind.LoadBalancer));
    }

    [Fact]
    public void Workers_beat_and_the_release_Jobs_connect_to_the_data_stores()
    {
        // Given the worker and beat Deployments and the release phase's Jobs
        // When the template is drawn
        var worker = DiagramAssert.Node(Diagram, NodeKind.Worker);
        var release = DiagramAssert.Node(Diagram, NodeKind.Release);

        // Then each is a node with an edge to Redis and PostgreSQL
        Assert.Equal("worker: queues celery (EKS Deployment, 500m CPU / 1Gi)", worker.Label);
        Assert.Equal("release: migrate, collectstatic (Kubernetes Jobs, before each deployment)", release.Label);
        DiagramAssert.Edge(Diagram, worker, DiagramAssert.Node(Diagram, NodeKind.Cache));
        DiagramAssert.Edge(Diagram, DiagramAssert.Node(Diagram, NodeKind.Beat), DiagramAssert.Node(Diagram, NodeKind.Cache));
        DiagramAssert.Edge(Diagram, release, DiagramAssert.Node(Diagram, NodeKind.Database));
    }
}
