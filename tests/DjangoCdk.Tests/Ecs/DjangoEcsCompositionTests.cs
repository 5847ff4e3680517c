using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.EC2;
using DjangoCdk.Tests.TestSupport;
using Xunit;

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
    public void An_existing_vpc_is_used_instead_of_a_new_one()
    {
        var stack = TestStacks.New();
        var vpc = new Vpc(stack, "Existing", new VpcProps { MaxAzs = 2 });
        var django = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, Vpc = vpc });
        Assert.Same(vpc, django.Vpc);
        stack.Template().ResourceCountIs("AWS::EC2::VPC", 1);
    }

    [Fact]
    public void Data_stores_fall_back_to_private_subnets_in_a_vpc_without_isolated_ones()
    {
        var stack = TestStacks.New();
        var vpc = new Vpc(stack, "Existing", new VpcProps { MaxAzs = 2 });
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, Vpc = vpc });
        var json = new TemplateJson(stack.Template());
        var subnets = json.OfType("AWS::RDS::DBSubnetGroup").Single().Value["Properties"]!["SubnetIds"]!.AsArray();
        Assert.All(subnets, s => Assert.Contains("PrivateSubnet", (string?)s!["Ref"]));
    }

    [Fact]
    public void Nat_instance_strategy_replaces_the_nat_gateway()
    {
        var stack = TestStacks.New();
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, NatStrategy = NatStrategy.Instance });
        var template = stack.Template();
        template.ResourceCountIs("AWS::EC2::NatGateway", 0);
        template.HasResourceProperties("AWS::EC2::Instance", Match.ObjectLike(new Dictionary<string, object> { ["InstanceType"] = "t4g.nano" }));
    }

    [Fact]
    public void Nat_instance_root_volume_is_encrypted()
    {
        var stack = TestStacks.New();
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, NatStrategy = NatStrategy.Instance });
        var instance = new TemplateJson(stack.Template()).OfType("AWS::EC2::Instance").Single().Value["Properties"]!;
        Assert.True((bool)instance["BlockDeviceMappings"]![0]!["Ebs"]!["Encrypted"]!);
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
    public void Release_timeout_in_seconds_reaches_the_waiter_unrounded()
    {
        var stack = TestStacks.New();
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, ReleaseTimeout = Duration.Seconds(90) });
        var step = new TemplateJson(stack.Template()).OfType("Custom::DjangoRelease").First().Value["Properties"]!;
        Assert.Equal("90", (string?)step["TimeoutSeconds"]);
    }

    [Fact]
    public void A_chosen_bucket_name_is_used_for_the_static_and_media_bucket()
    {
        var stack = TestStacks.New();
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, BucketName = "ublog-media-eu" });
        stack.Template().HasResourceProperties("AWS::S3::Bucket", Match.ObjectLike(new Dictionary<string, object> { ["BucketName"] = "ublog-media-eu" }));
    }

    [Fact]
    public void Custom_release_commands_run_in_the_given_order()
    {
        var stack = TestStacks.New();
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps
        {
            ImageDirectory = TestStacks.Backend,
            ReleaseCommands = [["python", "manage.py", "migrate"], ["python", "manage.py", "createcachetable"], ["./scripts/seed.sh"]],
        });
        var steps = new TemplateJson(stack.Template()).OfType("Custom::DjangoRelease").OrderBy(s => s.Key).Select(s => (string?)s.Value["Properties"]!["Name"]).ToList();
        Assert.Equal(["migrate", "createcachetable", "seed.sh"], steps);
    }

    [Fact]
    public void Construct_ids_of_the_main_resources_are_stable()
    {
        var stack = TestStacks.New();
        var django = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend });
        Assert.Equal("Test/Django/Web", django.WebService.Node.Path);
        Assert.Equal("Test/Django/Database", django.Database.Node.Path);
        Assert.Equal("Test/Django/Cluster", django.Cluster.Node.Path);
        Assert.Equal("Test/Django/StaticFiles", django.StaticFileBucket.Node.Path);
        Assert.Equal("Test/Django/LoadBalancer", django.LoadBalancer.Node.Path);
        Assert.Equal("Test/Django/Release/Step1", django.ReleaseSteps[0].Node.Path);
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
        var json = new TemplateJson(stack.Template());
        var group = json.OfType("AWS::EC2::SecurityGroup").Single(g => g.Key.StartsWith("DjangoLoadBalancer")).Value;
        Assert.Null(group["Properties"]!["SecurityGroupIngress"]);
        Assert.Single(json.OfType("AWS::ElasticLoadBalancingV2::Listener"));
    }
}

