using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.EKS;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;

namespace DjangoCdk.Tests.Eks.Release;

public sealed class EksReleasePhaseTests(EksReleasePhaseFixture fixture) : IClassFixture<EksReleasePhaseFixture>
{
    private Template Template => fixture.Template;
    private EksReleasePhase Phase => fixture.Phase;

    [Fact]
    public void The_assembly_ships_the_handler_that_the_repository_tests()
    {
        // The JavaScript tests run against src/; the Lambda runs what the assembly embeds: they must be the same bytes.
        var onDisk = File.ReadAllBytes(Path.Combine(TestStacks.RepositoryRoot, "src", "DjangoCdk", "Eks", "Release", "handler", "index.js"));
        Assert.Equal(onDisk, HandlerCode.EksRelease.Source());
    }

    [Fact]
    public void Each_command_is_one_step_of_its_own_resource_type_in_order()
    {
        // Given migrate then collectstatic / Then there are two steps, named after their management commands
        Template.ResourceCountIs(EksReleasePhase.ResourceType, 2);
        Template.HasPropertiesWithId(fixture.Id(Phase.Steps[0]), ("Name", "migrate"), ("Command", EksReleasePhaseFixture.Migrate.Command));
        Template.HasPropertiesWithId(fixture.Id(Phase.Steps[1]), ("Name", "collectstatic"), ("Command", EksReleasePhaseFixture.Collectstatic.Command));
    }

    [Fact]
    public void A_step_runs_after_the_previous_one()
    {
        // Then collectstatic waits for migrate
        Template.HasResourceWithId(fixture.Id(Phase.Steps[1]), Props(("DependsOn", Match.ArrayWith([fixture.Id(Phase.Steps[0])]))));
    }

    [Fact]
    public void Every_step_waits_for_the_access_entry_and_both_functions()
    {
        // Then no step can run before the handler may act in the cluster
        var prerequisites = new[] { fixture.Id(Phase.AccessEntry), fixture.Id(Phase.Role), fixture.Id(Phase.Provider.OnEventHandler), fixture.Id(Phase.Provider.IsCompleteHandler!) };
        foreach (var step in Phase.Steps)
        {
            foreach (var prerequisite in prerequisites)
                Template.HasResourceWithId(fixture.Id(step), Props(("DependsOn", Match.ArrayWith([prerequisite]))));
        }
    }

    [Fact]
    public void The_access_entry_gives_the_handler_role_edit_rights_in_the_app_namespace_only()
    {
        // Then the role's entry has one policy: AmazonEKSEditPolicy, scoped to the namespace
        var policyArn = new Capture();
        Template.HasResourceProperties("AWS::EKS::AccessEntry", Props(
            ("ClusterName", Ref(fixture.Id(fixture.Cluster))),
            ("PrincipalArn", GetAtt(fixture.Id(Phase.Role), "Arn")),
            ("Type", "Standard"),
            ("AccessPolicies", new object[] { Props(("PolicyArn", policyArn), ("AccessScope", Props(("Type", "namespace"), ("Namespaces", new[] { EksReleasePhaseFixture.Namespace })))) })));
        Assert.EndsWith(":eks::aws:cluster-access-policy/AmazonEKSEditPolicy", JsonSerializer.Serialize(policyArn.AsObject()).Trim('"').Replace("\"]]}", ""));
    }

    [Fact]
    public void Both_functions_run_as_the_one_role_of_the_access_entry()
    {
        // Then onEvent and isComplete assume the role that the access entry names
        var role = GetAtt(fixture.Id(Phase.Role), "Arn");
        Template.HasPropertiesWithId(fixture.Id(Phase.Provider.OnEventHandler), ("Role", role), ("Handler", "index.onEvent"), ("Runtime", LambdaRuntime.NodeJs.Name));
        Template.HasPropertiesWithId(fixture.Id(Phase.Provider.IsCompleteHandler!), ("Role", role), ("Handler", "index.isComplete"), ("Runtime", LambdaRuntime.NodeJs.Name));
    }

