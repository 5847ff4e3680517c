using System.Text.Json.Nodes;
using Xunit;

namespace DjangoCdk.Tests.TestSupport;

/// <summary>The Kubernetes schema validator itself: it must reject what the API server rejects, and accept what it accepts.</summary>
public sealed class KubernetesSchemaTests
{
    private const string Deployment = """
        {
          "apiVersion": "apps/v1",
          "kind": "Deployment",
          "metadata": { "name": "web", "namespace": "django", "labels": { "app": "web" } },
          "spec": {
            "replicas": 2,
            "selector": { "matchLabels": { "app": "web" } },
            "template": {
              "metadata": { "labels": { "app": "web" } },
              "spec": {
                "containers": [
                  {
                    "name": "web",
                    "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1",
                    "imagePullPolicy": "IfNotPresent",
                    "ports": [ { "name": "http", "containerPort": 8000 } ],
                    "resources": { "requests": { "cpu": "250m", "memory": "512Mi" }, "limits": { "memory": "512Mi" } }
                  }
                ]
              }
            }
          }
        }
        """;

    private const string ExternalSecret = """
        {
          "apiVersion": "external-secrets.io/v1",
          "kind": "ExternalSecret",
          "metadata": { "name": "database", "namespace": "django" },
          "spec": {
            "refreshInterval": "1h",
            "secretStoreRef": { "kind": "SecretStore", "name": "aws-secrets-manager" },
            "target": { "name": "database", "creationPolicy": "Owner" },
            "data": [
              { "secretKey": "password", "remoteRef": { "key": "django/database", "property": "password" } }
            ]
          }
        }
        """;

    /// <summary>The Deployment with <paramref name="change"/> applied to its first container.</summary>
    private static JsonObject DeploymentWithContainer(Action<JsonObject> change)
    {
        var deployment = JsonNode.Parse(Deployment)!.AsObject();
        change(deployment["spec"]!["template"]!["spec"]!["containers"]![0]!.AsObject());
        return deployment;
    }

    private static JsonObject Manifest(string json) => JsonNode.Parse(json)!.AsObject();

    [Fact]
    public void A_minimal_valid_deployment_passes()
    {
        // Given a Deployment the API server accepts
        var deployment = Manifest(Deployment);

        // When it is validated
        var errors = KubernetesSchema.Errors(deployment);

        // Then there is no error
        Assert.Empty(errors);
    }

    [Fact]
    public void A_misspelled_container_field_fails_naming_its_path()
    {
        // Given a container with imagePullPolice instead of imagePullPolicy
        var deployment = DeploymentWithContainer(c => c["imagePullPolice"] = "Always");

        // When it is validated
        var errors = KubernetesSchema.Errors(deployment);

        // Then the error names the field's path and says it is unknown
        var error = Assert.Single(errors);
        Assert.StartsWith("spec.template.spec.containers[0].imagePullPolice: unknown field", error);
    }

