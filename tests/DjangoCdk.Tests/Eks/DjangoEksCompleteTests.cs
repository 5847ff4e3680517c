using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;

namespace DjangoCdk.Tests.Eks;

/// <summary>Each non-default prop of the everything-on DjangoEks reaches the template.</summary>
public sealed class DjangoEksCompleteTests(DjangoEksCompleteFixture fixture) : IClassFixture<DjangoEksCompleteFixture>
{
    private readonly Template template = fixture.Template;
    private readonly DjangoEks django = fixture.Django;
    private EksTemplate Eks => fixture.Eks;

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(x => (string)x!);

    [Fact]
    public void Everything_on_matches_the_golden_template() => Snapshot.Matches(template, "DjangoEksComplete");

    [Fact]
    public void Every_Kubernetes_manifest_and_release_Job_passes_the_schema_of_the_cluster_version()
    {
        Assert.Empty(KubernetesSchema.ErrorsIn(template));
        foreach (var step in django.ReleaseSteps)
            Assert.Empty(KubernetesSchema.Errors(Eks.Job(step)));
    }

    [Fact]
    public void Beat_is_a_single_replica_replaced_never_rolled_and_never_scaled()
    {
        var spec = Eks.Object("Deployment", "beat").Body["spec"]!;
        Assert.Equal(1, (int)spec["replicas"]!);
        Assert.Equal("Recreate", (string?)spec["strategy"]!["type"]);
        Assert.Null(spec["strategy"]!["rollingUpdate"]);
        Assert.False(Eks.Has("HorizontalPodAutoscaler", "beat"));
        Assert.False(Eks.Has("PodDisruptionBudget", "beat"));
        Assert.Contains("beat", Strings(Eks.Container("beat")["command"]));
    }

    [Fact]
    public void Beat_waits_for_the_last_release_step()
    {
        var beat = fixture.Id(django.Workloads[^1]);
        Assert.Equal("beat", (string?)KubernetesManifests.In(template).First(m => m.LogicalId == beat).Body["metadata"]!["name"]);
        Assert.True(Eks.DependsOnTransitively(beat, fixture.Id(django.ReleaseSteps[^1])));
    }

    [Theory]
    [InlineData("reports", "reports", "4")]
    [InlineData("emails", "emails,notifications", "2")]
    public void Each_worker_runs_its_queues_with_its_concurrency_and_ten_minutes_to_stop(string name, string queues, string concurrency)
    {
        var command = Strings(Eks.Container(name)["command"]).ToList();
        Assert.Equal(queues, command[command.IndexOf("-Q") + 1]);
        Assert.Equal(name + "@%h", command[command.IndexOf("-n") + 1]);
        Assert.Equal(concurrency, command[command.IndexOf("--concurrency") + 1]);
        Assert.Equal(600, (int)Eks.PodSpec(name)["terminationGracePeriodSeconds"]!);
    }

    [Fact]
    public void A_workers_size_and_counts_reach_its_pods_and_autoscaler()
    {
        var resources = Eks.Container("emails")["resources"]!;
        Assert.Equal("250m", (string?)resources["requests"]!["cpu"]);
        Assert.Equal("512Mi", (string?)resources["requests"]!["memory"]);
        var hpa = Eks.Object("HorizontalPodAutoscaler", "emails").Body["spec"]!;
        Assert.Equal((2, 5), ((int)hpa["minReplicas"]!, (int)hpa["maxReplicas"]!));
        Assert.Equal(1, (int)Eks.Object("PodDisruptionBudget", "emails").Body["spec"]!["maxUnavailable"]!);
    }

    [Fact]
    public void Web_size_and_counts_reach_its_pods_and_autoscaler()
    {
        var resources = Eks.Container("web")["resources"]!;
        Assert.Equal(("1", "2Gi"), ((string)resources["requests"]!["cpu"]!, (string)resources["requests"]!["memory"]!));
        Assert.Equal("2Gi", (string?)resources["limits"]!["memory"]);
        Assert.Null(Eks.Object("Deployment", "web").Body["spec"]!["replicas"]);
        var hpa = Eks.Object("HorizontalPodAutoscaler", "web").Body["spec"]!;
        Assert.Equal((3, 8), ((int)hpa["minReplicas"]!, (int)hpa["maxReplicas"]!));
    }

    [Fact]
    public void Nodes_are_x86_m7i_large_with_the_given_counts_and_disk()
    {
        template.HasPropertiesWithId(fixture.Id(django.Nodes),
            ("AmiType", "AL2023_x86_64_STANDARD"),
            ("InstanceTypes", new[] { "m7i.large" }),
            ("DiskSize", 50),
            ("ScalingConfig", Props(("MinSize", 3), ("MaxSize", 6), ("DesiredSize", 4))));
    }

    [Fact]
    public void Image_is_built_for_amd64_on_x86_nodes()
    {
        var image = Assert.Single(AssetManifest.DockerImages(fixture.Stack));
        Assert.Equal("linux/amd64", image.Platform);
    }

