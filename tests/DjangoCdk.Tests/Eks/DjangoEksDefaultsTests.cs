using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.EKS;
using DjangoCdk.Tests.TestSupport;
using Xunit;
using static DjangoCdk.Tests.TestSupport.Json;

namespace DjangoCdk.Tests.Eks;

/// <summary>What DjangoEks builds when only the image, the kubectl layer and the domain are given.</summary>
public sealed class DjangoEksDefaultsTests(DjangoEksDefaultsFixture fixture) : IClassFixture<DjangoEksDefaultsFixture>
{
    private const string ClusterType = "Custom::AWSCDK-EKS-Cluster";
    private const string HealthCheckPath = "/api/health-check/";
    private static readonly string[] ContractSecrets = ["DJANGO_SECRET_KEY", "POSTGRES_PASSWORD", "REDIS_PASSWORD"];

    private readonly Template template = fixture.Template;
    private readonly DjangoEks django = fixture.Django;
    private EksTemplate Eks => fixture.Eks;

    private string ClusterId => fixture.Id(django.Cluster);
    private JsonObject ClusterConfig => Eks.Properties(ClusterId)["Config"]!.AsObject();
    private object[] PrivateSubnets => django.Vpc.PrivateSubnets.Select(s => (object)Ref(fixture.Id(s))).ToArray();
    private string Web => fixture.Id(django.Workloads[0]);
    private string Ingress => fixture.Id(django.Workloads[1]);
    private string Worker => fixture.Id(django.Workloads[2]);
    private string Secrets => fixture.Id(django.SecretsManifest);
    private ServiceAccount SecretsReader => (ServiceAccount)django.Cluster.Node.FindChild(DjangoEks.Ids.SecretsReader);
    private ServiceAccount ExternalDnsAccount => (ServiceAccount)django.Cluster.Node.FindChild(DjangoEks.Ids.ExternalDnsServiceAccount);
    private string SecretsOperatorChart => fixture.Id(django.Cluster.Node.FindChild("chart-" + DjangoEks.Ids.ExternalSecretsOperator));

    // ---- Kubernetes schema ----

    [Fact]
    public void Every_Kubernetes_manifest_passes_the_schema_of_the_cluster_version()
    {
        // Given the defaults / When synthesized / Then every object the CDK applies is valid for Kubernetes 1.35 and the ESO CRDs
        Assert.NotEmpty(Eks.Manifests);
        Assert.Empty(KubernetesSchema.ErrorsIn(template));
    }

    [Fact]
    public void Every_release_Job_passes_the_schema_of_the_cluster_version()
    {
        // The Jobs travel as a JSON string property of the release steps, outside the manifests ErrorsIn reads
        Assert.NotEmpty(django.ReleaseSteps);
        foreach (var step in django.ReleaseSteps)
            Assert.Empty(KubernetesSchema.Errors(Eks.Job(step)));
    }

    // ---- Cluster ----

    [Fact]
    public void Cluster_runs_the_default_Kubernetes_version()
    {
        Assert.Equal(KubernetesVersions.Default, (string?)ClusterConfig["version"]);
    }

    [Fact]
    public void The_secrets_key_is_scheduled_for_deletion_with_the_stack_after_thirty_days()
    {
        template.HasResourceWithId(fixture.Id(django.SecretsKey), Props(
            ("DeletionPolicy", "Delete"),
            ("Properties", Match.ObjectLike(Props(("PendingWindowInDays", 30))))));
    }

    [Fact]
    public void Cluster_encrypts_Secrets_with_the_constructs_rotating_KMS_key()
    {
        var encryption = Assert.Single(ClusterConfig["encryptionConfig"]!.AsArray())!;
        Eks.AssertIsToken(django.SecretsKey.KeyArn, encryption["provider"]!["keyArn"]);
        Assert.Equal(["secrets"], encryption["resources"]!.AsArray().Select(r => (string)r!));
        template.HasPropertiesWithId(fixture.Id(django.SecretsKey), ("EnableKeyRotation", true));
    }

    [Fact]
    public void Cluster_logs_all_five_control_plane_log_types()
    {
        var logging = Assert.Single(ClusterConfig["logging"]!["clusterLogging"]!.AsArray())!;
        Assert.True((bool)logging["enabled"]!);
        Assert.Equal(["api", "audit", "authenticator", "controllerManager", "scheduler"], logging["types"]!.AsArray().Select(t => (string)t!).Order());
    }

