using System.Globalization;
using k8s.Models;

namespace DjangoCdk;

/// <summary>What every Django pod of a <see cref="DjangoEks"/> shares.</summary>
/// <param name="Namespace">The app's namespace.</param>
/// <param name="Image">The image URI (a token until deployment).</param>
/// <param name="ServiceAccount">The service account the pods run as (IRSA: the bucket).</param>
/// <param name="Variables">Plain environment variables: the contract and the user's.</param>
/// <param name="SecretName">The Kubernetes Secret External Secrets Operator writes.</param>
/// <param name="SecretKeys">The variables read from that Secret, each under its own name as the key.</param>
/// <param name="ContainerPort">The port gunicorn listens on.</param>
/// <param name="HealthCheckPath">The path the probes and the load balancer check.</param>
/// <param name="Host">The Host header of the web probes: the site's domain, which ALLOWED_HOSTS admits.</param>
internal sealed record PodSettings(
    string Namespace,
    string Image,
    string ServiceAccount,
    IReadOnlyDictionary<string, string> Variables,
    string SecretName,
    IReadOnlyList<string> SecretKeys,
    int ContainerPort,
    string HealthCheckPath,
    string Host);

/// <summary>
/// The application's Kubernetes objects, typed (KubernetesClient's models, generated from the Kubernetes OpenAPI
/// specification), built by the production checklist: probes, requests and limits, a HorizontalPodAutoscaler and a
/// PodDisruptionBudget per scalable workload, the "restricted" Pod Security Standard (non-root, no privilege
/// escalation, no capabilities, RuntimeDefault seccomp, read-only root filesystem with a writable /tmp), spread
/// over zones and nodes, and a termination grace period that covers gunicorn's and Celery's warm shutdown.
/// </summary>
internal static class AppManifests
{
    public const string AppLabel = "app.kubernetes.io/name";
    public const string ComponentLabel = "app.kubernetes.io/component";
    public const string WebName = "web";
    public const string BeatName = "beat";
    public const string HttpPortName = "http";
    private const string TmpVolume = "tmp";

    /// <summary>The namespace, enforcing the "restricted" Pod Security Standard on every pod in it.</summary>
    public static V1Namespace Namespace(string name) => new()
    {
        ApiVersion = "v1",
        Kind = "Namespace",
        Metadata = new V1ObjectMeta
        {
            Name = name,
            Labels = new Dictionary<string, string>
            {
                ["pod-security.kubernetes.io/enforce"] = "restricted",
                ["pod-security.kubernetes.io/enforce-version"] = "latest",
            },
        },
    };

    /// <summary>gunicorn: HTTP probes on the health-check path, a pause before SIGTERM so the load balancer stops sending first.</summary>
    public static V1Deployment WebDeployment(PodSettings pod, EksWebSettings web)
    {
        var container = Container(pod, WebName, web.Command, web.Cpu, web.MemoryMiB);
        container.Ports = [new V1ContainerPort { Name = HttpPortName, ContainerPort = pod.ContainerPort, Protocol = "TCP" }];
        container.StartupProbe = HttpProbe(pod, periodSeconds: 5, failureThreshold: 36);
        container.ReadinessProbe = HttpProbe(pod, periodSeconds: 10, failureThreshold: 3);
        container.LivenessProbe = HttpProbe(pod, periodSeconds: 20, failureThreshold: 3);
        // The ALB controller deregisters the pod when it starts terminating; requests already routed arrive for a few
        // seconds more, so SIGTERM waits (a kubelet sleep: the image needs no sleep binary).
        container.Lifecycle = new V1Lifecycle { PreStop = new V1LifecycleHandler { Sleep = new V1SleepAction { Seconds = 10 } } };
        return Deployment(pod, WebName, container, replicas: null, Defaults.EksWebTerminationGraceSeconds, singleton: false);
    }