    [Fact]
    public void The_handler_role_has_no_IAM_permission_beyond_writing_its_logs()
    {
        // Then the role carries only the basic Lambda execution policy...
        Template.HasPropertiesWithId(fixture.Id(Phase.Role), ("ManagedPolicyArns", new object[]
        {
            Join("arn:", Ref("AWS::Partition"), ":iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
        }));
        // ...and no inline or attached policy of its own: Kubernetes rights come from the access entry, not IAM
        var ofRole = Props(("Roles", Match.ArrayWith([Ref(fixture.Id(Phase.Role))])));
        var policies = Template.FindResources("AWS::IAM::Policy", Props(("Properties", Match.ObjectLike(ofRole))));
        Assert.Empty(policies);
    }

    [Fact]
    public void The_cluster_endpoint_name_and_CA_reach_the_handler()
    {
        // Then the handler can reach and trust the API server, and sign its token for this cluster
        foreach (var step in Phase.Steps)
            Template.HasPropertiesWithId(fixture.Id(step),
                ("Namespace", EksReleasePhaseFixture.Namespace),
                ("ClusterName", Ref(fixture.Id(fixture.Cluster))),
                ("Endpoint", GetAtt(fixture.Id(fixture.Cluster), "Endpoint")),
                ("CertificateAuthority", GetAtt(fixture.Id(fixture.Cluster), "CertificateAuthorityData")));
    }

    [Fact]
    public void The_Job_manifest_reaches_the_step_as_JSON_with_numbers_kept_as_numbers()
    {
        // Given the migrate Job / When the template is read
        var job = new TemplateJson(Template).Resources[fixture.Id(Phase.Steps[0])]!["Properties"]!["Job"]!;
        // Then it is the manifest, as a JSON string (CloudFormation would turn backoffLimit: 0 into "0" in an object)
        var manifest = JsonNode.Parse((string)job!)!;
        Assert.Equal(0, (int)manifest["spec"]!["backoffLimit"]!);
        Assert.Equal("migrate", (string)manifest["spec"]!["template"]!["spec"]!["containers"]![0]!["command"]![2]!);
        Assert.Null(manifest["metadata"]!["name"]);
    }

    [Fact]
    public void Steps_carry_the_timeout_and_CloudFormation_waits_as_long_as_the_waiter()
    {
        // Then each step times out after the option, and CloudFormation's ServiceTimeout matches the ECS phase's rule
        Template.AllResourcesProperties(EksReleasePhase.ResourceType, Match.ObjectLike(Props(
            ("TimeoutSeconds", "600"),
            ("ServiceTimeout", ReleaseProvider.ServiceTimeoutSeconds(EksReleasePhaseFixture.TimeoutSeconds)))));
    }

    [Fact]
    public void The_waiter_polls_every_15_seconds_and_logs_to_a_vended_logs_group()
    {
        // Then the state machine retries isComplete every 15 s and logs everything to /aws/vendedlogs/...
        var definition = new Capture();
        Template.HasResourceProperties("AWS::StepFunctions::StateMachine", Props(("DefinitionString", definition), ("LoggingConfiguration", Match.ObjectLike(Props(("Level", "ALL"))))));
        Assert.Contains("\\\"IntervalSeconds\\\":15", JsonSerializer.Serialize(definition.AsObject()).Replace("\\u0022", "\\\""));
        var vendedName = Props(("Fn::Join", Match.ArrayWith([Match.ArrayWith(["/aws/vendedlogs/states/djangocdk-eks-release-"])])));
        Template.HasResourceProperties("AWS::Logs::LogGroup", Props(("LogGroupName", Match.ObjectLike(vendedName))));
    }

    [Fact]
    public void Skip_appears_only_while_skipping()
    {
        // Then the fixture's steps (Skip false) have no Skip property at all, so turning it off re-runs the commands
        Template.AllResourcesProperties(EksReleasePhase.ResourceType, Match.ObjectLike(Props(("Skip", Match.Absent()))));

        // Given a phase with Skip on, on an imported cluster
        var stack = TestStacks.New();
        var cluster = Cluster.FromClusterAttributes(stack, "Imported", new ClusterAttributes
        {
            ClusterName = "django",
            ClusterEndpoint = "https://ABC.gr7.eu-west-1.eks.amazonaws.com",
            ClusterCertificateAuthorityData = "Q0E=",
        });
        new EksReleasePhase(stack, "Release", new EksReleasePhaseOptions(cluster, "app", [EksReleasePhaseFixture.Migrate], 600, Skip: true));
        // Then every step says Skip "true"
        stack.Template().AllResourcesProperties(EksReleasePhase.ResourceType, Match.ObjectLike(Props(("Skip", "true"), ("ClusterName", "django"))));
    }

    [Fact]
    public void A_manifest_that_names_its_Job_is_rejected()
    {
        // Given a Job manifest with metadata.name
        var stack = TestStacks.New();
        var cluster = Cluster.FromClusterAttributes(stack, "Imported", new ClusterAttributes { ClusterName = "django", ClusterEndpoint = "https://x", ClusterCertificateAuthorityData = "Q0E=" });
        var step = EksReleasePhaseFixture.Migrate with
        {
            JobManifest = new Dictionary<string, object>(EksReleasePhaseFixture.Migrate.JobManifest) { ["metadata"] = new Dictionary<string, object> { ["name"] = "migrate" } },
        };
        // When the phase is built / Then it fails naming the step
        var error = Assert.Throws<ArgumentException>(() => new EksReleasePhase(stack, "Release", new EksReleasePhaseOptions(cluster, "app", [step], 600, Skip: false)));
        Assert.Contains("'migrate' sets metadata.name", error.Message);
    }

    [Theory]
    [InlineData(59)]
    [InlineData(ReleaseProvider.MaxTaskTimeoutSeconds + 1)]
    public void A_timeout_beyond_what_CloudFormation_waits_is_rejected(int timeoutSeconds)
    {
        // Given a timeout outside 60 s .. 55 min
        var stack = TestStacks.New();
        var cluster = Cluster.FromClusterAttributes(stack, "Imported", new ClusterAttributes { ClusterName = "django", ClusterEndpoint = "https://x", ClusterCertificateAuthorityData = "Q0E=" });
        // When the phase is built / Then it fails
        Assert.Throws<ArgumentOutOfRangeException>(() => new EksReleasePhase(stack, "Release", new EksReleasePhaseOptions(cluster, "app", [EksReleasePhaseFixture.Migrate], timeoutSeconds, Skip: false)));
    }

    [Fact]
    public void Construct_IDs_of_the_phase_are_pinned()
    {
        // Renaming one replaces the cloud resource (a new access entry, a new provider): they are API
        Assert.Equal(["HandlerRole", "AccessEntry", "OnEvent", "IsComplete", "Provider", "Step1", "Step2"],
            new Constructs.IConstruct[] { Phase.Role, Phase.AccessEntry, Phase.Provider.OnEventHandler, Phase.Provider.IsCompleteHandler!, Phase.Provider, Phase.Steps[0], Phase.Steps[1] }.Select(c => c.Node.Id));
        Assert.Equal("Custom::DjangoEksRelease", EksReleasePhase.ResourceType);
    }
}
