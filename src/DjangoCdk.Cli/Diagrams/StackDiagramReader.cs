using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DjangoCdk.Cli;

/// <summary>
/// Finds the nodes and edges of one stack's template: what each resource is comes from its type and its construct
/// path (the construct IDs of DjangoEcs, DjangoEks, DockerEc2, StaticSite and S3BucketResources); which resources
/// belong together comes from their scope, the construct path above the role's construct ID (e.g. ".../App" for
/// ".../App/Web/Service").
/// </summary>
internal sealed partial class StackDiagramReader
{
    private const string ReleaseRole = "release";

    private readonly SynthesizedStack stack;
    private readonly string groupId;
    private readonly HashSet<string> usedIds;
    private readonly Dictionary<string, JsonObject> resources;
    private readonly List<Element> elements = [];
    private readonly Dictionary<string, Element> byLogicalId = [];
    private readonly List<DiagramEdge> edges = [];

    private StackDiagramReader(SynthesizedStack stack, string groupId, HashSet<string> usedIds)
    {
        this.stack = stack;
        this.groupId = groupId;
        this.usedIds = usedIds;
        resources = stack.Resources.ToDictionary(r => r.LogicalId, r => r.Resource);
    }

    /// <summary>A node and the construct scope it belongs to.</summary>
    private sealed record Element(DiagramNode Node, string Scope);

    /// <summary>The nodes (in <paramref name="groupId"/>) and edges of one stack; node IDs are added to <paramref name="usedIds"/>.</summary>
    public static (IReadOnlyList<DiagramNode> Nodes, IReadOnlyList<DiagramEdge> Edges) Read(SynthesizedStack stack, string groupId, HashSet<string> usedIds)
    {
        var reader = new StackDiagramReader(stack, groupId, usedIds);
        reader.ReadAll();
        return (reader.elements.Select(e => e.Node).ToList(), reader.edges);
    }

    private void ReadAll()
    {
        AddDatabases();
        AddCaches();
        AddBuckets();
        AddLoadBalancers();
        AddDistributions();
        AddHosts();
        AddIamUsers();
        AddEcsServices();
        AddReleasePhases();
        AddKubernetesWorkloads();
        var originTargets = AddDnsRecords();
        AddDistributionOrigins(originTargets);
        ConnectScopes();
    }

    // ---- data stores ----

    private void AddDatabases()
    {
        foreach (var (logicalId, resource) in stack.ResourcesOfType("AWS::RDS::DBInstance"))
        {
            var p = Properties(resource);
            var engine = TemplateText.Literal(p["Engine"]) ?? "postgres";
            var name = engine.StartsWith("postgres", StringComparison.Ordinal) ? "PostgreSQL" : engine;
            var version = TemplateText.Literal(p["EngineVersion"]);
            var size = TemplateText.Literal(p["DBInstanceClass"]);
            var multiAz = TemplateText.Literal(p["MultiAZ"]) == "true" ? ", Multi-AZ" : "";
            var label = $"{name}{(version is null ? "" : " " + version)} (RDS{(size is null ? "" : " " + size)}{multiAz})";
            Add(logicalId, resource, 2, "database", NodeKind.Database, label);
        }
    }

    private void AddCaches()
    {
        foreach (var (logicalId, resource) in stack.ResourcesOfType("AWS::ElastiCache::ReplicationGroup")
                     .Concat(stack.ResourcesOfType("AWS::ElastiCache::CacheCluster")))
        {
            var p = Properties(resource);
            var engine = TemplateText.Literal(p["Engine"]) ?? "redis";
            var name = engine switch { "redis" => "Redis", "valkey" => "Valkey", "memcached" => "Memcached", _ => engine };
            var version = TemplateText.Literal(p["EngineVersion"]);
            var size = TemplateText.Literal(p["CacheNodeType"]);
            var count = int.TryParse(TemplateText.Literal(p["NumCacheClusters"]), out var n) && n > 1 ? $", {n} nodes" : "";
            var label = $"{name}{(version is null ? "" : " " + version)} (ElastiCache{(size is null ? "" : " " + size)}{count})";
            Add(logicalId, resource, 2, "cache", NodeKind.Cache, label);
        }
    }

