using System.Text.Json.Nodes;
using Regex = System.Text.RegularExpressions.Regex;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;

namespace DjangoCdk.Tests.Ecs;

/// <summary>
/// What a first <c>cdk deploy</c> would hit if the template only synthesized: the AWS API rules CloudFormation
/// enforces at deploy time, and the rollback paths of a failed deployment.
/// </summary>
public sealed class DjangoEcsDeployabilityTests(DjangoEcsDefaultsFixture defaults, DjangoEcsCompleteFixture complete)
    : IClassFixture<DjangoEcsDefaultsFixture>, IClassFixture<DjangoEcsCompleteFixture>
{
    /// <summary>EC2's allowed characters for security group and rule descriptions (EC2 API reference, CreateSecurityGroup).</summary>
    private static readonly Regex Ec2DescriptionCharacters = new(@"^[a-zA-Z0-9. _\-:/()#,@\[\]+=&;{}!$*]*$");

    private readonly TemplateJson defaultsJson = new(defaults.Template);
    private readonly TemplateJson completeJson = new(complete.Template);

    [Fact]
    public void Security_group_descriptions_use_only_characters_ec2_accepts()
    {
        // Given the defaults, every option on, and a NAT instance / When synthesized / Then every description EC2 reads is valid
        var stack = Stacks.WithNatImageLookup();
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, NatStrategy = NatStrategy.Instance });
        var descriptions = new[] { defaultsJson, completeJson, new TemplateJson(stack.Template()) }.SelectMany(SecurityGroupDescriptions).ToList();

        Assert.NotEmpty(descriptions);
        Assert.All(descriptions, d => Assert.Matches(Ec2DescriptionCharacters, d));
    }

    [Fact]
    public void Nat_instance_admits_every_protocol_from_the_vpc_range_only()
    {
        var json = NatInstanceTemplate();
        var group = json.OfType("AWS::EC2::SecurityGroup").Single(g => g.Key.Contains("NatSecurityGroup")).Value;
        var ingress = Assert.Single(group["Properties"]!["SecurityGroupIngress"]!.AsArray())!;
        Assert.Equal("-1", (string?)ingress["IpProtocol"]);
        Assert.Equal("CidrBlock", (string?)ingress["CidrIp"]!["Fn::GetAtt"]![1]);
    }

    [Fact]
    public void Private_subnets_route_to_the_internet_through_the_nat_instance()
    {
        var json = NatInstanceTemplate();
        var instanceId = json.OfType("AWS::EC2::Instance").Single().Key;
        var routes = json.OfType("AWS::EC2::Route").Where(r => r.Value["Properties"]!["InstanceId"] is not null).ToList();
        Assert.Equal(2, routes.Count);
        Assert.All(routes, r => Assert.Equal(instanceId, (string?)r.Value["Properties"]!["InstanceId"]!["Ref"]));
        Assert.Empty(json.OfType("AWS::EC2::NatGateway"));
    }

    [Fact]
    public void Nat_instance_image_is_pinned_from_context_not_resolved_at_each_deploy()
    {
        // Given a lookup answered in cdk.context.json / Then the image ID is that literal, with no SSM parameter resolved at deploy time
        var json = NatInstanceTemplate();
        var instance = json.OfType("AWS::EC2::Instance").Single().Value;
        Assert.Equal(Stacks.NatImageId, (string?)instance["Properties"]!["ImageId"]);
        var parameters = json.Root["Parameters"]?.AsObject().Select(p => p.Value!.ToJsonString()) ?? [];
        Assert.DoesNotContain(parameters, p => p.Contains("ami-amazon-linux"));
    }

    [Fact]
    public void Nat_instance_requires_imdsv2_has_an_encrypted_volume_and_no_key_pair()
    {
        var json = NatInstanceTemplate();
        var instance = json.OfType("AWS::EC2::Instance").Single().Value["Properties"]!;
        Assert.Null(instance["KeyName"]);
        Assert.Equal(false, (bool?)instance["SourceDestCheck"]);
        Assert.Equal(true, (bool?)instance["BlockDeviceMappings"]![0]!["Ebs"]!["Encrypted"]);
        var template = json.OfType("AWS::EC2::LaunchTemplate").Single().Value["Properties"]!;
        Assert.Equal("required", (string?)template["LaunchTemplateData"]!["MetadataOptions"]!["HttpTokens"]);
    }

    [Fact]
    public void Environment_agnostic_nat_instance_without_an_image_is_rejected_with_what_to_do()
    {
        // Given a stack with a region but no account (cdk synth without credentials)
        var stack = new Stack(TestStacks.NewApp(), "Test", new StackProps { Env = new Amazon.CDK.Environment { Region = TestStacks.Region } });
        var error = Assert.Throws<DjangoCdkValidationException>(() => new DjangoEcs(stack, "Django",
            new DjangoEcsProps { ImageDirectory = TestStacks.Backend, NatStrategy = NatStrategy.Instance }));
        Assert.Equal("NatInstanceImage", error.ParamName);
        Assert.Equal(ValidationErrorCode.Missing, error.Code);
        Assert.Contains("cdk.context.json", error.Message);
    }

    [Fact]
    public void Database_is_created_without_deletion_protection_so_a_failed_first_deploy_can_roll_back()
    {
        defaults.Template.HasResourceProperties("AWS::RDS::DBInstance", Match.ObjectLike(Props(("DeletionProtection", false))));
    }

    [Fact]
    public void Database_deletion_protection_is_turned_on_after_every_other_resource_of_the_app()
    {
        // Given the defaults / Then one SDK call enables protection, and it depends on the services and the last release step
        var (id, resource) = defaultsJson.OfType("Custom::AWS").Single();
        var create = string.Concat(resource["Properties"]!["Create"]!["Fn::Join"]![1]!.AsArray().OfType<JsonValue>().Select(v => (string)v!));
        Assert.Contains("\"action\":\"modifyDBInstance\"", create);
        Assert.Contains("\"DeletionProtection\":true", create);

        var dependsOn = resource["DependsOn"]!.AsArray().Select(d => (string)d!).ToHashSet();
        var services = defaultsJson.OfType("AWS::ECS::Service").Select(s => s.Key);
        var steps = defaultsJson.OfType("Custom::DjangoRelease").Select(s => s.Key);
        Assert.Subset(dependsOn, services.Concat(steps).ToHashSet());
        Assert.False(string.IsNullOrEmpty(id));
    }

    [Fact]
    public void Database_deletion_protection_can_be_left_off()
    {
        var stack = TestStacks.New();
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, DatabaseDeletionProtection = false });
        stack.Template().ResourceCountIs("Custom::AWS", 0);
    }

    [Fact]
    public void Release_steps_tell_cloudformation_to_wait_as_long_as_the_waiter()
    {
        // Given the default 20-minute timeout / Then CloudFormation waits 20 + 5 minutes for each step
        foreach (var (_, step) in defaultsJson.OfType("Custom::DjangoRelease"))
            Assert.Equal(1500, (int?)step["Properties"]!["ServiceTimeout"]);
    }

    [Fact]
    public void The_longest_release_timeout_fits_in_cloudformations_hour()
    {
        var stack = TestStacks.New();
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, ReleaseTimeout = Duration.Minutes(55) });
        var json = new TemplateJson(stack.Template());
        Assert.All(json.OfType("Custom::DjangoRelease"), s => Assert.Equal(3600, (int?)s.Value["Properties"]!["ServiceTimeout"]));
    }

    [Fact]
    public void Release_steps_run_unless_skip_release_is_set()
    {
        Assert.All(defaultsJson.OfType("Custom::DjangoRelease"), s => Assert.Null(s.Value["Properties"]!["Skip"]));
    }

    [Fact]
    public void Skip_release_marks_every_step_as_skipped()
    {
        var stack = TestStacks.New();
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, SkipRelease = true });
        var steps = new TemplateJson(stack.Template()).OfType("Custom::DjangoRelease").ToList();
        Assert.Equal(2, steps.Count);
        Assert.All(steps, s => Assert.Equal("true", (string?)s.Value["Properties"]!["Skip"]));
    }

    [Fact]
    public void Release_waiter_logs_to_a_vended_logs_group_unique_to_the_stack()
    {
        var machine = defaultsJson.OfType("AWS::StepFunctions::StateMachine").Single().Value;
        var groupArn = machine["Properties"]!["LoggingConfiguration"]!["Destinations"]![0]!["CloudWatchLogsLogGroup"]!["LogGroupArn"]!;
        var groupId = (string)groupArn["Fn::GetAtt"]![0]!;
        var name = defaultsJson.Resources[groupId]!["Properties"]!["LogGroupName"]!.ToJsonString();
        Assert.Contains("/aws/vendedlogs/states/", name);
        Assert.Contains("AWS::StackId", name);
    }

    [Fact]
    public void Spot_services_wait_for_the_clusters_capacity_provider_association()
    {
        var association = completeJson.OfType("AWS::ECS::ClusterCapacityProviderAssociations").Single().Key;
        var spot = completeJson.OfType("AWS::ECS::Service")
            .Where(s => s.Value["Properties"]!["CapacityProviderStrategy"] is not null).ToList();
        Assert.NotEmpty(spot);
        Assert.All(spot, s => Assert.Contains(association, s.Value["DependsOn"]!.AsArray().Select(d => (string?)d)));
    }

    [Fact]
    public void Secret_key_is_kept_on_replacement_and_deletion()
    {
        var key = defaultsJson.OfType("AWS::SecretsManager::Secret").Single(s => s.Key.Contains("SecretKey")).Value;
        Assert.Equal("RetainExceptOnCreate", (string?)key["DeletionPolicy"]);
        Assert.Equal("Retain", (string?)key["UpdateReplacePolicy"]);
    }

    [Theory]
    [InlineData("SecretKey", """{"ExcludeCharacters":"'\"\\` $%","PasswordLength":64}""")]
    [InlineData("CacheAuthToken", """{"ExcludePunctuation":true,"PasswordLength":64}""")]
    [InlineData("DatabaseSecret", """{"ExcludeCharacters":" %+~`#$\u0026*()|[]{}:;\u003C\u003E?!'/@\"\\","GenerateStringKey":"password","PasswordLength":30,"SecretStringTemplate":"{\"username\":\"django\"}"}""")]
    public void Generated_secret_settings_are_pinned_because_a_change_generates_a_new_value(string secret, string generator)
    {
        // A new generator setting makes CloudFormation generate a new value: SECRET_KEY would log every user out.
        var resource = defaultsJson.OfType("AWS::SecretsManager::Secret").Single(s => s.Key.Contains(secret)).Value;
        Assert.Equal(JsonNode.Parse(generator)!.ToJsonString(), resource["Properties"]!["GenerateSecretString"]!.ToJsonString());
    }

    [Fact]
    public void Every_lambda_function_logs_to_a_group_with_a_retention()
    {
        // Given every option on / Then no function falls back to Lambda's implicit /aws/lambda group, which never expires
        var functions = completeJson.OfType("AWS::Lambda::Function").ToList();
        Assert.NotEmpty(functions);
        Assert.All(functions, f =>
        {
            var group = (string)f.Value["Properties"]!["LoggingConfig"]!["LogGroup"]!["Ref"]!;
            Assert.NotNull(completeJson.Resources[group]!["Properties"]!["RetentionInDays"]);
        });
    }

    [Fact]
    public void Every_lambda_function_runs_on_a_supported_node_runtime()
    {
        Assert.All(completeJson.OfType("AWS::Lambda::Function"), f => Assert.Equal("nodejs24.x", (string?)f.Value["Properties"]!["Runtime"]));
    }

    [Fact]
    public void Every_log_group_has_a_retention()
    {
        Assert.All(completeJson.OfType("AWS::Logs::LogGroup"), g => Assert.NotNull(g.Value["Properties"]?["RetentionInDays"]));
    }

    [Fact]
    public void Database_log_exports_get_a_retention()
    {
        var retained = completeJson.OfType("Custom::LogRetention").Select(r => r.Value["Properties"]!["LogGroupName"]!.ToJsonString()).ToList();
        Assert.Contains(retained, n => n.Contains("/postgresql"));
        Assert.Contains(retained, n => n.Contains("/upgrade"));
    }

    [Fact]
    public void Availability_zones_choose_where_the_new_vpc_lives()
    {
        var stack = Stacks.WithNatImageLookup("us-east-1");
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, AvailabilityZones = ["us-east-1b", "us-east-1c"] });
        var zones = new TemplateJson(stack.Template()).OfType("AWS::EC2::Subnet").Select(s => (string?)s.Value["Properties"]!["AvailabilityZone"]).Distinct().Order();
        Assert.Equal(["us-east-1b", "us-east-1c"], zones);
    }

    [Theory]
    [InlineData(new[] { "us-east-1b" }, ValidationErrorCode.InvalidValue)]
    [InlineData(new[] { "us-east-1b", "us-east-1b" }, ValidationErrorCode.Conflict)]
    [InlineData(new[] { "use1-az1", "use1-az2" }, ValidationErrorCode.InvalidValue)]
    [InlineData(new[] { "eu-west-1a", "eu-west-1b" }, ValidationErrorCode.InvalidValue)]
    public void Availability_zones_must_be_two_or_more_distinct_zone_names_of_the_stacks_region(string[] zones, ValidationErrorCode code)
    {
        var error = Assert.Throws<DjangoCdkValidationException>(() => new DjangoEcs(Stacks.WithNatImageLookup("us-east-1"), "Django",
            new DjangoEcsProps { ImageDirectory = TestStacks.Backend, AvailabilityZones = zones }));
        Assert.Equal("AvailabilityZones", error.ParamName);
        Assert.Equal(code, error.Code);
    }

    [Theory]
    [InlineData("NatStrategy")]
    [InlineData("AvailabilityZones")]
    [InlineData("NatInstanceImage")]
    public void Vpc_shaping_props_are_rejected_with_an_existing_vpc(string prop)
    {
        var stack = TestStacks.New();
        var vpc = new Amazon.CDK.AWS.EC2.Vpc(stack, "Existing");
        var image = Amazon.CDK.AWS.EC2.MachineImage.LatestAmazonLinux2023();
        var props = prop switch
        {
            "NatStrategy" => new DjangoEcsProps { ImageDirectory = TestStacks.Backend, Vpc = vpc, NatStrategy = NatStrategy.Instance },
            "AvailabilityZones" => new DjangoEcsProps { ImageDirectory = TestStacks.Backend, Vpc = vpc, AvailabilityZones = ["eu-west-1a", "eu-west-1b"] },
            _ => new DjangoEcsProps { ImageDirectory = TestStacks.Backend, Vpc = vpc, NatInstanceImage = image },
        };
        var error = Assert.Throws<DjangoCdkValidationException>(() => new DjangoEcs(stack, "Django", props));
        Assert.Equal(prop, error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
    }

    [Fact]
    public void Nat_instance_image_without_a_nat_instance_is_rejected()
    {
        var error = Assert.Throws<DjangoCdkValidationException>(() => new DjangoEcs(TestStacks.New(), "Django",
            new DjangoEcsProps { ImageDirectory = TestStacks.Backend, NatInstanceImage = Amazon.CDK.AWS.EC2.MachineImage.LatestAmazonLinux2023() }));
        Assert.Equal("NatInstanceImage", error.ParamName);
    }

    [Fact]
    public void Synthesis_adds_no_warning_of_its_own_for_a_secure_configuration()
    {
        // Given HTTPS, a NAT instance and every option / Then the construct itself warns about nothing
        var stack = Stacks.WithNatImageLookup();
        var props = DjangoEcsCompleteFixture.Props();
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps
        {
            ImageDirectory = props.ImageDirectory, ApiDomainName = props.ApiDomainName, ZoneName = props.ZoneName,
            HostedZoneId = props.HostedZoneId, UseCeleryBeat = true, UseEcsExec = true, NatStrategy = NatStrategy.Instance,
        });
        Amazon.CDK.Assertions.Annotations.FromStack(stack).HasNoWarning("*", Match.AnyValue());
    }

    [Theory]
    [InlineData("DjangoSiteUrl")]
    [InlineData("DjangoStaticFileBucketName")]
    [InlineData("DjangoClusterName")]
    [InlineData("DjangoWebServiceName")]
    [InlineData("DjangoRunManagementCommand")]
    public void Outputs_have_keys_people_can_find_in_the_console(string key)
    {
        defaults.Template.HasOutput(key, Match.ObjectLike(new Dictionary<string, object> { ["Description"] = Match.AnyValue() }));
    }

    [Fact]
    public void Run_management_command_output_takes_the_command_as_separate_words()
    {
        var value = string.Concat(defaultsJson.Root["Outputs"]!["DjangoRunManagementCommand"]!["Value"]!["Fn::Join"]![1]!.AsArray().OfType<JsonValue>().Select(v => (string)v!));
        Assert.Contains("\"command\":[\"python\",\"manage.py\",\"COMMAND\"]", value);
    }

    [Fact]
    public void An_unanswered_availability_zone_lookup_is_a_warning_naming_the_cli_route()
    {
        // Given a concrete environment whose lookups nothing answered (dotnet run without the CDK CLI)
        var stack = TestStacks.New();
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, ApiDomainName = "api.example.com", ZoneName = "example.com" });
        // Then the placeholders are called out: the zones and the hosted zone
        var warnings = Amazon.CDK.Assertions.Annotations.FromStack(stack).FindWarning("*", Match.StringLikeRegexp("has no answer yet"));
        Assert.Equal(2, warnings.Length);
        Assert.All(warnings, w => Assert.Contains("npx aws-cdk synth", w.Entry.Data?.ToString()));
    }

    [Fact]
    public void An_unanswered_nat_image_lookup_is_a_warning()
    {
        var stack = TestStacks.New();
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, NatStrategy = NatStrategy.Instance });
        Assert.Single(Amazon.CDK.Assertions.Annotations.FromStack(stack).FindWarning("*", Match.StringLikeRegexp("NAT instance's Amazon Linux 2023 image")));
    }

    private static TemplateJson NatInstanceTemplate()
    {
        var stack = Stacks.WithNatImageLookup();
        _ = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, NatStrategy = NatStrategy.Instance });
        return new TemplateJson(stack.Template());
    }

    private static IEnumerable<string> SecurityGroupDescriptions(TemplateJson json)
    {
        foreach (var (_, group) in json.OfType("AWS::EC2::SecurityGroup"))
        {
            var props = group["Properties"]!;
            if (props["GroupDescription"] is JsonValue d && d.TryGetValue<string>(out var description)) yield return description;
            foreach (var rule in (props["SecurityGroupIngress"]?.AsArray() ?? []).Concat(props["SecurityGroupEgress"]?.AsArray() ?? []))
                if (rule!["Description"] is JsonValue r && r.TryGetValue<string>(out var ruleDescription)) yield return ruleDescription;
        }

        foreach (var type in new[] { "AWS::EC2::SecurityGroupIngress", "AWS::EC2::SecurityGroupEgress" })
            foreach (var (_, rule) in json.OfType(type))
                if (rule["Properties"]!["Description"] is JsonValue r && r.TryGetValue<string>(out var description)) yield return description;
    }

    /// <summary>Stacks whose lookups are answered as cdk.context.json would answer them.</summary>
    private static class Stacks
    {
        public const string NatImageId = "ami-0123456789abcdef0";

        public static Stack WithNatImageLookup(string region = TestStacks.Region)
        {
            var app = TestStacks.NewApp(new Dictionary<string, object>
            {
                [$"ssm:account={TestStacks.Account}:parameterName=/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-6.1-arm64:region={region}"] = NatImageId,
                [$"availability-zones:account={TestStacks.Account}:region={region}"] = new[] { region + "a", region + "b", region + "c" },
            });
            return new Stack(app, "Test", new StackProps { Env = new Amazon.CDK.Environment { Account = TestStacks.Account, Region = region } });
        }
    }
}
