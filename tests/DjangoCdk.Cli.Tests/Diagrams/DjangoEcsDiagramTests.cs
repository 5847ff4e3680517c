using DjangoCdk.Cli;
using Xunit;

namespace DjangoCdk.Cli.Tests.Diagrams;

/// <summary>A DjangoEcs with two workers and beat, synthesized once and drawn.</summary>
public sealed class DjangoEcsDiagramFixture : IDisposable
{
    private readonly TempDirectory output = new();

    public DjangoEcsDiagramFixture()
    {
        Stacks = DiagramStacks.Synthesize(output.Path, stack => _ = new DjangoEcs(stack, "App", new DjangoEcsProps
        {
            ImageDirectory = DiagramStacks.Backend,
            UseCeleryBeat = true,
            CeleryWorkers =
            [
                new CeleryWorkerOptions(),
                new CeleryWorkerOptions { Name = "bulk", Queues = ["bulk", "reports"], Cpu = 1024, MemoryMiB = 2048, UseSpot = true },
            ],
        }));
        Diagram = DiagramBuilder.Build(Stacks);
    }

    public IReadOnlyList<SynthesizedStack> Stacks { get; }

    public ArchitectureDiagram Diagram { get; }

    public void Dispose() => output.Dispose();
}

public sealed class DjangoEcsDiagramTests(DjangoEcsDiagramFixture fixture) : IClassFixture<DjangoEcsDiagramFixture>
{
    private ArchitectureDiagram Diagram => fixture.Diagram;

    [Fact]
    public void The_web_service_is_drawn_with_its_Fargate_size()
    {
        // Given a DjangoEcs with the default web size
        // When it is drawn
        var web = DiagramAssert.Node(Diagram, NodeKind.WebService);

        // Then the web node names the platform and the size
        Assert.Equal("web (ECS Fargate, 0.5 vCPU / 1 GB)", web.Label);
    }

    [Fact]
    public void Each_Celery_worker_is_a_node_with_its_queues()
    {
        // Given the default worker and a "bulk" worker on two queues, on Spot
        // When it is drawn
        var standard = DiagramAssert.Node(Diagram, NodeKind.Worker, "worker:");
        var bulk = DiagramAssert.Node(Diagram, NodeKind.Worker, "worker bulk:");

        // Then each worker shows its queues and size
        Assert.Equal("worker: queues celery (ECS Fargate, 0.5 vCPU / 1 GB)", standard.Label);
        Assert.Equal("worker bulk: queues bulk, reports (ECS Fargate Spot, 1 vCPU / 2 GB)", bulk.Label);
    }

    [Fact]
    public void Beat_and_the_release_phase_are_nodes()
    {
        // Given UseCeleryBeat and the default release commands
        // When it is drawn
        var beat = DiagramAssert.Node(Diagram, NodeKind.Beat);
        var release = DiagramAssert.Node(Diagram, NodeKind.Release);

        // Then beat is a service and the release phase lists its steps
        Assert.StartsWith("beat (ECS Fargate", beat.Label);
        Assert.Equal("release: migrate, collectstatic (ECS tasks, before each deployment)", release.Label);
    }

    [Fact]
    public void The_data_stores_are_PostgreSQL_Redis_and_the_static_bucket()
    {
        // Given a DjangoEcs with default data stores
        // When it is drawn
        var database = DiagramAssert.Node(Diagram, NodeKind.Database);
        var cache = DiagramAssert.Node(Diagram, NodeKind.Cache);
        var bucket = DiagramAssert.Node(Diagram, NodeKind.Bucket);

        // Then each names its engine and size, and the access-logs bucket is left out
        Assert.StartsWith("PostgreSQL", database.Label);
        Assert.Contains("(RDS db.", database.Label);
        Assert.StartsWith("Redis", cache.Label);
        Assert.Contains("(ElastiCache cache.", cache.Label);
        Assert.Equal("S3 bucket: static and media files", bucket.Label);
    }