    [Fact]
    public void Cluster_authenticates_with_access_entries_only()
    {
        Assert.Equal("API", (string?)ClusterConfig["accessConfig"]!["authenticationMode"]);
    }

    [Fact]
    public void Cluster_endpoint_is_public_and_private()
    {
        var vpc = ClusterConfig["resourcesVpcConfig"]!;
        Assert.True((bool)vpc["endpointPublicAccess"]!);
        Assert.True((bool)vpc["endpointPrivateAccess"]!);
    }

    [Fact]
    public void Nodes_are_two_to_four_graviton_t4g_medium_on_AL2023_in_private_subnets()
    {
        template.HasPropertiesWithId(fixture.Id(django.Nodes),
            ("AmiType", "AL2023_ARM_64_STANDARD"),
            ("InstanceTypes", new[] { "t4g.medium" }),
            ("CapacityType", "ON_DEMAND"),
            ("DiskSize", 30),
            ("ScalingConfig", Props(("MinSize", 2), ("MaxSize", 4), ("DesiredSize", 2))),
            ("Subnets", PrivateSubnets));
    }

    [Fact]
    public void Image_is_built_for_arm64_by_default()
    {
        var image = Assert.Single(AssetManifest.DockerImages(fixture.Stack));
        Assert.Equal("linux/arm64", image.Platform);
    }

    // ---- Namespace and web ----

    [Fact]
    public void App_namespace_enforces_the_restricted_pod_security_standard()
    {
        var labels = Eks.Object("Namespace", DjangoEks.AppNamespace).Body["metadata"]!["labels"]!;
        Assert.Equal("app", DjangoEks.AppNamespace);
        Assert.Equal("restricted", (string?)labels["pod-security.kubernetes.io/enforce"]);
    }

    [Fact]
    public void Web_leaves_its_count_to_the_autoscaler_and_rolls_without_taking_one_down()
    {
        var spec = Eks.Object("Deployment", "web").Body["spec"]!;
        Assert.Null(spec["replicas"]);
        Assert.Equal("RollingUpdate", (string?)spec["strategy"]!["type"]);
        Assert.Equal(0, (int)spec["strategy"]!["rollingUpdate"]!["maxUnavailable"]!);
    }