    private void AddBuckets()
    {
        var buckets = stack.ResourcesOfType("AWS::S3::Bucket").ToList();
        // A bucket other buckets (or load balancers) log into is plumbing, not part of the application.
        var logBuckets = buckets
            .SelectMany(b => TemplateText.References(Properties(b.Resource)["LoggingConfiguration"]))
            .ToHashSet();
        foreach (var (logicalId, resource) in buckets)
        {
            var (scope, constructId) = Owner(logicalId, resource, 2);
            if (logBuckets.Contains(logicalId) || constructId == "AccessLogs") continue;
            var name = TemplateText.Literal(Properties(resource)["BucketName"]);
            var purpose = constructId switch
            {
                "StaticFiles" => ": static and media files",
                "Bucket" when InScope(scope, "AWS::CloudFront::Distribution") => ": the single-page app",
                _ => "",
            };
            Add(logicalId, resource, 2, "bucket_" + constructId, NodeKind.Bucket, $"S3 bucket{(name is null ? "" : " " + name)}{purpose}");
        }
    }

    // ---- entry points ----

    private void AddLoadBalancers()
    {
        var listeners = stack.ResourcesOfType("AWS::ElasticLoadBalancingV2::Listener").ToList();
        foreach (var (logicalId, resource) in stack.ResourcesOfType("AWS::ElasticLoadBalancingV2::LoadBalancer"))
        {
            var type = TemplateText.Literal(Properties(resource)["Type"]) ?? "application";
            if (type != "application") continue;
            var protocols = listeners
                .Where(l => TemplateText.References(Properties(l.Resource)["LoadBalancerArn"]).Contains(logicalId))
                .Select(l => TemplateText.Literal(Properties(l.Resource)["Protocol"]))
                .ToHashSet();
            var protocol = protocols.Contains("HTTPS") ? "HTTPS" : "HTTP";
            Add(logicalId, resource, 2, "alb", NodeKind.LoadBalancer, $"Application Load Balancer ({protocol})");
        }
    }

    private void AddDistributions()
    {
        foreach (var (logicalId, resource) in stack.ResourcesOfType("AWS::CloudFront::Distribution"))
        {
            var aliases = (Properties(resource)["DistributionConfig"]?["Aliases"] as JsonArray ?? [])
                .Select(TemplateText.Literal).OfType<string>().ToList();
            var label = "CloudFront distribution" + (aliases.Count == 0 ? "" : $" ({string.Join(", ", aliases)})");
            Add(logicalId, resource, 2, "cdn", NodeKind.Cdn, label);
        }
    }

    /// <summary>DockerEc2: the instance whose cfn-init files start Docker Compose.</summary>
    private void AddHosts()
    {
        foreach (var (logicalId, resource) in stack.ResourcesOfType("AWS::EC2::Instance"))
        {
            var files = resource["Metadata"]?["AWS::CloudFormation::Init"]?["stack"]?["files"] as JsonObject;
            var init = string.Join('\n', (files ?? []).Select(f => TemplateText.Text(f.Value?["content"])));
            if (!init.Contains("COMPOSE_", StringComparison.Ordinal)) continue;
            var profiles = (ComposeProfiles().Match(init) is { Success: true } m ? m.Groups[1].Value : "").Split(',');
            var postgres = PostgresImage().Match(init) is { Success: true } pg ? " " + pg.Groups[1].Value : "";
            var redis = RedisImage().Match(init) is { Success: true } rd ? " " + rd.Groups[1].Value : "";
            var services = new List<string> { "Caddy" };
            if (profiles.Contains("frontend")) services.Add("frontend");
            services.AddRange(["web", "worker"]);
            if (profiles.Contains("beat")) services.Add("beat");
            services.AddRange(["release", "PostgreSQL" + postgres, "Redis" + redis]);
            var size = TemplateText.Literal(Properties(resource)["InstanceType"]);
            var label = $"Docker host (EC2{(size is null ? "" : " " + size)}, Docker Compose): {string.Join(", ", services)}";
            var host = Add(logicalId, resource, 2, "host", NodeKind.Host, label);
            // DNS records point at the Elastic IP, which is associated with the instance.
            foreach (var (eipId, _) in stack.ResourcesOfType("AWS::EC2::EIPAssociation")
                         .Where(a => TemplateText.References(Properties(a.Resource)["InstanceId"]).Contains(logicalId))
                         .SelectMany(a => TemplateText.References(Properties(a.Resource)["AllocationId"]).Select(id => (id, a))))
                byLogicalId[eipId] = host;
            foreach (var (eipId, _) in stack.ResourcesOfType("AWS::EC2::EIP")
                         .Where(e => TemplateText.References(Properties(e.Resource)["InstanceId"]).Contains(logicalId)))
                byLogicalId[eipId] = host;
        }
    }

