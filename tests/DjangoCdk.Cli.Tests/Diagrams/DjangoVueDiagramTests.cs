using DjangoCdk.Cli;
using Xunit;

namespace DjangoCdk.Cli.Tests.Diagrams;

/// <summary>A DjangoVue on app.example.com, synthesized once and drawn.</summary>
public sealed class DjangoVueDiagramFixture : IDisposable
{
    private readonly TempDirectory output = new();

    public DjangoVueDiagramFixture()
    {
        var stacks = DiagramStacks.Synthesize(output.Path, stack => _ = new DjangoVue(stack, "Site", new DjangoVueProps
        {
            DomainName = "app.example.com",
            ZoneName = "example.com",
            HostedZoneId = "Z0123456789EXAMPLE",
            Django = new DjangoEcsProps { ImageDirectory = DiagramStacks.Backend },
            Frontend = new StaticSiteProps { PathToDist = DiagramStacks.FrontendDist },
        }));
        Diagram = DiagramBuilder.Build(stacks);
    }

    public ArchitectureDiagram Diagram { get; }

    public void Dispose() => output.Dispose();
}

public sealed class DjangoVueDiagramTests(DjangoVueDiagramFixture fixture) : IClassFixture<DjangoVueDiagramFixture>
{
    private ArchitectureDiagram Diagram => fixture.Diagram;

    [Fact]
    public void Users_reach_CloudFront_through_the_site_name()
    {
        // Given a DjangoVue on app.example.com
        // When it is drawn
        var dns = DiagramAssert.Node(Diagram, NodeKind.Dns);
        var cdn = DiagramAssert.Node(Diagram, NodeKind.Cdn);

        // Then users → app.example.com (its A and AAAA records as one node) → CloudFront
        Assert.Equal("app.example.com (Route 53 A, AAAA, zone Z0123456789EXAMPLE)", dns.Label);
        Assert.Equal("CloudFront distribution (app.example.com)", cdn.Label);
        DiagramAssert.Edge(Diagram, DiagramAssert.Node(Diagram, NodeKind.Users), dns);
        DiagramAssert.Edge(Diagram, dns, cdn);
    }

    [Fact]
    public void CloudFront_forwards_the_API_to_the_load_balancer()
    {
        // Given Django behind CloudFront on its origin name
        // When it is drawn
        var cdn = DiagramAssert.Node(Diagram, NodeKind.Cdn);
        var alb = DiagramAssert.Node(Diagram, NodeKind.LoadBalancer);

        // Then CloudFront → ALB, labelled with the origin name, and users do not reach the ALB directly
        var edge = Assert.Single(Diagram.Edges, e => e.From == cdn.Id && e.To == alb.Id);
        Assert.Equal("origin.app.example.com", edge.Label);
        Assert.DoesNotContain(Diagram.Edges, e => e.From == DiagramBuilder.UsersNodeId && e.To == alb.Id);
        DiagramAssert.Edge(Diagram, alb, DiagramAssert.Node(Diagram, NodeKind.WebService));
    }

    [Fact]
    public void CloudFront_serves_the_app_and_the_assets_from_their_buckets()
    {
        // Given the SPA bucket and Django's static bucket as CloudFront origins
        // When it is drawn
        var cdn = DiagramAssert.Node(Diagram, NodeKind.Cdn);

        // Then CloudFront has an edge to each
        DiagramAssert.Edge(Diagram, cdn, DiagramAssert.Node(Diagram, NodeKind.Bucket, "S3 bucket: the single-page app"));
        DiagramAssert.Edge(Diagram, cdn, DiagramAssert.Node(Diagram, NodeKind.Bucket, "S3 bucket: static and media files"));
    }

    [Fact]
    public void The_origin_record_is_not_a_separate_DNS_node()
    {
        // Given the origin.app.example.com record only CloudFront resolves
        // When it is drawn
        var names = Diagram.Nodes.Where(n => n.Kind == NodeKind.Dns).Select(n => n.Label);

        // Then it shows only as the label of the CloudFront → ALB edge
        Assert.DoesNotContain(names, n => n.StartsWith("origin.", StringComparison.Ordinal));
    }
}