    [Fact]
    public void Admin_role_gets_cluster_admin_through_an_access_entry()
    {
        var policy = new Capture();
        template.HasResourceProperties("AWS::EKS::AccessEntry", Props(
            ("PrincipalArn", DjangoEksCompleteFixture.AdminRoleArn),
            ("ClusterName", Ref(fixture.Id(django.Cluster))),
            ("AccessPolicies", new object[] { Props(("PolicyArn", policy), ("AccessScope", Props(("Type", "cluster")))) })));
        var arn = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(policy.AsObject()))!;
        Assert.EndsWith(":eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", (string)arn["Fn::Join"]![1]!.AsArray().Last()!);
        template.ResourceCountIs("AWS::EKS::AccessEntry", 2);
    }

    [Fact]
    public void User_secret_field_is_synced_into_the_Kubernetes_Secret_and_read_by_every_container()
    {
        var entry = Assert.Single(Eks.Object("ExternalSecret", DjangoEks.AppSecretName).Body["spec"]!["data"]!.AsArray(), d => (string?)d!["secretKey"] == "STRIPE_API_KEY")!;
        Assert.Equal(DjangoEksCompleteFixture.StripeSecretArn, (string?)entry["remoteRef"]!["key"]);
        Assert.Equal("api_key", (string?)entry["remoteRef"]!["property"]);
        foreach (var (owner, container) in Eks.AllContainers)
        {
            var variable = Assert.Single(container["env"]!.AsArray(), e => (string?)e!["name"] == "STRIPE_API_KEY")!;
            Assert.Null(variable["value"]);
            Assert.Equal(DjangoEks.AppSecretName, (string?)variable["valueFrom"]!["secretKeyRef"]!["name"]);
        }
    }

    [Fact]
    public void Secrets_reader_may_read_the_user_secret()
    {
        template.HasResourceProperties("AWS::IAM::Policy", Props(
            ("Roles", new[] { Ref(fixture.Id(((Amazon.CDK.AWS.EKS.ServiceAccount)django.Cluster.Node.FindChild(DjangoEks.Ids.SecretsReader)).Role)) }),
            ("PolicyDocument", Patterns.Statement(("Resource", DjangoEksCompleteFixture.StripeSecretArn), ("Action", Match.ArrayWith(["secretsmanager:GetSecretValue"]))))));
    }

    [Fact]
    public void User_environment_variables_reach_every_container_as_plain_values()
    {
        foreach (var (owner, container) in Eks.AllContainers)
        {
            var variable = Assert.Single(container["env"]!.AsArray(), e => (string?)e!["name"] == "FEATURE_FLAGS")!;
            Assert.Equal("search,exports", (string?)variable["value"]);
        }
    }

    [Fact]
    public void Ingress_uses_the_given_certificate_and_no_certificate_is_created()
    {
        var annotations = Eks.Object("Ingress", "web").Body["metadata"]!["annotations"]!;
        Assert.Equal(DjangoEksCompleteFixture.CertificateArn, (string?)annotations["alb.ingress.kubernetes.io/certificate-arn"]);
        template.ResourceCountIs("AWS::CertificateManager::Certificate", 0);
    }

    [Fact]
    public void Database_runs_multi_az_without_deletion_protection()
    {
        template.HasPropertiesWithId(fixture.Id(django.Database), ("MultiAZ", true));
        Assert.Null(django.DatabaseProtection);
        template.ResourceCountIs("Custom::AWS", 0);
    }

    [Fact]
    public void Custom_release_commands_are_the_steps_in_order_and_run()
    {
        Assert.Equal(2, django.ReleaseSteps.Count);
        template.HasPropertiesWithId(fixture.Id(django.ReleaseSteps[0]), ("Name", "migrate"), ("Skip", Match.Absent()));
        template.HasPropertiesWithId(fixture.Id(django.ReleaseSteps[1]), ("Name", "createcachetable"), ("Command", new[] { "python", "manage.py", "createcachetable" }), ("Skip", Match.Absent()));
        var container = Assert.Single(Eks.Job(django.ReleaseSteps[1])["spec"]!["template"]!["spec"]!["containers"]!.AsArray())!;
        Assert.Equal(["python", "manage.py", "createcachetable"], Strings(container["command"]));
    }

    [Fact]
    public void Workloads_are_web_ingress_each_worker_then_beat()
    {
        Assert.Equal(["manifest-Web", "manifest-Ingress", "manifest-WorkerReports", "manifest-WorkerEmails", "manifest-Beat"], django.Workloads.Select(w => w.Node.Id));
    }

    [Fact]
    public void Alarm_emails_are_subscribed_to_the_alarm_topic()
    {
        var topic = fixture.Id(django.Monitoring!.AlarmTopic.Node.DefaultChild!);
        template.HasResourceProperties("AWS::SNS::Subscription", Props(("Protocol", "email"), ("Endpoint", DjangoEksCompleteFixture.AlarmEmail), ("TopicArn", Ref(topic))));
    }

    [Fact]
    public void No_dashboard_and_no_dashboard_output_when_turned_off()
    {
        Assert.Null(django.Monitoring!.Dashboard);
        template.ResourceCountIs("AWS::CloudWatch::Dashboard", 0);
        Assert.Null(new TemplateJson(template).Root["Outputs"]!["DjangoDashboardUrl"]);
        template.HasOutput("DjangoAlarmTopicArn", Match.AnyValue());
    }

    [Fact]
    public void An_alarms_own_threshold_and_window_reach_it_and_a_disabled_alarm_is_not_created()
    {
        template.HasPropertiesWithId(fixture.Id(django.Monitoring!.Alarms[nameof(AlarmsOptions.DatabaseCpuPercent)]),
            ("Threshold", 70), ("EvaluationPeriods", 30), ("DatapointsToAlarm", 30), ("Period", 60));
        Assert.False(django.Monitoring.Alarms.ContainsKey(nameof(AlarmsOptions.CacheEvictions)));
        template.ResourceCountIs("AWS::CloudWatch::Alarm", 6);
    }
}