    /// <summary>S3BucketResources: the IAM user whose access key an application outside AWS uses.</summary>
    private void AddIamUsers()
    {
        foreach (var (logicalId, resource) in stack.ResourcesOfType("AWS::IAM::User"))
        {
            var (scope, _) = Owner(logicalId, resource, 2);
            var secret = InScope(scope, "AWS::SecretsManager::Secret") ? ", its access key in Secrets Manager" : "";
            Add(logicalId, resource, 2, "iam_user", NodeKind.IamUser, $"IAM user{secret}");
        }
    }

    // ---- compute ----

    private void AddEcsServices()
    {
        foreach (var (logicalId, resource) in stack.ResourcesOfType("AWS::ECS::Service"))
        {
            var p = Properties(resource);
            var (_, constructId) = Owner(logicalId, resource, 2);
            var task = TemplateText.References(p["TaskDefinition"]).Select(resources.GetValueOrDefault).OfType<JsonObject>().FirstOrDefault();
            var taskProperties = task is null ? new JsonObject() : Properties(task);
            var container = (taskProperties["ContainerDefinitions"] as JsonArray)?.FirstOrDefault() as JsonObject;
            var command = (container?["Command"] as JsonArray ?? []).Select(TemplateText.Text).ToList();
            var spot = p["CapacityProviderStrategy"]?.ToJsonString().Contains("\"FARGATE_SPOT\"", StringComparison.Ordinal) == true;
            var platform = spot ? "ECS Fargate Spot" : TemplateText.Literal(p["LaunchType"]) == "EC2" ? "ECS on EC2" : "ECS Fargate";
            var size = FargateSize(TemplateText.Literal(taskProperties["Cpu"]), TemplateText.Literal(taskProperties["Memory"]));
            var details = $"({platform}{(size is null ? "" : ", " + size)})";
            var role = Role(constructId, command, p["LoadBalancers"] is JsonArray { Count: > 0 });
            AddProcess(logicalId, resource, 2, role, command, details, TemplateText.Literal(container?["Name"]));
        }
    }

    /// <summary>One node per release phase (its steps are custom resources named Release/StepN).</summary>
    private void AddReleasePhases()
    {
        var steps = stack.Resources
            .Where(r => ((string?)r.Resource["Type"] ?? "") is "Custom::DjangoRelease" or "Custom::DjangoEksRelease")
            .ToList();
        foreach (var phase in steps.GroupBy(s => Owner(s.LogicalId, s.Resource, 3).Scope))
        {
            var names = phase.Select(s => TemplateText.Literal(Properties(s.Resource)["Name"])
                                          ?? string.Join(' ', (Properties(s.Resource)["Command"] as JsonArray ?? []).Select(TemplateText.Text)))
                .ToList();
            var (logicalId, resource) = phase.First();
            var runner = (string?)resource["Type"] == "Custom::DjangoEksRelease" ? "Kubernetes Jobs" : "ECS tasks";
            var element = Add(logicalId, resource, 3, ReleaseRole, NodeKind.Release, $"release: {string.Join(", ", names)} ({runner}, before each deployment)");
            foreach (var (other, _) in phase) byLogicalId[other] = element;
        }
    }

    /// <summary>DjangoEks: the Deployments and the Ingress inside the cluster's Kubernetes manifests.</summary>
    private void AddKubernetesWorkloads()
    {
        foreach (var (logicalId, resource) in stack.ResourcesOfType("Custom::AWSCDK-EKS-KubernetesResource"))
        {
            foreach (var document in ManifestDocuments(Properties(resource)["Manifest"]))
            {
                var kind = (string?)document["kind"];
                if (kind == "Deployment") AddDeployment(logicalId, resource, document);
                else if (kind == "Ingress") AddIngress(logicalId, resource, document);
            }
        }
    }