    [Fact]
    public void The_load_balancer_sends_requests_to_web()
    {
        // Given a DjangoEcs without a domain
        // When it is drawn
        var alb = DiagramAssert.Node(Diagram, NodeKind.LoadBalancer);
        var web = DiagramAssert.Node(Diagram, NodeKind.WebService);

        // Then users reach the plain-HTTP load balancer, which forwards to web
        Assert.Equal("Application Load Balancer (HTTP)", alb.Label);
        DiagramAssert.Edge(Diagram, DiagramAssert.Node(Diagram, NodeKind.Users), alb);
        DiagramAssert.Edge(Diagram, alb, web);
    }

    [Fact]
    public void Web_connects_to_the_database_cache_and_bucket()
    {
        // Given a DjangoEcs
        // When it is drawn
        var web = DiagramAssert.Node(Diagram, NodeKind.WebService);

        // Then web has an edge to each data store
        DiagramAssert.Edge(Diagram, web, DiagramAssert.Node(Diagram, NodeKind.Database));
        DiagramAssert.Edge(Diagram, web, DiagramAssert.Node(Diagram, NodeKind.Cache));
        DiagramAssert.Edge(Diagram, web, DiagramAssert.Node(Diagram, NodeKind.Bucket));
    }

    [Fact]
    public void Workers_beat_and_release_connect_to_the_cache_and_database()
    {
        // Given a DjangoEcs with workers, beat and a release phase
        // When it is drawn
        var cache = DiagramAssert.Node(Diagram, NodeKind.Cache);
        var database = DiagramAssert.Node(Diagram, NodeKind.Database);

        // Then every background process reaches Redis and PostgreSQL
        foreach (var worker in Diagram.Nodes.Where(n => n.Kind == NodeKind.Worker)) DiagramAssert.Edge(Diagram, worker, cache);
        DiagramAssert.Edge(Diagram, DiagramAssert.Node(Diagram, NodeKind.Beat), cache);
        DiagramAssert.Edge(Diagram, DiagramAssert.Node(Diagram, NodeKind.Release), database);
    }

    [Fact]
    public void Node_ids_come_from_the_stack_and_construct_path()
    {
        // Given the stack "S" and the construct "App"
        // When it is drawn
        var ids = Diagram.Nodes.Select(n => n.Id).ToList();

        // Then the IDs are stable names, safe for Mermaid and DOT
        var stack = DiagramStacks.IdPrefix(fixture.Stacks[0]);
        Assert.Contains($"{stack}_App_web", ids);
        Assert.Contains($"{stack}_App_worker_bulk", ids);
        Assert.Contains($"{stack}_App_database", ids);
        Assert.All(ids, id => Assert.Matches("^[A-Za-z_][A-Za-z0-9_]*$", id));
    }

    [Fact]
    public void The_nodes_are_grouped_by_stack()
    {
        // Given one stack in us-east-1
        // When it is drawn
        var group = Assert.Single(Diagram.Groups);

        // Then the group is named after the stack and its region, and every node but the users sits in it
        var stack = fixture.Stacks[0];
        Assert.Equal(new DiagramGroup("stack_" + DiagramStacks.IdPrefix(stack), $"{stack.StackName} (us-east-1)"), group);
        Assert.All(Diagram.Nodes.Where(n => n.Kind != NodeKind.Users), n => Assert.Equal(group.Id, n.GroupId));
    }

    [Fact]
    public void Monitoring_adds_no_node_as_it_is_not_on_the_request_path()
    {
        // Given a DjangoEcs with its monitoring defaults: an alarm topic, a dashboard, a queue-depth publisher reading Redis
        Assert.Contains(fixture.Stacks[0].Resources, r => (string?)r.Resource["Type"] == "AWS::SNS::Topic");
        Assert.Contains(fixture.Stacks[0].Resources, r => (string?)r.Resource["Type"] == "AWS::CloudWatch::Dashboard");

        // When it is drawn
        // Then the diagram holds what serves requests and keeps data, one node each: no topic, dashboard or publisher
        Assert.Equal(
            [NodeKind.Users, NodeKind.LoadBalancer, NodeKind.WebService, NodeKind.Worker, NodeKind.Worker, NodeKind.Beat, NodeKind.Release, NodeKind.Database, NodeKind.Cache, NodeKind.Bucket],
            Diagram.Nodes.Select(n => n.Kind).Order());
    }
}
