using System.Text.Json.Nodes;
using Regex = System.Text.RegularExpressions.Regex;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.EC2;
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

    /// <summary>The complete sample runs a NAT instance (NatStrategy.Instance) instead of a NAT gateway.</summary>
    private Template NatInstance => complete.Template;

    [Fact]
    public void Security_group_descriptions_use_only_characters_ec2_accepts()
    {
        // Given the defaults and every option on (a NAT instance included) / Then every description EC2 reads is valid.
        // Descriptions sit in groups, inline rules and rule resources alike: a scan of every one, so TemplateJson.
        var descriptions = new[] { defaults.Template, complete.Template }.SelectMany(t => SecurityGroupDescriptions(new TemplateJson(t))).ToList();

        Assert.Contains(descriptions, d => d.StartsWith("NAT instance"));
        Assert.All(descriptions, d => Assert.Matches(Ec2DescriptionCharacters, d));
    }

    [Fact]
    public void Nat_instance_replaces_the_nat_gateway()
    {
        NatInstance.ResourceCountIs("AWS::EC2::NatGateway", 0);
        NatInstance.HasResourceProperties("AWS::EC2::Instance", Match.ObjectLike(Props(("InstanceType", "t4g.nano"))));
    }

    [Fact]
    public void Nat_instance_admits_every_protocol_from_the_vpc_range_only()
    {
        var group = complete.Id(complete.Django.Vpc.Node.FindChild(NatInstanceProvider.SecurityGroupId));
        NatInstance.HasPropertiesWithId(group, ("SecurityGroupIngress", new[]
        {
            Props(("IpProtocol", "-1"), ("CidrIp", GetAtt(complete.Id(complete.Django.Vpc), "CidrBlock"))),
        }));
    }

    [Fact]
    public void Private_subnets_route_to_the_internet_through_the_nat_instance()
    {
        var instance = NatInstance.FindResources("AWS::EC2::Instance").Keys.Single();
        NatInstance.ResourcePropertiesCountIs("AWS::EC2::Route", Match.ObjectLike(Props(
            ("DestinationCidrBlock", "0.0.0.0/0"), ("InstanceId", Ref(instance)))), 2);
    }

    [Fact]
    public void Nat_instance_image_is_pinned_from_context_not_resolved_at_each_deploy()
    {
        // Given a lookup answered in cdk.context.json / Then the image ID is that literal, with no SSM parameter resolved at deploy time
        NatInstance.HasResourceProperties("AWS::EC2::Instance", Match.ObjectLike(Props(("ImageId", TestStacks.NatImageId))));
        Assert.Empty(NatInstance.FindParameters("*", Match.ObjectLike(Props(("Default", Match.StringLikeRegexp("ami-amazon-linux"))))));
    }

    [Fact]
    public void Nat_instance_requires_imdsv2_has_an_encrypted_volume_and_no_key_pair()
    {
        NatInstance.HasResourceProperties("AWS::EC2::Instance", Match.ObjectLike(Props(
            ("KeyName", Match.Absent()),
            ("SourceDestCheck", false),
            ("BlockDeviceMappings", new[] { Props(("Ebs", Match.ObjectLike(Props(("Encrypted", true))))) }))));
        NatInstance.HasResourceProperties("AWS::EC2::LaunchTemplate", Match.ObjectLike(Props(
            ("LaunchTemplateData", Match.ObjectLike(Props(("MetadataOptions", Match.ObjectLike(Props(("HttpTokens", "required"))))))))));
    }

    [Fact]
    public void Environment_agnostic_nat_instance_without_an_image_is_rejected_with_what_to_do()
    {
        // Given a stack with a region but no account (cdk synth without credentials)
        var stack = new Amazon.CDK.Stack(TestStacks.NewApp(), "Test", new Amazon.CDK.StackProps { Env = new Amazon.CDK.Environment { Region = TestStacks.Region } });
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
    public void Database_deletion_protection_is_turned_on_by_one_sdk_call()
    {
        defaults.Template.HasResourceProperties("Custom::AWS", Match.ObjectLike(Props(("Create", Props(("Fn::Join", new object[]
        {
            "",
            Match.ArrayWith([
                Match.StringLikeRegexp("^(?=.*\"service\":\"RDS\")(?=.*\"action\":\"modifyDBInstance\").*\"DBInstanceIdentifier\":\"$"),
                Ref(defaults.Id(defaults.Django.Database)),
                Match.StringLikeRegexp("^\",\"DeletionProtection\":true"),
            ]),
        }))))));
    }

    [Fact]
    public void Database_deletion_protection_is_turned_on_after_every_other_resource_of_the_app()
    {
        // Given the defaults / Then the step depends on the services and the last release step
        var protection = defaults.Id(defaults.Django.DatabaseProtection!);
        foreach (var resource in defaults.Django.Services.Concat<Constructs.IConstruct>(defaults.Django.ReleaseSteps))
            defaults.Template.HasResourceWithId(protection, Props(("DependsOn", Match.ArrayWith([defaults.Id(resource)]))));
    }

    [Fact]
    public void Release_steps_tell_cloudformation_to_wait_as_long_as_the_waiter()
    {
        // Given the default 20-minute timeout / Then CloudFormation waits 20 + 5 minutes for each step
        defaults.Template.AllResourcesProperties("Custom::DjangoRelease", Props(("ServiceTimeout", 1500)));
    }

    [Fact]
    public void The_longest_release_timeout_fits_in_cloudformations_hour()
    {
        Assert.Equal(3600, ReleaseProvider.ServiceTimeoutSeconds(ReleaseProvider.MaxTaskTimeoutSeconds));
        Assert.Equal(55 * 60, ReleaseProvider.MaxTaskTimeoutSeconds);
    }

    [Fact]
    public void Release_steps_run_unless_skip_release_is_set()
    {
        defaults.Template.AllResourcesProperties("Custom::DjangoRelease", Props(("Skip", Match.Absent())));
    }

    [Fact]
    public void Release_waiter_logs_to_a_vended_logs_group_unique_to_the_stack()
    {
        var release = defaults.Django.Node.FindChild(DjangoEcs.Ids.Release);
        var group = defaults.Id(release.Node.FindChild("WaiterLogs"));
        defaults.Template.HasResourceProperties("AWS::StepFunctions::StateMachine", Match.ObjectLike(Props(("LoggingConfiguration", Match.ObjectLike(Props(
            ("Destinations", new[] { Props(("CloudWatchLogsLogGroup", Props(("LogGroupArn", GetAtt(group, "Arn"))))) })))))));
        defaults.Template.HasPropertiesWithId(group, ("LogGroupName", Props(("Fn::Join", new object[]
        {
            "",
            Match.ArrayWith([
                "/aws/vendedlogs/states/djangocdk-release-",
                Props(("Fn::Select", new object[] { 2, Props(("Fn::Split", new object[] { "/", Ref("AWS::StackId") })) })),
            ]),
        }))));
    }

    [Fact]
    public void Spot_services_wait_for_the_clusters_capacity_provider_association()
    {
        var association = complete.Template.FindResources("AWS::ECS::ClusterCapacityProviderAssociations").Keys.Single();
        var spot = complete.Template.FindResources("AWS::ECS::Service", Match.ObjectLike(Props(("Properties", Match.ObjectLike(Props(("CapacityProviderStrategy", Match.AnyValue()))))))).Keys;
        Assert.NotEmpty(spot);
        foreach (var service in spot)
            complete.Template.HasResourceWithId(service, Props(("DependsOn", Match.ArrayWith([association]))));
    }

    [Fact]
    public void Secret_key_is_kept_on_replacement_and_deletion()
    {
        defaults.Template.HasResourceWithId(defaults.Id(defaults.Django.SecretKey), Props(("DeletionPolicy", "RetainExceptOnCreate"), ("UpdateReplacePolicy", "Retain")));
    }

    [Theory]
    [InlineData("SecretKey", """{"ExcludeCharacters":"'\"\\` $%","PasswordLength":64}""")]
    [InlineData("CacheAuthToken", """{"ExcludePunctuation":true,"PasswordLength":64}""")]
    [InlineData("DatabaseSecret", """{"ExcludeCharacters":" %+~`#$\u0026*()|[]{}:;\u003C\u003E?!'/@\"\\","GenerateStringKey":"password","PasswordLength":30,"SecretStringTemplate":"{\"username\":\"django\"}"}""")]
    public void Generated_secret_settings_are_pinned_because_a_change_generates_a_new_value(string secret, string generator)
    {
        // A new generator setting makes CloudFormation generate a new value: SECRET_KEY would log every user out.
        var django = defaults.Django;
        Constructs.IConstruct construct = secret switch
        {
            "SecretKey" => django.SecretKey,
            "CacheAuthToken" => django.CacheAuthToken,
            _ => django.Database.Node.FindChild("Secret"),
        };
        defaults.Template.HasPropertiesWithId(defaults.Id(construct), ("GenerateSecretString", Match.ObjectEquals((IDictionary<string, object>)Parse(generator))));
    }

    [Fact]
    public void Every_lambda_function_logs_to_a_group_with_a_retention()
    {
        // Given every option on / Then no function falls back to Lambda's implicit /aws/lambda group, which never expires
        var group = new Capture();
        complete.Template.AllResourcesProperties("AWS::Lambda::Function", Props(("LoggingConfig", Props(("LogGroup", Props(("Ref", group)))))));
        do complete.Template.HasPropertiesWithId(group.AsString(), ("RetentionInDays", Match.AnyValue()));
        while (group.Next());
    }

    [Fact]
    public void Every_lambda_function_runs_on_a_supported_node_runtime()
    {
        complete.Template.AllResourcesProperties("AWS::Lambda::Function", Props(("Runtime", "nodejs24.x")));
    }

    [Fact]
    public void Every_log_group_has_a_retention()
    {
        complete.Template.AllResourcesProperties("AWS::Logs::LogGroup", Props(("RetentionInDays", Match.AnyValue())));
    }

    [Theory]
    [InlineData("postgresql")]
    [InlineData("upgrade")]
    public void Database_log_exports_get_a_retention(string log)
    {
        complete.Template.HasResourceProperties("Custom::LogRetention", Match.ObjectLike(Props(
            ("LogGroupName", Join("/aws/rds/instance/", Ref(complete.Id(complete.Django.Database)), "/" + log)),
            ("RetentionInDays", 30))));
    }

    [Theory]
    [InlineData(new[] { "us-east-1b" }, ValidationErrorCode.InvalidValue)]
    [InlineData(new[] { "us-east-1b", "us-east-1b" }, ValidationErrorCode.Conflict)]
    [InlineData(new[] { "use1-az1", "use1-az2" }, ValidationErrorCode.InvalidValue)]
    [InlineData(new[] { "eu-west-1a", "eu-west-1b" }, ValidationErrorCode.InvalidValue)]
    public void Availability_zones_must_be_two_or_more_distinct_zone_names_of_the_stacks_region(string[] zones, ValidationErrorCode code)
    {
        var error = Assert.Throws<DjangoCdkValidationException>(() => new DjangoEcs(TestStacks.WithLookups("us-east-1"), "Django",
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
        var vpc = new Vpc(stack, "Existing");
        var image = MachineImage.LatestAmazonLinux2023();
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
            new DjangoEcsProps { ImageDirectory = TestStacks.Backend, NatInstanceImage = MachineImage.LatestAmazonLinux2023() }));
        Assert.Equal("NatInstanceImage", error.ParamName);
    }

    [Fact]
    public void Synthesis_adds_no_warning_of_its_own_for_a_secure_configuration()
    {
        // Given HTTPS, a NAT instance and every option / Then the construct itself warns about nothing
        complete.Annotations.HasNoWarning("*", Match.AnyValue());
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
        var value = string.Concat(new TemplateJson(defaults.Template).Root["Outputs"]!["DjangoRunManagementCommand"]!["Value"]!["Fn::Join"]![1]!.AsArray().OfType<JsonValue>().Select(v => (string)v!));
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
}