    [Fact]
    public void A_string_where_an_integer_is_required_fails()
    {
        // Given replicas as a string
        var deployment = Manifest(Deployment);
        deployment["spec"]!["replicas"] = "2";

        // When it is validated
        var errors = KubernetesSchema.Errors(deployment);

        // Then the error names replicas
        Assert.Contains(errors, e => e.StartsWith("spec.replicas:", StringComparison.Ordinal) && e.Contains("integer", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_required_field_fails()
    {
        // Given a container without a name
        var deployment = DeploymentWithContainer(c => c.Remove("name"));

        // When it is validated
        var errors = KubernetesSchema.Errors(deployment);

        // Then the error names the container and the missing field
        Assert.Contains(errors, e => e.StartsWith("spec.template.spec.containers[0]:", StringComparison.Ordinal) && e.Contains("name", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("8000")]
    [InlineData("\"http\"")]
    public void An_int_or_string_accepts_a_number_and_a_name(string port)
    {
        // Given a readiness probe on a port given as a number or as the port's name
        var deployment = DeploymentWithContainer(c => c["readinessProbe"] = new JsonObject
        {
            ["httpGet"] = new JsonObject { ["path"] = "/health/", ["port"] = JsonNode.Parse(port) },
        });

        // When it is validated
        var errors = KubernetesSchema.Errors(deployment);

        // Then there is no error
        Assert.Empty(errors);
    }

    [Fact]
    public void An_int_or_string_rejects_a_boolean()
    {
        // Given a probe port that is neither a number nor a name
        var deployment = DeploymentWithContainer(c => c["readinessProbe"] = new JsonObject
        {
            ["httpGet"] = new JsonObject { ["port"] = true },
        });

        // When it is validated
        var errors = KubernetesSchema.Errors(deployment);

        // Then the port is named
        Assert.Contains(errors, e => e.StartsWith("spec.template.spec.containers[0].readinessProbe.httpGet.port:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("\"512Mi\"")]
    [InlineData("1")]
    [InlineData("0.5")]
    public void A_quantity_accepts_a_string_and_a_number(string quantity)
    {
        // Given resource limits as "512Mi", 1 or 0.5
        var deployment = DeploymentWithContainer(c => c["resources"] = new JsonObject
        {
            ["limits"] = new JsonObject { ["cpu"] = JsonNode.Parse(quantity), ["memory"] = JsonNode.Parse(quantity) },
        });

        // When it is validated
        var errors = KubernetesSchema.Errors(deployment);

        // Then there is no error
        Assert.Empty(errors);
    }

    [Fact]
    public void An_unknown_kind_fails()
    {
        // Given a kind apps/v1 does not serve
        var manifest = Manifest("""{ "apiVersion": "apps/v1", "kind": "Deploymnet", "metadata": { "name": "web" } }""");

        // When it is validated
        var errors = KubernetesSchema.Errors(manifest);

        // Then the error names the kind and the apiVersion
        var error = Assert.Single(errors);
        Assert.Contains("Deploymnet", error);
        Assert.Contains("apps/v1", error);
    }

    [Fact]
    public void A_kind_in_an_apiVersion_that_no_longer_serves_it_fails()
    {
        // Given a Deployment in extensions/v1beta1, removed in Kubernetes 1.16
        var deployment = Manifest(Deployment);
        deployment["apiVersion"] = "extensions/v1beta1";

        // When it is validated
        var errors = KubernetesSchema.Errors(deployment);

        // Then it fails
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void A_manifest_without_apiVersion_fails()
    {
        // Given a manifest with a kind only
        var manifest = Manifest("""{ "kind": "Namespace", "metadata": { "name": "django" } }""");

        // When it is validated
        var errors = KubernetesSchema.Errors(manifest);

        // Then it fails
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void A_misspelled_metadata_field_fails()
    {
        // Given metadata with "label" for "labels" (metadata is a $ref to ObjectMeta)
        var manifest = Manifest("""{ "apiVersion": "v1", "kind": "Namespace", "metadata": { "name": "django", "label": { "a": "b" } } }""");

        // When it is validated
        var errors = KubernetesSchema.Errors(manifest);

        // Then the error names metadata.label
        Assert.Contains(errors, e => e.StartsWith("metadata.label: unknown field", StringComparison.Ordinal));
    }

    [Fact]
    public void A_valid_external_secret_passes()
    {
        // Given an ExternalSecret that takes one JSON key of a Secrets Manager secret
        var manifest = Manifest(ExternalSecret);

        // When it is validated
        var errors = KubernetesSchema.Errors(manifest);

        // Then there is no error
        Assert.Empty(errors);
    }

    [Fact]
    public void An_external_secret_with_a_misspelled_field_fails()
    {
        // Given remoteRef.propery for remoteRef.property
        var manifest = Manifest(ExternalSecret.Replace("\"property\"", "\"propery\"", StringComparison.Ordinal));

        // When it is validated
        var errors = KubernetesSchema.Errors(manifest);

        // Then the error names the field's path
        Assert.Contains(errors, e => e.StartsWith("spec.data[0].remoteRef.propery: unknown field", StringComparison.Ordinal));
    }

    [Fact]
    public void An_external_secret_in_v1beta1_fails()
    {
        // Given an ExternalSecret in v1beta1, which the pinned chart no longer serves
        var manifest = Manifest(ExternalSecret.Replace("external-secrets.io/v1", "external-secrets.io/v1beta1", StringComparison.Ordinal));

        // When it is validated
        var errors = KubernetesSchema.Errors(manifest);

        // Then it fails
        Assert.NotEmpty(errors);
    }

    [Fact]
    public void A_secret_store_for_secrets_manager_with_a_service_account_passes()
    {
        // Given a SecretStore that reads Secrets Manager with the service account's IAM role (IRSA)
        var manifest = Manifest("""
            {
              "apiVersion": "external-secrets.io/v1",
              "kind": "SecretStore",
              "metadata": { "name": "aws-secrets-manager", "namespace": "django" },
              "spec": {
                "provider": {
                  "aws": {
                    "service": "SecretsManager",
                    "region": "eu-west-1",
                    "auth": { "jwt": { "serviceAccountRef": { "name": "external-secrets" } } }
                  }
                }
              }
            }
            """);

        // When it is validated
        var errors = KubernetesSchema.Errors(manifest);

        // Then there is no error
        Assert.Empty(errors);
    }

    [Fact]
    public void A_secret_store_with_an_unknown_service_fails()
    {
        // Given a SecretStore whose AWS service is not one the CRD allows
        var manifest = Manifest("""
            {
              "apiVersion": "external-secrets.io/v1",
              "kind": "SecretStore",
              "metadata": { "name": "aws" },
              "spec": { "provider": { "aws": { "service": "SecretManager", "region": "eu-west-1" } } }
            }
            """);

        // When it is validated
        var errors = KubernetesSchema.Errors(manifest);

        // Then the error names the service
        Assert.Contains(errors, e => e.StartsWith("spec.provider.aws.service:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("""{ "apiVersion": "v1", "kind": "Namespace", "metadata": { "name": "django" } }""")]
    [InlineData("""{ "apiVersion": "v1", "kind": "ServiceAccount", "metadata": { "name": "web", "annotations": { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/web" } } }""")]
    [InlineData("""{ "apiVersion": "v1", "kind": "ConfigMap", "metadata": { "name": "django" }, "data": { "DJANGO_SETTINGS_MODULE": "app.settings" } }""")]
    [InlineData("""{ "apiVersion": "v1", "kind": "Service", "metadata": { "name": "web" }, "spec": { "type": "ClusterIP", "selector": { "app": "web" }, "ports": [ { "port": 80, "targetPort": "http" } ] } }""")]
    [InlineData("""{ "apiVersion": "batch/v1", "kind": "Job", "metadata": { "name": "migrate" }, "spec": { "backoffLimit": 0, "template": { "spec": { "restartPolicy": "Never", "containers": [ { "name": "migrate", "image": "web:1", "command": ["python", "manage.py", "migrate"] } ] } } } }""")]
    [InlineData("""{ "apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": { "name": "web" }, "spec": { "scaleTargetRef": { "apiVersion": "apps/v1", "kind": "Deployment", "name": "web" }, "minReplicas": 2, "maxReplicas": 10, "metrics": [ { "type": "Resource", "resource": { "name": "cpu", "target": { "type": "Utilization", "averageUtilization": 70 } } } ] } }""")]
    [InlineData("""{ "apiVersion": "policy/v1", "kind": "PodDisruptionBudget", "metadata": { "name": "web" }, "spec": { "minAvailable": 1, "selector": { "matchLabels": { "app": "web" } } } }""")]
    [InlineData("""{ "apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": { "name": "web", "annotations": { "alb.ingress.kubernetes.io/scheme": "internet-facing" } }, "spec": { "ingressClassName": "alb", "rules": [ { "host": "example.com", "http": { "paths": [ { "path": "/", "pathType": "Prefix", "backend": { "service": { "name": "web", "port": { "number": 80 } } } } ] } } ] } }""")]
    public void The_kinds_DjangoEks_creates_resolve_and_pass(string json)
    {
        // Given a valid manifest of a kind DjangoEks creates
        var manifest = Manifest(json);

        // When it is validated
        var errors = KubernetesSchema.Errors(manifest);

        // Then there is no error
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("v1", "Namespace")]
    [InlineData("v1", "ServiceAccount")]
    [InlineData("v1", "ConfigMap")]
    [InlineData("v1", "Service")]
    [InlineData("apps/v1", "Deployment")]
    [InlineData("batch/v1", "Job")]
    [InlineData("autoscaling/v2", "HorizontalPodAutoscaler")]
    [InlineData("policy/v1", "PodDisruptionBudget")]
    [InlineData("networking.k8s.io/v1", "Ingress")]
    [InlineData("external-secrets.io/v1", "ExternalSecret")]
    [InlineData("external-secrets.io/v1", "SecretStore")]
    public void The_kinds_DjangoEks_creates_are_known(string apiVersion, string kind)
    {
        // Given the kinds DjangoEks creates
        // When the validator lists the kinds it knows
        var kinds = KubernetesSchema.Kinds;

        // Then each is among them
        Assert.Contains($"{apiVersion} {kind}", kinds);
    }

    [Fact]
    public void A_field_of_a_kind_that_is_misspelled_fails_in_every_kind()
    {
        // Given a Service with "selectors" for "selector"
        var manifest = Manifest("""{ "apiVersion": "v1", "kind": "Service", "metadata": { "name": "web" }, "spec": { "selectors": { "app": "web" }, "ports": [ { "port": 80 } ] } }""");

        // When it is validated
        var errors = KubernetesSchema.Errors(manifest);

        // Then the error names spec.selectors
        Assert.Contains(errors, e => e.StartsWith("spec.selectors: unknown field", StringComparison.Ordinal));
    }
}