    private void AddDeployment(string logicalId, JsonObject resource, JsonObject deployment)
    {
        var component = (string?)deployment["metadata"]?["labels"]?["app.kubernetes.io/component"];
        var name = (string?)deployment["metadata"]?["name"];
        var container = deployment["spec"]?["template"]?["spec"]?["containers"]?[0] as JsonObject;
        var command = (container?["command"] as JsonArray ?? []).Concat(container?["args"] as JsonArray ?? [])
            .Select(c => (string?)c ?? "").ToList();
        var requests = container?["resources"]?["requests"];
        var size = requests is null ? "" : $", {(string?)requests["cpu"]} CPU / {(string?)requests["memory"]}";
        var role = Role(component is "web" or "beat" ? Capitalized(component) : component == "worker" ? "Worker" + name : "", command, isWeb: false);
        AddProcess(logicalId, resource, KubernetesDepth(resource), role, command, $"(EKS Deployment{size})", name, name);
    }

    private void AddIngress(string logicalId, JsonObject resource, JsonObject ingress)
    {
        var annotations = ingress["metadata"]?["annotations"] as JsonObject ?? [];
        var isAlb = (string?)ingress["spec"]?["ingressClassName"] == "alb" || (string?)annotations["kubernetes.io/ingress.class"] == "alb";
        if (!isAlb) return;
        var https = annotations.ContainsKey("alb.ingress.kubernetes.io/certificate-arn") ? "HTTPS" : "HTTP";
        var name = (string?)ingress["metadata"]?["name"] ?? "ingress";
        var depth = KubernetesDepth(resource);
        var alb = Add(logicalId, resource, depth, "alb_" + name, NodeKind.LoadBalancer,
            $"Application Load Balancer ({https}, Kubernetes Ingress through the AWS Load Balancer Controller)", register: false);
        var viaExternalDns = annotations.ContainsKey("external-dns.alpha.kubernetes.io/hostname") ? ", records made by external-dns" : "";
        foreach (var host in (ingress["spec"]?["rules"] as JsonArray ?? []).Select(r => (string?)r?["host"]).OfType<string>().Distinct())
        {
            var dns = Add(logicalId, resource, depth, "dns_" + host, NodeKind.Dns, $"{host} (Route 53{viaExternalDns})", register: false);
            edges.Add(new DiagramEdge(dns.Node.Id, alb.Node.Id));
        }
    }

    /// <summary>A web, worker or beat process: its node, labelled with its role, queues and size.</summary>
    private void AddProcess(string logicalId, JsonObject resource, int depth, string? role, List<string> command, string details, string? containerName, string? fallbackName = null)
    {
        switch (role)
        {
            case "web":
                Add(logicalId, resource, depth, "web", NodeKind.WebService, $"web {details}");
                break;
            case "beat":
                Add(logicalId, resource, depth, "beat", NodeKind.Beat, $"beat {details}");
                break;
            case "worker":
                var name = Argument(command, "-n")?.Split('@')[0] ?? containerName ?? fallbackName ?? "worker";
                var queues = Argument(command, "-Q") ?? "celery";
                var title = name == "worker" ? "worker" : $"worker {name}";
                Add(logicalId, resource, depth, "worker_" + name, NodeKind.Worker, $"{title}: queues {queues.Replace(",", ", ", StringComparison.Ordinal)} {details}");
                break;
        }
    }

    /// <summary>web, worker or beat, from the construct ID first (Web, Beat, Worker*), else from the command; null for anything else.</summary>
    private static string? Role(string constructId, List<string> command, bool isWeb)
    {
        if (constructId == "Web") return "web";
        if (constructId == "Beat") return "beat";
        if (constructId.StartsWith("Worker", StringComparison.Ordinal)) return "worker";
        var celery = command.Contains("celery");
        if (celery && command.Contains("worker")) return "worker";
        if (celery && command.Contains("beat")) return "beat";
        return isWeb || command.Contains("gunicorn") ? "web" : null;
    }

    // ---- DNS and CloudFront origins ----