    [Fact]
    public void Web_probes_get_the_health_check_path_with_the_sites_Host_header()
    {
        var container = Eks.Container("web");
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            var get = container[probe]!["httpGet"]!;
            Assert.Equal(HealthCheckPath, (string?)get["path"]);
            var header = Assert.Single(get["httpHeaders"]!.AsArray())!;
            Assert.Equal(("Host", DjangoEksDefaultsFixture.Domain), ((string)header["name"]!, (string)header["value"]!));
        }
    }

    [Fact]
    public void Every_container_has_cpu_and_memory_requests_and_limits()
    {
        foreach (var (owner, container) in Eks.AllContainers)
        {
            foreach (var kind in new[] { "requests", "limits" })
            {
                Assert.True(container["resources"]?[kind]?["cpu"] is not null, $"{owner} has no {kind}.cpu");
                Assert.True(container["resources"]?[kind]?["memory"] is not null, $"{owner} has no {kind}.memory");
            }
        }
    }

    [Fact]
    public void Every_pod_runs_non_root_without_privileges_on_a_read_only_root_with_a_writable_tmp()
    {
        var pods = Eks.Manifests.Where(m => (string?)m.Body["kind"] == "Deployment").Select(m => ((string)m.Body["metadata"]!["name"]!, Eks.PodSpec((string)m.Body["metadata"]!["name"]!)))
            .Concat(django.ReleaseSteps.Select(s => ("release", Eks.Job(s)["spec"]!["template"]!["spec"]!.AsObject())));
        foreach (var (name, pod) in pods)
        {
            Assert.True((bool)pod["securityContext"]!["runAsNonRoot"]!, name);
            Assert.Equal("RuntimeDefault", (string?)pod["securityContext"]!["seccompProfile"]!["type"]);
            var tmp = Assert.Single(pod["volumes"]!.AsArray())!;
            Assert.NotNull(tmp["emptyDir"]);
            foreach (var container in pod["containers"]!.AsArray())
            {
                var security = container!["securityContext"]!;
                Assert.True((bool)security["runAsNonRoot"]!, name);
                Assert.False((bool)security["allowPrivilegeEscalation"]!, name);
                Assert.True((bool)security["readOnlyRootFilesystem"]!, name);
                Assert.Equal(["ALL"], security["capabilities"]!["drop"]!.AsArray().Select(c => (string)c!));
                var mount = Assert.Single(container["volumeMounts"]!.AsArray())!;
                Assert.Equal(("/tmp", (string)tmp["name"]!), ((string)mount["mountPath"]!, (string)mount["name"]!));
            }
        }
    }

    [Fact]
    public void Web_pods_spread_over_zones_run_as_the_app_service_account_and_get_at_least_30_seconds_to_stop()
    {
        var pod = Eks.PodSpec("web");
        Assert.Contains("topology.kubernetes.io/zone", pod["topologySpreadConstraints"]!.AsArray().Select(c => (string)c!["topologyKey"]!));
        Assert.Equal(DjangoEks.AppServiceAccountName, (string?)pod["serviceAccountName"]);
        Assert.Equal("django", DjangoEks.AppServiceAccountName);
        Assert.True((int)pod["terminationGracePeriodSeconds"]! >= 30);
    }

    [Theory]
    [InlineData("web", 2, 4)]
    [InlineData("worker", 1, 2)]
    public void Web_and_worker_scale_on_cpu_at_70_percent(string name, int min, int max)
    {
        var hpa = Eks.Object("HorizontalPodAutoscaler", name).Body;
        Assert.Equal("autoscaling/v2", (string?)hpa["apiVersion"]);
        var spec = hpa["spec"]!;
        Assert.Equal(("Deployment", name), ((string)spec["scaleTargetRef"]!["kind"]!, (string)spec["scaleTargetRef"]!["name"]!));
        Assert.Equal((min, max), ((int)spec["minReplicas"]!, (int)spec["maxReplicas"]!));
        var metric = Assert.Single(spec["metrics"]!.AsArray())!["resource"]!;
        Assert.Equal(("cpu", 70), ((string)metric["name"]!, (int)metric["target"]!["averageUtilization"]!));
    }

    [Theory]
    [InlineData("web")]
    [InlineData("worker")]
    public void Web_and_worker_lose_at_most_one_pod_to_a_voluntary_disruption(string name)
    {
        var pdb = Eks.Object("PodDisruptionBudget", name).Body;
        Assert.Equal("policy/v1", (string?)pdb["apiVersion"]);
        Assert.Equal(1, (int)pdb["spec"]!["maxUnavailable"]!);
        Assert.Equal(name, (string?)pdb["spec"]!["selector"]!["matchLabels"]!["app.kubernetes.io/component"]);
    }

    [Fact]
    public void Worker_runs_celery_on_its_queue_and_its_probes_ping_itself()
    {
        var container = Eks.Container("worker");
        Assert.Equal(["celery", "-A", "backend.celery_app:app", "worker", "--loglevel", "INFO", "-Q", "celery", "-n", "worker@%h"],
            container["command"]!.AsArray().Select(c => (string)c!));
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            var command = string.Join(" ", container[probe]!["exec"]!["command"]!.AsArray().Select(c => (string)c!));
            Assert.Contains("celery -A backend.celery_app:app inspect ping", command);
            Assert.Contains("-d worker@$HOSTNAME", command);
        }
    }

    [Fact]
    public void No_beat_is_deployed_by_default()
    {
        Assert.False(Eks.Has("Deployment", "beat"));
        Assert.Equal(3, django.Workloads.Count);
    }

    // ---- Ingress ----

    [Fact]
    public void Ingress_is_an_internet_facing_alb_for_the_domain()
    {
        var ingress = Eks.Object("Ingress", "web").Body;
        Assert.Equal("alb", (string?)ingress["spec"]!["ingressClassName"]);
        Assert.Equal(DjangoEksDefaultsFixture.Domain, (string?)Assert.Single(ingress["spec"]!["rules"]!.AsArray())!["host"]);
        var annotations = ingress["metadata"]!["annotations"]!;
        Assert.Equal("internet-facing", (string?)annotations["alb.ingress.kubernetes.io/scheme"]);
        Assert.Equal("ip", (string?)annotations["alb.ingress.kubernetes.io/target-type"]);
        Assert.Equal("443", (string?)annotations["alb.ingress.kubernetes.io/ssl-redirect"]);
        Assert.Equal(HealthCheckPath, (string?)annotations["alb.ingress.kubernetes.io/healthcheck-path"]);
    }

    [Fact]
    public void Ingress_serves_the_certificate_the_construct_creates()
    {
        template.HasPropertiesWithId(fixture.Id(django.Certificate), ("DomainName", DjangoEksDefaultsFixture.Domain), ("ValidationMethod", "DNS"));
        Eks.AssertIsToken(django.Certificate.CertificateArn, Eks.TokenAfter(Ingress, "Manifest", "\"alb.ingress.kubernetes.io/certificate-arn\":\""));
    }

    [Fact]
    public void Ingress_load_balancer_writes_access_logs_to_the_logs_bucket()
    {
        var attributes = (string)Eks.Object("Ingress", "web").Body["metadata"]!["annotations"]!["alb.ingress.kubernetes.io/load-balancer-attributes"]!;
        Assert.Contains("access_logs.s3.enabled=true", attributes);
        Assert.Contains("access_logs.s3.prefix=alb/Django", attributes);
        Eks.AssertIsToken(django.AccessLogsBucket.BucketName, Eks.TokenAfter(Ingress, "Manifest", "access_logs.s3.bucket="));
    }

    // ---- Secrets ----

    [Fact]
    public void No_secret_value_reaches_a_manifest_or_a_custom_resource()
    {
        // The Kubernetes Secret is written by External Secrets Operator in the cluster, never by the template
        Assert.DoesNotContain(Eks.Manifests, m => (string?)m.Body["kind"] == "Secret");
        // A dynamic reference in a custom resource's properties would be resolved into the event its Lambda receives and logs
        foreach (var (id, resource) in Eks.Json.Resources.Where(r => ((string)r.Value!["Type"]!).StartsWith("Custom::", StringComparison.Ordinal)))
            Assert.DoesNotContain("{{resolve:secretsmanager", resource!["Properties"]!.ToJsonString(), StringComparison.Ordinal);
        // Every secret is generated by Secrets Manager, none carries a value
        foreach (var (id, secret) in Eks.Json.OfType("AWS::SecretsManager::Secret"))
        {
            Assert.Null(secret["Properties"]!["SecretString"]);
            Assert.NotNull(secret["Properties"]!["GenerateSecretString"]);
        }
    }

    [Fact]
    public void External_secret_maps_the_three_contract_secrets_to_their_Secrets_Manager_ARNs()
    {
        var data = Eks.Object("ExternalSecret", DjangoEks.AppSecretName).Body["spec"]!["data"]!.AsArray();
        Assert.Equal(ContractSecrets, data.Select(d => (string)d!["secretKey"]!));
        Assert.Equal("password", (string?)data[1]!["remoteRef"]!["property"]);
        Assert.Null(data[0]!["remoteRef"]!["property"]);
        Assert.Null(data[2]!["remoteRef"]!["property"]);
        Eks.AssertIsToken(django.SecretKey.SecretArn, Eks.TokenAfter(Secrets, "Manifest", "\"secretKey\":\"DJANGO_SECRET_KEY\",\"remoteRef\":{\"key\":\""));
        Eks.AssertIsToken(django.Database.Secret!.SecretArn, Eks.TokenAfter(Secrets, "Manifest", "\"secretKey\":\"POSTGRES_PASSWORD\",\"remoteRef\":{\"key\":\""));
        Eks.AssertIsToken(django.CacheAuthToken.SecretArn, Eks.TokenAfter(Secrets, "Manifest", "\"secretKey\":\"REDIS_PASSWORD\",\"remoteRef\":{\"key\":\""));
    }

    [Fact]
    public void Containers_read_the_secrets_from_the_Kubernetes_Secret_and_never_as_plain_values()
    {
        foreach (var (owner, container) in Eks.AllContainers)
        {
            var env = container["env"]!.AsArray().Select(e => e!.AsObject()).ToList();
            foreach (var name in ContractSecrets)
            {
                var variable = Assert.Single(env, e => (string?)e["name"] == name);
                Assert.Null(variable["value"]);
                var reference = variable["valueFrom"]!["secretKeyRef"]!;
                Assert.Equal((DjangoEks.AppSecretName, name), ((string)reference["name"]!, (string)reference["key"]!));
            }
        }

        Assert.Equal("django-secrets", DjangoEks.AppSecretName);
    }

    // ---- Ordering ----

    [Fact]
    public void Web_worker_and_ingress_wait_for_the_last_release_step()
    {
        var last = fixture.Id(django.ReleaseSteps[^1]);
        foreach (var workload in new[] { Web, Ingress, Worker })
            Assert.True(Eks.DependsOnTransitively(workload, last), $"{workload} does not wait for {last}");
        // and not the other way round (the helper tells the two apart)
        Assert.False(Eks.DependsOnTransitively(last, Web));
    }

    [Fact]
    public void Release_steps_wait_for_the_secrets_and_run_in_order()
    {
        foreach (var step in django.ReleaseSteps)
            Assert.True(Eks.DependsOnTransitively(fixture.Id(step), Secrets));
        Assert.True(Eks.DependsOnTransitively(fixture.Id(django.ReleaseSteps[1]), fixture.Id(django.ReleaseSteps[0])));
    }

    [Fact]
    public void Secrets_wait_for_the_External_Secrets_Operator_chart()
    {
        Assert.True(Eks.DependsOnTransitively(Secrets, SecretsOperatorChart));
        template.HasPropertiesWithId(SecretsOperatorChart, ("Chart", "external-secrets"), ("Wait", true));
    }

    [Fact]
    public void The_first_release_step_runs_migrate_as_a_Job_with_the_new_image_and_no_retry()
    {
        var step = django.ReleaseSteps[0];
        var job = Eks.Job(step);
        var pod = job["spec"]!["template"]!["spec"]!;
        Assert.Equal(0, (int)job["spec"]!["backoffLimit"]!);
        Assert.Equal("Never", (string?)pod["restartPolicy"]);
        var container = Assert.Single(pod["containers"]!.AsArray())!;
        Assert.Equal(["python", "manage.py", "migrate", "--no-input"], container["command"]!.AsArray().Select(c => (string)c!));
        Eks.AssertIsToken(django.ImageAsset.ImageUri, Eks.TokenAfter(fixture.Id(step), "Job", "\"image\":\""));
    }

    [Fact]
    public void Workloads_run_the_one_image_that_the_release_ran()
    {
        foreach (var workload in new[] { Web, Worker })
            Eks.AssertIsToken(django.ImageAsset.ImageUri, Eks.TokenAfter(workload, "Manifest", "\"image\":\""));
    }

    // ---- IAM ----

    [Fact]
    public void App_service_account_role_reaches_the_static_bucket_and_nothing_else()
    {
        var statements = StatementsOf(django.AppServiceAccount.Role);
        var bucketArn = Eks.Resolved(django.StaticFileBucket.BucketArn);
        var objectsArn = Eks.Resolved(django.StaticFileBucket.ArnForObjects("*"));
        Assert.NotEmpty(statements);
        foreach (var statement in statements)
        {
            Assert.Equal("Allow", (string?)statement["Effect"]);
            Assert.All(Strings(statement["Action"]), a => Assert.StartsWith("s3:", a));
            Assert.True(JsonNode.DeepEquals(statement["Resource"], bucketArn) || JsonNode.DeepEquals(statement["Resource"], objectsArn), statement.ToJsonString());
        }

        Assert.Contains(statements, s => Strings(s["Action"]).Contains("s3:PutObject"));
    }

    [Fact]
    public void Secrets_reader_role_reads_exactly_the_three_generated_secrets()
    {
        var statements = StatementsOf(SecretsReader.Role);
        foreach (var statement in statements)
            Assert.All(Strings(statement["Action"]), a => Assert.Contains(a, new[] { "secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret" }));
        var expected = new[] { django.SecretKey.SecretArn, django.Database.Secret!.SecretArn, django.CacheAuthToken.SecretArn }.Select(a => Eks.Resolved(a).ToJsonString()).Order();
        Assert.Equal(expected, statements.Select(s => s["Resource"]!.ToJsonString()).Order());
    }

    [Fact]
    public void External_dns_may_change_records_only_in_the_given_hosted_zone()
    {
        var statements = StatementsOf(ExternalDnsAccount.Role);
        var change = Assert.Single(statements, s => Strings(s["Action"]).Contains("route53:ChangeResourceRecordSets"));
        Assert.EndsWith(":route53:::hostedzone/" + DjangoEksDefaultsFixture.ZoneId, Literal(change["Resource"]));
        var wildcard = Assert.Single(statements, s => s["Resource"] is JsonValue v && (string?)v == "*");
        Assert.Equal(["route53:ListHostedZones"], Strings(wildcard["Action"]));
    }

    [Fact]
    public void Release_handler_may_edit_the_app_namespace_only()
    {
        var entry = Eks.Properties(fixture.Id(django.Release!.AccessEntry));
        Eks.AssertIsToken(django.Release.Role.RoleArn, entry["PrincipalArn"]);
        Eks.AssertIsToken(django.Cluster.ClusterName, entry["ClusterName"]);
        var policy = Assert.Single(entry["AccessPolicies"]!.AsArray())!;
        Assert.EndsWith(":eks::aws:cluster-access-policy/AmazonEKSEditPolicy", Literal(policy["PolicyArn"]));
        Assert.Equal("namespace", (string?)policy["AccessScope"]!["Type"]);
        Assert.Equal(["app"], Strings(policy["AccessScope"]!["Namespaces"]));
    }

    [Fact]
    public void No_admin_access_entry_is_created_without_AdminRoleArns()
    {
        template.ResourceCountIs("AWS::EKS::AccessEntry", 1);
    }

    [Theory]
    [InlineData(DjangoEks.Ids.AppServiceAccount, "system:serviceaccount:app:django")]
    [InlineData(DjangoEks.Ids.SecretsReader, "system:serviceaccount:app:django-secrets-reader")]
    [InlineData(DjangoEks.Ids.ExternalDnsServiceAccount, "system:serviceaccount:kube-system:external-dns")]
    public void Each_IRSA_role_trusts_its_one_service_account(string id, string subject)
    {
        var account = (ServiceAccount)django.Cluster.Node.FindChild(id);
        var trust = Assert.Single(Eks.Properties(fixture.Id(account.Role))["AssumeRolePolicyDocument"]!["Statement"]!.AsArray())!;
        Assert.Equal("sts:AssumeRoleWithWebIdentity", (string?)trust["Action"]);
        var conditionId = (string)trust["Condition"]!["StringEquals"]!["Fn::GetAtt"]![0]!;
        var condition = Literal(Eks.Properties(conditionId)["Value"]);
        Assert.Contains($":sub\":\"{subject}\"", condition);
        Assert.Contains(":aud\":\"sts.amazonaws.com\"", condition);
    }

    // ---- Stability and outputs ----

    [Fact]
    public void Defaults_match_the_golden_template() => Snapshot.Matches(template, "DjangoEksDefaults");

    [Fact]
    public void Stateful_resources_keep_their_logical_IDs()
    {
        // Renaming one replaces the resource: a new, empty database, bucket, key or cluster
        Assert.Equal(
        [
            "DjangoDatabaseB961EC76", "DjangoCacheReplicationGroup49ED1D7F", "DjangoSecretKey344BA8E2", "DjangoCacheAuthToken499B7B9E",
            "DjangoStaticFiles00FE03DC", "DjangoAccessLogsA642658D", "DjangoSecretsKeyFD2BECF9", "DjangoClusterA5A0324A",
        ],
        new Constructs.IConstruct[] { django.Database, django.Cache, django.SecretKey, django.CacheAuthToken, django.StaticFileBucket, django.AccessLogsBucket, django.SecretsKey, django.Cluster }
            .Select(fixture.Id));
    }

    [Fact]
    public void Outputs_tell_how_to_reach_the_site_and_the_cluster()
    {
        template.HasOutput("DjangoSiteUrl", Props(("Value", "https://api.example.com")));
        template.HasOutput("DjangoUpdateKubeconfig", Props(("Value", Join(
            "aws eks update-kubeconfig --region eu-west-1 --name ", Ref(ClusterId)))));
        var command = Eks.Json.Root["Outputs"]!["DjangoRunManagementCommand"]!["Value"]!.ToString();
        Assert.StartsWith("kubectl --namespace app exec deploy/web", command);
        Assert.Contains("python manage.py", command);
    }

    private List<JsonObject> StatementsOf(Amazon.CDK.AWS.IAM.IRole role)
    {
        var roleId = fixture.Id(role);
        Assert.Null(Eks.Properties(roleId)["ManagedPolicyArns"]);
        Assert.Null(Eks.Properties(roleId)["Policies"]);
        return Eks.Json.OfType("AWS::IAM::Policy")
            .Where(p => p.Value["Properties"]!["Roles"]!.AsArray().Any(r => (string?)r!["Ref"] == roleId))
            .SelectMany(p => p.Value["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()))
            .ToList();
    }

    /// <summary>The literal text of a string or an Fn::Join, its intrinsics left out.</summary>
    private static string Literal(JsonNode? node) => node switch
    {
        JsonValue v => (string)v!,
        JsonObject o when o["Fn::Join"] is JsonArray join => string.Join((string)join[0]!, join[1]!.AsArray().OfType<JsonValue>().Select(v => (string)v!)),
        _ => throw new ArgumentException($"Not a string or Fn::Join: {node?.ToJsonString()}"),
    };

    private static string[] Strings(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(x => (string)x!).ToArray(),
        JsonValue v => [(string)v!],
        _ => [],
    };
}
