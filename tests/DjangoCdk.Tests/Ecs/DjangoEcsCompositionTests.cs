using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.EC2;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;

namespace DjangoCdk.Tests.Ecs;

/// <summary>DjangoEcs next to other constructs: shared stacks, existing VPCs, a disabled release phase.</summary>
public sealed class DjangoEcsCompositionTests
{
    [Fact]
    public void Two_applications_can_share_one_stack()
    {
        // Given one stack / When two DjangoEcs are added / Then both synthesize with their own resources
        var stack = TestStacks.New();
        _ = new DjangoEcs(stack, "Blog", new DjangoEcsProps { ImageDirectory = TestStacks.Backend });
        _ = new DjangoEcs(stack, "Shop", new DjangoEcsProps { ImageDirectory = TestStacks.Backend });
        var template = stack.Template();
        template.ResourceCountIs("AWS::ECS::Cluster", 2);
        template.ResourceCountIs("AWS::RDS::DBInstance", 2);
    }

    [Fact]
    public void An_existing_vpc_is_used_instead_of_a_new_one_and_its_private_subnets_hold_the_data_stores()
    {
        // Given a VPC without isolated subnets
        var stack = TestStacks.New();
        var vpc = new Vpc(stack, "Existing", new VpcProps { MaxAzs = 2 });

        // When DjangoEcs is deployed into it
        var django = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, Vpc = vpc });

        // Then no other VPC is created, and the database falls back to the private subnets
        var template = stack.Template();
        Assert.Same(vpc, django.Vpc);
        template.ResourceCountIs("AWS::EC2::VPC", 1);
        template.HasResourceProperties("AWS::RDS::DBSubnetGroup", Match.ObjectLike(Props(
            ("SubnetIds", vpc.PrivateSubnets.Select(s => (object)Ref(stack.LogicalId(s))).ToArray()))));
    }

    [Fact]
    public void Nat_gateway_per_zone_strategy_creates_two_gateways()
    {
        var stack = TestStacks.New();
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, NatStrategy = NatStrategy.GatewayPerAz });
        stack.Template().ResourceCountIs("AWS::EC2::NatGateway", 2);
    }

    [Fact]
    public void An_empty_release_list_disables_the_release_phase()
    {
        var stack = TestStacks.New();
        var django = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, ReleaseCommands = [] });
        stack.Template().ResourceCountIs("Custom::DjangoRelease", 0);
        Assert.Empty(django.ReleaseSteps);
    }

    [Fact]
    public void An_empty_worker_list_deploys_no_worker()
    {
        var stack = TestStacks.New();
        var django = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, CeleryWorkers = [] });
        stack.Template().ResourceCountIs("AWS::ECS::Service", 1);
        Assert.Empty(django.WorkerServices);
    }

    [Fact]
    public void Construct_ids_of_the_main_resources_are_stable()
    {
        var stack = TestStacks.New();
        var django = new DjangoEcs(stack, "Django", new DjangoEcsProps
        {
            ImageDirectory = TestStacks.Backend,
            CeleryWorkers = [new CeleryWorkerOptions(), new CeleryWorkerOptions { Name = "bulk-mail" }],
        });
        Assert.Equal("Test/Django/Web", django.WebService.Node.Path);
        Assert.Equal("Test/Django/Database", django.Database.Node.Path);
        Assert.Equal("Test/Django/Cluster", django.Cluster.Node.Path);
        Assert.Equal("Test/Django/StaticFiles", django.StaticFileBucket.Node.Path);
        Assert.Equal("Test/Django/LoadBalancer", django.LoadBalancer.Node.Path);
        Assert.Equal("Test/Django/Release/Step1", django.ReleaseSteps[0].Node.Path);
        Assert.Equal(["Test/Django/Worker", "Test/Django/WorkerBulkMail"], django.WorkerServices.Select(s => s.Node.Path));
    }

    [Fact]
    public void A_closed_load_balancer_admits_no_one_and_has_no_redirect_listener()
    {
        // Given OpenLoadBalancer = false, as when a CDN fronts Django
        var stack = TestStacks.New();
        var django = new DjangoEcs(stack, "Django", new DjangoEcsProps
        {
            ImageDirectory = TestStacks.Backend, ApiDomainName = "api.example.com", ZoneName = "example.com", HostedZoneId = "Z1",
            OpenLoadBalancer = false,
        });

        // When the caller adds its own default action (a CDN would add its rule too)
        django.Listener.AddAction("Deny", new Amazon.CDK.AWS.ElasticLoadBalancingV2.AddApplicationActionProps
        {
            Action = Amazon.CDK.AWS.ElasticLoadBalancingV2.ListenerAction.FixedResponse(403),
        });

        // Then the load balancer's security group has no inline ingress and only the HTTPS listener exists
        var template = stack.Template();
        template.HasPropertiesWithId(stack.LogicalId(django.LoadBalancer.Connections.SecurityGroups[0]), ("SecurityGroupIngress", Match.Absent()));
        template.ResourceCountIs("AWS::ElasticLoadBalancingV2::Listener", 1);
        template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Match.ObjectLike(Props(("Port", 443))));
    }
}