    /// <summary>A DNS node per record name and target; returns every record's name and target, for CloudFront's custom origins.</summary>
    private Dictionary<string, Element> AddDnsRecords()
    {
        var targets = new Dictionary<string, Element>(StringComparer.OrdinalIgnoreCase);
        var records = new List<(string LogicalId, JsonObject Resource, string Name, Element Target, string Type)>();
        foreach (var (logicalId, resource) in stack.ResourcesOfType("AWS::Route53::RecordSet"))
        {
            var p = Properties(resource);
            var target = TemplateText.References(p["AliasTarget"]).Concat(TemplateText.References(p["ResourceRecords"]))
                .Select(byLogicalId.GetValueOrDefault).OfType<Element>().FirstOrDefault();
            if (target is null) continue;
            var name = TemplateText.Text(p["Name"]).TrimEnd('.');
            targets.TryAdd(name, target);
            records.Add((logicalId, resource, name, target, TemplateText.Text(p["Type"])));
        }

        var originNames = stack.ResourcesOfType("AWS::CloudFront::Distribution")
            .SelectMany(d => Origins(d.Resource))
            .Select(o => TemplateText.Literal(o["DomainName"]))
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        // A record only CloudFront resolves (the API's origin name) is drawn as the CloudFront → origin arrow instead.
        foreach (var group in records.Where(r => !originNames.Contains(r.Name)).GroupBy(r => (r.Name, r.Target.Node.Id)))
        {
            var (logicalId, resource, name, target, _) = group.First();
            var types = string.Join(", ", group.Select(r => r.Type).Distinct());
            var zone = Zone(Properties(resource));
            var dns = Add(logicalId, resource, 2, "dns_" + name, NodeKind.Dns, $"{name} (Route 53 {types}{(zone is null ? "" : ", zone " + zone)})", register: false);
            edges.Add(new DiagramEdge(dns.Node.Id, target.Node.Id));
        }

        return targets;
    }

    private string? Zone(JsonObject record)
    {
        if (TemplateText.Literal(record["HostedZoneName"]) is { } zoneName) return zoneName.TrimEnd('.');
        if (TemplateText.Literal(record["HostedZoneId"]) is { } zoneId) return zoneId;
        var zone = TemplateText.References(record["HostedZoneId"]).Select(resources.GetValueOrDefault).OfType<JsonObject>().FirstOrDefault();
        return zone is null ? null : TemplateText.Literal(Properties(zone)["Name"])?.TrimEnd('.');
    }

    private void AddDistributionOrigins(Dictionary<string, Element> recordTargets)
    {
        foreach (var (logicalId, resource) in stack.ResourcesOfType("AWS::CloudFront::Distribution"))
        {
            if (!byLogicalId.TryGetValue(logicalId, out var cdn)) continue;
            foreach (var origin in Origins(resource))
            {
                var domain = TemplateText.Literal(origin["DomainName"]);
                var target = domain is not null
                    ? recordTargets.GetValueOrDefault(domain)
                    : TemplateText.References(origin["DomainName"]).Select(byLogicalId.GetValueOrDefault).OfType<Element>().FirstOrDefault();
                if (target is not null) edges.Add(new DiagramEdge(cdn.Node.Id, target.Node.Id, domain));
            }
        }
    }

    private static IEnumerable<JsonObject> Origins(JsonObject distribution) =>
        (Properties(distribution)["DistributionConfig"]?["Origins"] as JsonArray ?? []).OfType<JsonObject>();

    // ---- edges inside a construct ----

    /// <summary>Load balancer → web; web, workers, beat, release and the host → the data stores of their construct; IAM user → bucket.</summary>
    private void ConnectScopes()
    {
        foreach (var scope in elements.GroupBy(e => e.Scope))
        {
            var kinds = scope.ToLookup(e => e.Node.Kind);
            foreach (var alb in kinds[NodeKind.LoadBalancer])
                foreach (var web in kinds[NodeKind.WebService]) edges.Add(new DiagramEdge(alb.Node.Id, web.Node.Id));
            var stores = kinds[NodeKind.Database].Concat(kinds[NodeKind.Cache]).Concat(kinds[NodeKind.Bucket]).ToList();
            var processes = new[] { NodeKind.WebService, NodeKind.Worker, NodeKind.Beat, NodeKind.Release, NodeKind.Host }.SelectMany(k => kinds[k]);
            foreach (var process in processes)
                foreach (var store in stores) edges.Add(new DiagramEdge(process.Node.Id, store.Node.Id));
            foreach (var user in kinds[NodeKind.IamUser])
                foreach (var bucket in kinds[NodeKind.Bucket]) edges.Add(new DiagramEdge(user.Node.Id, bucket.Node.Id));
        }
    }

    // ---- helpers ----

