using DjangoCdk.Cli;
using Xunit;

namespace DjangoCdk.Cli.Tests.Diagrams;

/// <summary>A DockerEc2 on blog.example.com, synthesized once (its Amazon Linux lookup answered) and drawn.</summary>
public sealed class DockerEc2DiagramFixture : IDisposable
{
    private readonly TempDirectory output = new();

    public DockerEc2DiagramFixture()
    {
        var image = "ami-0123456789abcdef0";
        var context = new Dictionary<string, object>
        {
            [$"ssm:account={DiagramStacks.Account}:parameterName=/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64:region={DiagramStacks.Region}"] = image,
            [$"ssm:account={DiagramStacks.Account}:parameterName=/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-arm64:region={DiagramStacks.Region}"] = image,
        };
        var stacks = DiagramStacks.Synthesize(output.Path, stack => _ = new DockerEc2(stack, "Host", new DockerEc2Props
        {
            ImageDirectory = DiagramStacks.Backend,
            DomainName = "blog.example.com",
            ZoneName = "example.com",
            HostedZoneId = "Z0123456789EXAMPLE",
        }), context);
        Diagram = DiagramBuilder.Build(stacks);
    }

    public ArchitectureDiagram Diagram { get; }

    public void Dispose() => output.Dispose();
}

public sealed class DockerEc2DiagramTests(DockerEc2DiagramFixture fixture) : IClassFixture<DockerEc2DiagramFixture>
{
    private ArchitectureDiagram Diagram => fixture.Diagram;

    [Fact]
    public void The_host_is_one_node_naming_what_Docker_Compose_runs()
    {
        // Given a DockerEc2 with the defaults (t4g.small, beat on)
        // When it is drawn
        var host = DiagramAssert.Node(Diagram, NodeKind.Host);

        // Then one node stands for the instance and its containers; no separate database or cache is drawn
        Assert.Equal("Docker host (EC2 t4g.small, Docker Compose): Caddy, web, worker, beat, release, PostgreSQL 17, Redis 7", host.Label);
        Assert.DoesNotContain(Diagram.Nodes, n => n.Kind is NodeKind.Database or NodeKind.Cache or NodeKind.WebService);
    }

    [Fact]
    public void Users_reach_the_host_through_its_DNS_record()
    {
        // Given blog.example.com pointing at the Elastic IP
        // When it is drawn
        var dns = DiagramAssert.Node(Diagram, NodeKind.Dns);
        var host = DiagramAssert.Node(Diagram, NodeKind.Host);

        // Then users → blog.example.com → host
        Assert.StartsWith("blog.example.com (Route 53 A", dns.Label);
        DiagramAssert.Edge(Diagram, DiagramAssert.Node(Diagram, NodeKind.Users), dns);
        DiagramAssert.Edge(Diagram, dns, host);
    }

    [Fact]
    public void The_host_stores_files_in_its_bucket()
    {
        // Given the static and media bucket
        // When it is drawn
        // Then the host has an edge to it
        DiagramAssert.Edge(Diagram, DiagramAssert.Node(Diagram, NodeKind.Host), DiagramAssert.Node(Diagram, NodeKind.Bucket));
    }
}
