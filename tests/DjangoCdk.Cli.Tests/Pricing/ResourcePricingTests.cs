using Xunit;

namespace DjangoCdk.Cli.Tests.Pricing;

/// <summary>How single resources are priced: Fargate Spot and architectures, EC2, EKS, gaps in the table, nested stacks.</summary>
public sealed class ResourcePricingTests
{
    private const decimal Hours = 730m;

    private static CostEstimate Estimate(params SynthesizedStack[] stacks) =>
        CostEstimator.Estimate(stacks, "us-east-1", PricingTestData.Prices);

    private static string FargateService(string cpu, string memory, string architecture, string serviceProperties) => $$"""
        {
          "Task": { "Type": "AWS::ECS::TaskDefinition", "Properties": {
            "Cpu": "{{cpu}}", "Memory": "{{memory}}", "RequiresCompatibilities": ["FARGATE"],
            "RuntimePlatform": { "CpuArchitecture": "{{architecture}}", "OperatingSystemFamily": "LINUX" },
            "ContainerDefinitions": [ { "Name": "worker" } ] } },
          "Service": { "Type": "AWS::ECS::Service", "Properties": { "TaskDefinition": { "Ref": "Task" }, {{serviceProperties}} } }
        }
        """;

    [Fact]
    public void A_Fargate_Spot_service_gets_the_stated_Spot_discount()
    {
        // Given a 1 vCPU / 2 GB ARM64 worker whose capacity provider strategy is FARGATE_SPOT only
        var stack = PricingTestData.Stack(FargateService("1024", "2048", "ARM64",
            """ "DesiredCount": 1, "CapacityProviderStrategy": [ { "CapacityProvider": "FARGATE_SPOT", "Weight": 1 } ] """));

        // When it is estimated
        var line = Estimate(stack).Line("Service");

        // Then it costs the on-demand price less the table's 70 % Spot discount, stated as an approximation
        Assert.Equal((1m * 0.03238m + 2m * 0.00356m) * Hours * (1 - 0.70m), line.MonthlyUsd);
        Assert.Contains("approximation", line.Note);
        Assert.EndsWith("Fargate Spot", line.Description);
    }

    [Fact]
    public void An_X86_task_is_priced_at_the_X86_rates()
    {
        // Given the same 0.5 vCPU / 1 GB task on X86_64
        var stack = PricingTestData.Stack(FargateService("512", "1024", "X86_64", """ "LaunchType": "FARGATE", "DesiredCount": 1 """));

        // When it is estimated
        var line = Estimate(stack).Line("Service");

        // Then it uses the Linux/x86 prices, dearer than ARM's
        Assert.Equal((0.5m * 0.04048m + 1m * 0.004445m) * Hours, line.MonthlyUsd);
        Assert.True(line.MonthlyUsd > (0.5m * 0.03238m + 1m * 0.00356m) * Hours);
        Assert.Equal("worker: 0.5 vCPU, 1 GB, X86_64 × 1", line.Description);
    }

    [Fact]
    public void A_service_without_a_scaling_target_or_desired_count_is_one_task()
    {
        var stack = PricingTestData.Stack(FargateService("256", "512", "ARM64", """ "LaunchType": "FARGATE" """));

        var line = Estimate(stack).Line("Service");

        Assert.Equal((0.25m * 0.03238m + 0.5m * 0.00356m) * Hours, line.MonthlyUsd);
        Assert.Contains("1 task assumed", line.Note);
    }

    [Fact]
    public void An_instance_type_missing_from_the_table_has_no_price_and_makes_the_estimate_incomplete()
    {
        // Given an instance of a type the table does not know, beside a priced secret
        var stack = PricingTestData.Stack("""
            {
              "Box": { "Type": "AWS::EC2::Instance", "Properties": { "InstanceType": "x9z.mega" } },
              "Secret": { "Type": "AWS::SecretsManager::Secret", "Properties": {} }
            }
            """);

        // When it is estimated
        var estimate = Estimate(stack);

        // Then its line has no figure and says why, and the total (the secret only) says it is incomplete
        var line = estimate.Line("Box");
        Assert.Null(line.MonthlyUsd);
        Assert.Contains("x9z.mega is not in the price table", line.Note);
        Assert.False(estimate.Complete);
        Assert.Equal(0.40m, estimate.TotalMonthlyUsd);
        Assert.Contains(estimate.Notes, n => n.StartsWith("Incomplete", StringComparison.Ordinal) && n.Contains("Inline/Box"));
    }

    [Fact]
    public void A_NAT_instance_pays_its_hour_its_volume_and_the_address_of_its_public_subnet()
    {
        // Given a t4g.nano with an 8 GB gp3 root volume in a subnet that maps public IPv4 addresses on launch
        var stack = PricingTestData.Stack("""
            {
              "Public": { "Type": "AWS::EC2::Subnet", "Properties": { "MapPublicIpOnLaunch": true } },
              "Nat": { "Type": "AWS::EC2::Instance", "Properties": {
                "InstanceType": "t4g.nano", "SubnetId": { "Ref": "Public" }, "SourceDestCheck": false,
                "BlockDeviceMappings": [ { "DeviceName": "/dev/xvda", "Ebs": { "VolumeSize": 8, "VolumeType": "gp3" } } ] } }
            }
            """);

        var line = Estimate(stack).Line("Nat");

        Assert.Equal((0.0042m + 0.005m) * Hours + 8m * 0.08m, line.MonthlyUsd);
        Assert.Equal("t4g.nano (Linux, on-demand), 8 GB gp3, 1 public IPv4", line.Description);
    }