    /// <summary>The ClusterIP service the load balancer's target group points at (pod IPs, target type ip).</summary>
    public static V1Service WebService(PodSettings pod) => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = Metadata(pod.Namespace, WebName),
        Spec = new V1ServiceSpec
        {
            Type = "ClusterIP",
            Selector = Selector(WebName),
            Ports = [new V1ServicePort { Name = HttpPortName, Port = 80, TargetPort = HttpPortName, Protocol = "TCP" }],
        },
    };

    /// <summary>
    /// The internet-facing ALB, made by the AWS Load Balancer Controller: HTTPS with the certificate and a modern TLS
    /// policy, HTTP redirected, invalid headers dropped, access logs to the logs bucket, the health check on the
    /// health-check path; external-dns points the domain at it.
    /// </summary>
    public static V1Ingress Ingress(PodSettings pod, string domain, string certificateArn, string logsBucket, string logsPrefix) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "Ingress",
        Metadata = new V1ObjectMeta
        {
            Name = WebName,
            NamespaceProperty = pod.Namespace,
            Labels = Labels(WebName),
            Annotations = new Dictionary<string, string>
            {
                ["alb.ingress.kubernetes.io/scheme"] = "internet-facing",
                ["alb.ingress.kubernetes.io/target-type"] = "ip",
                ["alb.ingress.kubernetes.io/listen-ports"] = "[{\"HTTP\": 80}, {\"HTTPS\": 443}]",
                ["alb.ingress.kubernetes.io/ssl-redirect"] = "443",
                ["alb.ingress.kubernetes.io/certificate-arn"] = certificateArn,
                ["alb.ingress.kubernetes.io/ssl-policy"] = "ELBSecurityPolicy-TLS13-1-2-2021-06",
                ["alb.ingress.kubernetes.io/healthcheck-path"] = pod.HealthCheckPath,
                ["alb.ingress.kubernetes.io/success-codes"] = "200",
                ["alb.ingress.kubernetes.io/load-balancer-attributes"] =
                    $"routing.http.drop_invalid_header_fields.enabled=true,access_logs.s3.enabled=true,access_logs.s3.bucket={logsBucket},access_logs.s3.prefix={logsPrefix}",
                ["alb.ingress.kubernetes.io/target-group-attributes"] = "deregistration_delay.timeout_seconds=" + Defaults.DeregistrationDelaySeconds.ToString(CultureInfo.InvariantCulture),
                ["external-dns.alpha.kubernetes.io/hostname"] = domain,
            },
        },
        Spec = new V1IngressSpec
        {
            IngressClassName = "alb",
            Rules =
            [
                new V1IngressRule
                {
                    Host = domain,
                    Http = new V1HTTPIngressRuleValue
                    {
                        Paths =
                        [
                            new V1HTTPIngressPath
                            {
                                Path = "/",
                                PathType = "Prefix",
                                Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = WebName, Port = new V1ServiceBackendPort { Name = HttpPortName } } },
                            },
                        ],
                    },
                },
            ],
        },
    };

    /// <summary>One Celery worker; its probes ask the worker itself (<c>celery inspect ping</c> to its own node name).</summary>
    public static V1Deployment WorkerDeployment(PodSettings pod, WorkerSettings worker, string celeryApp)
    {
        var container = Container(pod, worker.Name, worker.Command(celeryApp), worker.Cpu, worker.MemoryMiB);
        string[] ping = ["sh", "-c", $"exec celery -A {celeryApp} inspect ping --timeout 10 -d {worker.Name}@$HOSTNAME"];
        container.StartupProbe = ExecProbe(ping, periodSeconds: 10, failureThreshold: 30);
        container.ReadinessProbe = ExecProbe(ping, periodSeconds: 60, failureThreshold: 3);
        container.LivenessProbe = ExecProbe(ping, periodSeconds: 60, failureThreshold: 5);
        return Deployment(pod, worker.Name, container, replicas: null, worker.StopTimeoutSeconds, singleton: false);
    }

    /// <summary>
    /// Celery beat: one replica, Recreate (the old scheduler stops before the new one starts, so no task is sent
    /// twice). Beat has no health endpoint; its probes check that the scheduler is the running process.
    /// </summary>
    public static V1Deployment BeatDeployment(PodSettings pod, string celeryApp)
    {
        var container = Container(pod, BeatName, ["celery", "-A", celeryApp, "beat", "--loglevel", "INFO", "--schedule", "/tmp/celerybeat-schedule"], Defaults.BeatCpu, Defaults.BeatMemoryMiB);
        string[] running = ["python", "-c", "import sys; sys.exit(0 if b'beat' in open('/proc/1/cmdline', 'rb').read() else 1)"];
        container.StartupProbe = ExecProbe(running, periodSeconds: 10, failureThreshold: 6);
        container.ReadinessProbe = ExecProbe(running, periodSeconds: 60, failureThreshold: 3);
        container.LivenessProbe = ExecProbe(running, periodSeconds: 60, failureThreshold: 3);
        return Deployment(pod, BeatName, container, 1, Defaults.EksWebTerminationGraceSeconds, singleton: true);
    }

    /// <summary>Keeps the workload's average CPU at the target share of its request.</summary>
    public static V2HorizontalPodAutoscaler Autoscaler(string ns, string name, int min, int max, double cpuTargetPercent) => new()
    {
        ApiVersion = "autoscaling/v2",
        Kind = "HorizontalPodAutoscaler",
        Metadata = Metadata(ns, name),
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = name },
            MinReplicas = min,
            MaxReplicas = max,
            Metrics =
            [
                new V2MetricSpec
                {
                    Type = "Resource",
                    Resource = new V2ResourceMetricSource { Name = "cpu", Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = (int)Math.Round(cpuTargetPercent) } },
                },
            ],
        },
    };

    /// <summary>Voluntary disruptions (node drains, upgrades) take at most one pod at a time, and never block a drain forever.</summary>
    public static V1PodDisruptionBudget DisruptionBudget(string ns, string name) => new()
    {
        ApiVersion = "policy/v1",
        Kind = "PodDisruptionBudget",
        Metadata = Metadata(ns, name),
        Spec = new V1PodDisruptionBudgetSpec { MaxUnavailable = 1, Selector = new V1LabelSelector { MatchLabels = Selector(name) } },
    };

    /// <summary>
    /// One release command as a Job with the web pod's image, environment and service account: no retry (a failed
    /// migration is reported, not repeated), stopped after the timeout, deleted a day after it finishes. The release
    /// handler names it.
    /// </summary>
    public static V1Job ReleaseJob(PodSettings pod, string[] command, int timeoutSeconds, int cpu, int memoryMiB)
    {
        var container = Container(pod, "release", command, cpu, memoryMiB);
        var spec = PodSpec(pod, container, terminationGraceSeconds: 30);
        spec.RestartPolicy = "Never";
        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new V1ObjectMeta { NamespaceProperty = pod.Namespace, Labels = Labels("release") },
            Spec = new V1JobSpec
            {
                BackoffLimit = 0,
                ActiveDeadlineSeconds = timeoutSeconds,
                TtlSecondsAfterFinished = Defaults.EksReleaseJobTtlSeconds,
                Template = new V1PodTemplateSpec { Metadata = new V1ObjectMeta { Labels = Labels("release") }, Spec = spec },
            },
        };
    }

    private static V1Deployment Deployment(PodSettings pod, string name, V1Container container, int? replicas, int terminationGraceSeconds, bool singleton) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = Metadata(pod.Namespace, name),
        Spec = new V1DeploymentSpec
        {
            // Scalable workloads leave their count to their HorizontalPodAutoscaler, as Kubernetes advises: a count
            // here would be applied again by every deployment, scaling a busy site back to its minimum. A new
            // Deployment starts with one pod and the autoscaler raises it to the minimum within seconds.
            Replicas = replicas,
            Selector = new V1LabelSelector { MatchLabels = Selector(name) },
            Strategy = singleton
                ? new V1DeploymentStrategy { Type = "Recreate" }
                : new V1DeploymentStrategy { Type = "RollingUpdate", RollingUpdate = new V1RollingUpdateDeployment { MaxUnavailable = 0, MaxSurge = 1 } },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = Labels(name) },
                Spec = PodSpec(pod, container, terminationGraceSeconds),
            },
        },
    };

    private static V1PodSpec PodSpec(PodSettings pod, V1Container container, int terminationGraceSeconds) => new()
    {
        ServiceAccountName = pod.ServiceAccount,
        Containers = [container],
        TerminationGracePeriodSeconds = terminationGraceSeconds,
        SecurityContext = new V1PodSecurityContext
        {
            RunAsNonRoot = true,
            SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
        },
        Volumes = [new V1Volume { Name = TmpVolume, EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = new ResourceQuantity("512Mi") } }],
        TopologySpreadConstraints =
        [
            Spread("topology.kubernetes.io/zone", container.Name),
            Spread("kubernetes.io/hostname", container.Name),
        ],
    };

    private static V1TopologySpreadConstraint Spread(string topologyKey, string name) => new()
    {
        MaxSkew = 1,
        TopologyKey = topologyKey,
        WhenUnsatisfiable = "ScheduleAnyway",
        LabelSelector = new V1LabelSelector { MatchLabels = Selector(name) },
    };

    private static V1Container Container(PodSettings pod, string name, string[]? command, int cpu, int memoryMiB)
    {
        var env = pod.Variables.OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => new V1EnvVar { Name = v.Key, Value = v.Value })
            .Concat(pod.SecretKeys.Order(StringComparer.Ordinal).Select(key => new V1EnvVar
            {
                Name = key,
                ValueFrom = new V1EnvVarSource { SecretKeyRef = new V1SecretKeySelector { Name = pod.SecretName, Key = key } },
            }))
            .ToList();
        // CPU in millicores from CPU units (1024 = one vCPU); the limit leaves room for bursts, memory is capped at the request.
        var millicores = (int)Math.Round(cpu * 1000.0 / 1024);
        return new V1Container
        {
            Name = name,
            Image = pod.Image,
            Command = command,
            Env = env,
            Resources = new V1ResourceRequirements
            {
                Requests = new Dictionary<string, ResourceQuantity>
                {
                    ["cpu"] = new($"{millicores}m"),
                    ["memory"] = new($"{memoryMiB}Mi"),
                },
                Limits = new Dictionary<string, ResourceQuantity>
                {
                    ["cpu"] = new($"{millicores * 2}m"),
                    ["memory"] = new($"{memoryMiB}Mi"),
                },
            },
            SecurityContext = new V1SecurityContext
            {
                AllowPrivilegeEscalation = false,
                ReadOnlyRootFilesystem = true,
                RunAsNonRoot = true,
                Capabilities = new V1Capabilities { Drop = ["ALL"] },
            },
            VolumeMounts = [new V1VolumeMount { Name = TmpVolume, MountPath = "/tmp" }],
        };
    }

    private static V1Probe HttpProbe(PodSettings pod, int periodSeconds, int failureThreshold) => new()
    {
        HttpGet = new V1HTTPGetAction
        {
            Path = pod.HealthCheckPath,
            Port = HttpPortName,
            // The kubelet's default Host is the pod IP, which ALLOWED_HOSTS rejects; send the site's own.
            HttpHeaders = [new V1HTTPHeader { Name = "Host", Value = pod.Host }],
        },
        PeriodSeconds = periodSeconds,
        TimeoutSeconds = 5,
        FailureThreshold = failureThreshold,
    };

    private static V1Probe ExecProbe(string[] command, int periodSeconds, int failureThreshold) => new()
    {
        Exec = new V1ExecAction { Command = command },
        PeriodSeconds = periodSeconds,
        TimeoutSeconds = 30,
        FailureThreshold = failureThreshold,
    };

    private static V1ObjectMeta Metadata(string ns, string name) => new() { Name = name, NamespaceProperty = ns, Labels = Labels(name) };

    private static Dictionary<string, string> Labels(string component) => new()
    {
        [AppLabel] = "django",
        [ComponentLabel] = component,
        ["app.kubernetes.io/managed-by"] = "djangocdk",
    };

    private static Dictionary<string, string> Selector(string component) => new() { [AppLabel] = "django", [ComponentLabel] = component };
}