    /// <summary>
    /// Adds a node once per ID (a second resource of the same role and scope maps to the first node) and, unless told
    /// otherwise, lets references to <paramref name="logicalId"/> find it.
    /// </summary>
    private Element Add(string logicalId, JsonObject resource, int depth, string role, NodeKind kind, string label, bool register = true)
    {
        var (scope, _) = Owner(logicalId, resource, depth);
        var relative = string.Join('_', scope.Split('/').Skip(1));
        var id = TemplateText.Slug($"{stack.StackName}_{relative}_{role}");
        var existing = elements.FirstOrDefault(e => e.Node.Id == id);
        if (existing is not null)
        {
            if (register) byLogicalId[logicalId] = existing;
            return existing;
        }

        var unique = id;
        for (var i = 2; !usedIds.Add(unique); i++) unique = $"{id}_{i}";
        var element = new Element(new DiagramNode(unique, kind, label, groupId), scope);
        elements.Add(element);
        if (register) byLogicalId[logicalId] = element;
        return element;
    }

    /// <summary>
    /// The construct scope and the role's construct ID of a resource whose path ends <paramref name="depth"/> segments
    /// below that scope (".../App/Web/Service": depth 2, scope ".../App", ID "Web"). Without a path: the whole stack
    /// and the logical ID.
    /// </summary>
    private (string Scope, string ConstructId) Owner(string logicalId, JsonObject resource, int depth)
    {
        var segments = TemplateText.ConstructPath(resource)?.Split('/');
        if (segments is null || segments.Length <= depth) return (stack.StackName, logicalId);
        return (string.Join('/', segments[..^depth]), segments[^depth]);
    }

    /// <summary>Kubernetes manifests sit at ".../App/Cluster/manifest-Web/Resource/Default": their scope is the app above the cluster.</summary>
    private static int KubernetesDepth(JsonObject resource)
    {
        var segments = TemplateText.ConstructPath(resource)?.Split('/') ?? [];
        var manifest = Array.FindLastIndex(segments, s => s.StartsWith("manifest-", StringComparison.Ordinal));
        return manifest < 1 ? 2 : segments.Length - manifest + 1;
    }

    private bool InScope(string scope, string type) =>
        resources.Values.Any(r => (string?)r["Type"] == type && (TemplateText.ConstructPath(r) ?? "").StartsWith(scope + "/", StringComparison.Ordinal));

    /// <summary>The documents of a Kubernetes manifest property (a JSON array as a string, possibly joined with references).</summary>
    private static IEnumerable<JsonObject> ManifestDocuments(JsonNode? manifest)
    {
        JsonNode? parsed;
        try { parsed = JsonNode.Parse(TemplateText.Text(manifest)); }
        catch (JsonException) { yield break; }
        if (parsed is JsonObject single) yield return single;
        foreach (var document in parsed as JsonArray ?? [])
            if (document is JsonObject d) yield return d;
    }

    private static JsonObject Properties(JsonObject resource) => resource["Properties"] as JsonObject ?? [];

    private static string? Argument(List<string> command, string flag)
    {
        var i = command.IndexOf(flag);
        return i >= 0 && i + 1 < command.Count ? command[i + 1] : null;
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"0.5 vCPU / 1 GB" from Fargate CPU units and MiB; null when either is unknown.</summary>
    private static string? FargateSize(string? cpu, string? memory)
    {
        if (!double.TryParse(cpu, CultureInfo.InvariantCulture, out var units) || !double.TryParse(memory, CultureInfo.InvariantCulture, out var mib)) return null;
        var vcpu = (units / 1024).ToString("0.##", CultureInfo.InvariantCulture);
        var ram = mib % 1024 == 0 ? $"{mib / 1024:0} GB" : (mib / 1024).ToString("0.##", CultureInfo.InvariantCulture) + " GB";
        return $"{vcpu} vCPU / {ram}";
    }

    [GeneratedRegex(@"COMPOSE_PROFILES='([^']*)'")]
    private static partial Regex ComposeProfiles();

    [GeneratedRegex(@"POSTGRES_IMAGE='[^':]*:(\d+(?:\.\d+)?)")]
    private static partial Regex PostgresImage();

    [GeneratedRegex(@"REDIS_IMAGE='[^':]*:(\d+(?:\.\d+)?)")]
    private static partial Regex RedisImage();
}