    [Fact]
    public void An_EKS_cluster_pays_its_control_plane_and_its_nodes_with_their_disks()
    {
        // Given the CDK's EKS cluster custom resource and a node group of 2 t4g.medium with 30 GB disks
        var stack = PricingTestData.Stack("""
            {
              "Cluster": { "Type": "Custom::AWSCDK-EKS-Cluster", "Properties": { "Config": { "version": "1.35" } } },
              "Nodes": { "Type": "AWS::EKS::Nodegroup", "Properties": {
                "InstanceTypes": [ "t4g.medium" ], "DiskSize": 30, "CapacityType": "ON_DEMAND",
                "ScalingConfig": { "DesiredSize": 2, "MinSize": 2, "MaxSize": 4 } } }
            }
            """);

        var estimate = Estimate(stack);

        // Then the control plane is at the standard-support rate (the extended one named in the note), the nodes on demand
        Assert.Equal(0.10m * Hours, estimate.Line("Cluster").MonthlyUsd);
        Assert.Contains("438.00", estimate.Line("Cluster").Note);
        Assert.Equal(2 * (0.0336m * Hours + 30m * 0.08m), estimate.Line("Nodes").MonthlyUsd);
    }

    [Fact]
    public void A_nested_stack_is_counted_once_and_its_parent_stack_resource_is_free()
    {
        // Given a parent whose nested stack holds a database, with the nested template listed twice
        var parent = PricingTestData.Stack("""
            { "Data": { "Type": "AWS::CloudFormation::Stack", "Properties": { "TemplateURL": "https://example.com/data.json" } } }
            """, name: "Parent");
        var nested = PricingTestData.Stack("""
            { "Db": { "Type": "AWS::RDS::DBInstance", "Properties": {
              "DBInstanceClass": "db.t4g.micro", "Engine": "postgres", "AllocatedStorage": "20", "StorageType": "gp3" } } }
            """, name: "Parent/Data", nested: true);

        // When the app is estimated
        var estimate = Estimate(parent, nested, nested);

        // Then the database is one line, and the nested-stack resource none
        var line = Assert.Single(estimate.Lines);
        Assert.Equal("Db", line.LogicalId);
        Assert.Equal("Parent/Data", line.StackName);
        Assert.Equal(0.016m * Hours + 20m * 0.115m, estimate.TotalMonthlyUsd);
    }

    [Fact]
    public void A_service_without_its_own_strategy_follows_the_cluster_default_strategy()
    {
        // Given a service naming neither a launch type nor a strategy, on a cluster whose default is 1 FARGATE + the rest Spot
        var stack = PricingTestData.Stack("""
            {
              "Cluster": { "Type": "AWS::ECS::Cluster", "Properties": {} },
              "Providers": { "Type": "AWS::ECS::ClusterCapacityProviderAssociations", "Properties": {
                "Cluster": { "Ref": "Cluster" }, "CapacityProviders": [ "FARGATE", "FARGATE_SPOT" ],
                "DefaultCapacityProviderStrategy": [ { "CapacityProvider": "FARGATE", "Base": 1, "Weight": 0 },
                                                     { "CapacityProvider": "FARGATE_SPOT", "Weight": 1 } ] } },
              "Task": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "Cpu": "512", "Memory": "1024",
                "RuntimePlatform": { "CpuArchitecture": "ARM64" }, "ContainerDefinitions": [ { "Name": "worker" } ] } },
              "Service": { "Type": "AWS::ECS::Service", "Properties": {
                "Cluster": { "Ref": "Cluster" }, "TaskDefinition": { "Ref": "Task" }, "DesiredCount": 3 } }
            }
            """);

        var line = Estimate(stack).Line("Service");

        // Then one task is on demand and two are on Spot
        Assert.Equal((0.5m * 0.03238m + 1m * 0.00356m) * Hours * (1 + 2 * (1 - 0.70m)), line.MonthlyUsd);
        Assert.EndsWith("2 on Fargate Spot", line.Description);
    }

    [Fact]
    public void An_EKS_estimate_says_that_what_Kubernetes_creates_is_not_counted()
    {
        var stack = PricingTestData.Stack("""{ "Cluster": { "Type": "AWS::EKS::Cluster", "Properties": { "Version": "1.35" } } }""");

        var estimate = Estimate(stack);

        Assert.Contains(estimate.Excluded, e => e.StartsWith("Load balancers and volumes Kubernetes creates", StringComparison.Ordinal));
    }

    [Fact]
    public void A_standalone_Elastic_IP_is_a_public_IPv4_line()
    {
        var stack = PricingTestData.Stack("""{ "Ip": { "Type": "AWS::EC2::EIP", "Properties": { "Domain": "vpc" } } }""");

        Assert.Equal(0.005m * Hours, Estimate(stack).Line("Ip").MonthlyUsd);
    }
}
