using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DjangoCdk.Cli;

/// <summary>Prices the billable resources of one template: one <see cref="CostLine"/> per resource, in template order.</summary>
internal sealed partial class StackCosting
{
    private readonly SynthesizedStack _stack;
    private readonly TemplateReferences _refs;
    private readonly PriceTable _prices;
    private readonly string _region;
    private readonly decimal _hours;
    private readonly HashSet<string> _countedAddresses = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usageCounted = new(StringComparer.Ordinal);
    private readonly List<string> _excluded = [];
    private readonly List<string> _unknownTypes = [];

    public StackCosting(SynthesizedStack stack, string region, PriceTable prices)
    {
        _stack = stack;
        _refs = new TemplateReferences(stack.Template);
        _prices = prices;
        _region = region;
        _hours = prices.HoursPerMonth;
    }

    /// <summary>Usage-priced items met in the template, in order of first appearance.</summary>
    public IReadOnlyList<string> Excluded => _excluded;

    /// <summary>Whether at least one line used a baseline figure because the (known) region has none.</summary>
    public bool UsedRegionalFallback { get; private set; }

    public IReadOnlyList<CostLine> Estimate()
    {
        var lines = new List<CostLine>();
        foreach (var (id, resource) in _stack.Resources)
        {
            var type = (string?)resource["Type"] ?? "";
            var props = resource["Properties"] as JsonObject ?? [];
            var (priced, line) = Price(id, type, props);
            if (line is not null) lines.Add(line);
            if (type == "AWS::EC2::Instance" && AgentMetrics(id, resource) is { } agent) lines.Add(agent);
            var usage = UsagePricedResources.For(type);
            if ((line is not null || !priced) && usage is not null && !_usageCounted.Contains(id)) Exclude(usage);
            if (!priced && usage is null && !FreeResources.Contains(type) && !_unknownTypes.Contains(type)) _unknownTypes.Add(type);
            if (type == "AWS::ECS::Cluster" && HasContainerInsights(props)) Exclude("CloudWatch Container Insights metrics");
            if (type is "AWS::EKS::Cluster" or "Custom::AWSCDK-EKS-Cluster")
                Exclude("Load balancers and volumes Kubernetes creates at run time (Ingress, Service type LoadBalancer, PersistentVolumeClaim): not in the template");
        }

        // Addresses not already counted with the NAT gateway or instance that uses them.
        foreach (var (id, _) in _stack.ResourcesOfType("AWS::EC2::EIP"))
        {
            if (_countedAddresses.Contains(id)) continue;
            var p = Prices();
            lines.Add(Line(id, "AWS::EC2::EIP", "Elastic IP address (public IPv4)", p, p.Unit(PriceKeys.Ipv4Hour) * _hours,
                "Billed whether it is attached or idle."));
        }

        if (_unknownTypes.Count > 0)
            Exclude($"Resource types the estimate does not know, whatever they cost: {string.Join(", ", _unknownTypes)}");
        return lines;
    }

    private (bool Priced, CostLine? Line) Price(string id, string type, JsonObject props) => type switch
    {
        "AWS::ECS::Service" => (true, EcsService(id, type, props)),
        "AWS::ElasticLoadBalancingV2::LoadBalancer" => (true, LoadBalancer(id, type, props)),
        "AWS::EC2::NatGateway" => (true, NatGateway(id, type, props)),
        "AWS::EC2::Instance" => (true, Instance(id, type, props)),
        "AWS::EC2::Volume" => (true, Volume(id, type, props)),
        "AWS::EC2::EIP" => (true, null), // priced last, unless counted with its NAT gateway
        "AWS::RDS::DBInstance" => (true, Database(id, type, props)),
        "AWS::ElastiCache::ReplicationGroup" => (true, ReplicationGroup(id, type, props)),
        "AWS::ElastiCache::CacheCluster" => (true, CacheNodes(id, type, props, _refs.Number(props["NumCacheNodes"]) ?? 1)),
        "AWS::EKS::Cluster" => (true, EksControlPlane(id, type, _refs.String(props["Version"]))),
        "Custom::AWSCDK-EKS-Cluster" => (true, EksControlPlane(id, type, _refs.String(props["Config"]?["version"]))),
        "AWS::EKS::Nodegroup" => (true, Nodegroup(id, type, props)),
        "AWS::SecretsManager::Secret" => (true, Flat(id, type, "Secrets Manager secret", PriceKeys.SecretMonth)),
        "AWS::KMS::Key" => (true, Flat(id, type, "KMS customer managed key", PriceKeys.KmsKeyMonth)),
        "AWS::CloudWatch::Alarm" => (true, Alarm(id, type, props)),
        "AWS::ApplicationAutoScaling::ScalingPolicy" => (true, ScalingPolicy(id, type, props)),
        "AWS::Lambda::Function" => ScheduledFunction(id, type, props) is { } function ? (true, function) : (false, null),
        "AWS::CloudWatch::Dashboard" => (true, Flat(id, type, "CloudWatch dashboard", PriceKeys.DashboardMonth,
            "An account's first 3 dashboards are free; not applied here.")),
        "AWS::WAFv2::WebACL" => (true, WebAcl(id, type, props)),
        "AWS::EC2::VPCEndpoint" => (true, Endpoint(id, type, props)),
        "AWS::Route53::HostedZone" => (true, Flat(id, type, "Route 53 hosted zone", PriceKeys.HostedZoneMonth)),
        _ => (false, null),
    };

    // ---- ECS on Fargate ------------------------------------------------------------------------------------------

    private CostLine EcsService(string id, string type, JsonObject props)
    {
        var task = _refs.Target(props["TaskDefinition"])?["Properties"] as JsonObject;
        var name = ServiceName(id, props, task);
        var (count, countNote) = ServiceCount(id, props);
        var strategy = CapacityStrategy(props);
        var launchType = _refs.String(props["LaunchType"]);
        var p = Prices();

        if (launchType is "EC2" or "EXTERNAL" || strategy.Any(s => s.Provider is not ("FARGATE" or "FARGATE_SPOT")))
            return Line(id, type, $"{name}: {Fmt(count)} task(s) on EC2 capacity", p, 0m,
                "Runs on EC2 capacity: the instances it runs on are the cost, on their own lines.");

        var vcpu = _refs.Number(task?["Cpu"]) / 1024m;
        var memoryGb = _refs.Number(task?["Memory"]) / 1024m;
        if (vcpu is null || memoryGb is null)
            return new CostLine(_stack.StackName, id, type, $"{name} × {Fmt(count)}", null,
                "The task definition's CPU and memory could not be read from the template, so the service has no price.");

        var architecture = _refs.String(task?["RuntimePlatform"]?["CpuArchitecture"]) == "ARM64" ? "ARM64" : "X86_64";
        var key = architecture == "ARM64" ? "arm64" : "x86_64";
        var taskHour = vcpu.Value * p.Unit(PriceKeys.FargateVcpuHour(key)) + memoryGb.Value * p.Unit(PriceKeys.FargateGbHour(key));
        var spotTasks = SpotTasks(strategy, count);
        var description = $"{name}: {Fmt(vcpu.Value)} vCPU, {Fmt(memoryGb.Value)} GB, {architecture} × {Fmt(count)}";
        if (spotTasks == 0)
            return Line(id, type, description, p, taskHour * _hours * count, countNote);

        var discount = p.Unit(PriceKeys.FargateSpotDiscount);
        var monthly = taskHour * _hours * (count - spotTasks + spotTasks * (1 - discount));
        return Line(id, type, description + (spotTasks == count ? ", Fargate Spot" : $", {Fmt(spotTasks)} on Fargate Spot"), p, monthly, countNote,
            $"Fargate Spot priced at about {Fmt(discount * 100)} % below on-demand: an approximation, Spot prices vary.");
    }

    private string ServiceName(string id, JsonObject props, JsonObject? task)
    {
        if (_refs.String(props["ServiceName"]) is { } serviceName) return serviceName;
        var container = (task?["ContainerDefinitions"] as JsonArray)?.FirstOrDefault();
        return _refs.String(container?["Name"]) ?? id;
    }

    // The baseline count: the minimum of the scalable target that scales the service, else DesiredCount (default 1).
    private (decimal Count, string? Note) ServiceCount(string id, JsonObject props)
    {
        foreach (var (_, target) in _stack.ResourcesOfType("AWS::ApplicationAutoScaling::ScalableTarget"))
        {
            var targetProps = target["Properties"];
            if (_refs.String(targetProps?["ScalableDimension"]) != "ecs:service:DesiredCount") continue;
            if (!TemplateReferences.ReferencedIds(targetProps?["ResourceId"]).Contains(id)) continue;
            if (_refs.Number(targetProps?["MinCapacity"]) is not { } min) continue;
            var max = _refs.Number(targetProps?["MaxCapacity"]);
            return (min, $"Counted at the autoscaling minimum of {Fmt(min)} task(s)" + (max is null ? "." : $"; it can scale to {Fmt(max.Value)}."));
        }

        return _refs.Number(props["DesiredCount"]) is { } desired
            ? (desired, null)
            : (1m, "DesiredCount is not set: 1 task assumed.");
    }

    private List<(string Provider, decimal Weight, decimal Base)> CapacityStrategy(JsonObject props)
    {
        var strategy = props["CapacityProviderStrategy"] as JsonArray;
        if (strategy is null && props["LaunchType"] is null)
        {
            // The cluster's default strategy applies when the service names neither a launch type nor a strategy.
            var cluster = TemplateReferences.TargetId(props["Cluster"]);
            strategy = _stack.ResourcesOfType("AWS::ECS::ClusterCapacityProviderAssociations")
                .Where(a => cluster is not null && TemplateReferences.TargetId(a.Resource["Properties"]?["Cluster"]) == cluster)
                .Select(a => a.Resource["Properties"]?["DefaultCapacityProviderStrategy"] as JsonArray)
                .FirstOrDefault(s => s is not null);
        }

        return (strategy ?? [])
            .Select(s => (_refs.String(s?["CapacityProvider"]) ?? "", _refs.Number(s?["Weight"]) ?? 0m, _refs.Number(s?["Base"]) ?? 0m))
            .ToList();
    }

    // How many of `count` tasks a capacity provider strategy places on FARGATE_SPOT: bases first, the rest by weight.
    private static decimal SpotTasks(List<(string Provider, decimal Weight, decimal Base)> strategy, decimal count)
    {
        if (strategy.Count == 0) return 0m;
        var placed = strategy.ToDictionary(s => s.Provider, _ => 0m);
        var remaining = count;
        foreach (var s in strategy)
        {
            var onBase = Math.Min(s.Base, remaining);
            placed[s.Provider] += onBase;
            remaining -= onBase;
        }

        var weights = strategy.Sum(s => s.Weight);
        if (weights > 0)
            foreach (var s in strategy) placed[s.Provider] += remaining * s.Weight / weights;
        else
            placed[strategy[0].Provider] += remaining;
        return placed.GetValueOrDefault("FARGATE_SPOT");
    }

    // ---- Network ------------------------------------------------------------------------------------------------

    private CostLine? LoadBalancer(string id, string type, JsonObject props)
    {
        var kind = _refs.String(props["Type"]) ?? "application";
        if (kind == "gateway") return null;
        if (kind != "application")
            return new CostLine(_stack.StackName, id, type, $"{kind} load balancer", null, "Only Application Load Balancers are in the price table.");

        var internetFacing = (_refs.String(props["Scheme"]) ?? "internet-facing") == "internet-facing";
        var subnets = TemplateReferences.Count(props["Subnets"]) ?? TemplateReferences.Count(props["SubnetMappings"]);
        var addresses = internetFacing ? subnets ?? 2 : 0;
        var p = Prices();
        var lcus = p.Unit(PriceKeys.AlbAssumedLcus);
        var lcuHour = p.Unit(PriceKeys.AlbLcuHour);
        var monthly = (p.Unit(PriceKeys.AlbHour) + lcus * lcuHour + addresses * p.Unit(PriceKeys.Ipv4Hour)) * _hours;
        var description = internetFacing
            ? $"Application Load Balancer, internet-facing in {subnets?.ToString(CultureInfo.InvariantCulture) ?? "an unknown number of"} subnets ({addresses} public IPv4)"
            : "Application Load Balancer, internal";
        return Line(id, type, description, p, monthly,
            $"Includes {Fmt(lcus)} LCU an hour, a low-traffic minimum; more traffic costs {Fmt(lcuHour)} USD per LCU-hour.",
            internetFacing && subnets is null ? "Subnets are computed at deploy time: 2 public IPv4 addresses assumed." : null);
    }

    private CostLine NatGateway(string id, string type, JsonObject props)
    {
        var p = Prices();
        if (_refs.String(props["ConnectivityType"]) == "private")
            return Line(id, type, "NAT gateway (private)", p, p.Unit(PriceKeys.NatGatewayHour) * _hours);
        if (TemplateReferences.TargetId(props["AllocationId"]) is { } address) _countedAddresses.Add(address);
        return Line(id, type, "NAT gateway and its public IPv4 address", p,
            (p.Unit(PriceKeys.NatGatewayHour) + p.Unit(PriceKeys.Ipv4Hour)) * _hours);
    }

    private CostLine? Endpoint(string id, string type, JsonObject props)
    {
        if (_refs.String(props["VpcEndpointType"]) != "Interface") return null; // gateway endpoints are free
        var zones = TemplateReferences.Count(props["SubnetIds"]);
        var service = _refs.String(props["ServiceName"])?.Split('.').Last() ?? "an AWS service";
        var p = Prices();
        return Line(id, type, $"Interface VPC endpoint for {service} in {zones ?? 1} AZ(s)", p,
            (zones ?? 1) * p.Unit(PriceKeys.InterfaceEndpointAzHour) * _hours,
            zones is null ? "Its subnets are computed at deploy time: 1 AZ assumed." : null);
    }

    // ---- EC2 ----------------------------------------------------------------------------------------------------

    private CostLine Instance(string id, string type, JsonObject props)
    {
        var template = LaunchTemplateData(props["LaunchTemplate"]);
        var instanceType = _refs.String(props["InstanceType"]) ?? _refs.String(template?["InstanceType"]);
        if (instanceType is null)
            return new CostLine(_stack.StackName, id, type, "EC2 instance", null, "Its instance type could not be read from the template.");

        var p = Prices();
        var hourly = p.Instance(PriceKeys.Ec2, instanceType);
        var (storage, storageText, storageNote) = Volumes(p, props["BlockDeviceMappings"] ?? template?["BlockDeviceMappings"]);
        var (addresses, addressNote) = InstanceAddresses(id, props, template);
        var monthly = (hourly + addresses * p.Unit(PriceKeys.Ipv4Hour)) * _hours + storage;
        var description = $"{instanceType} (Linux, on-demand){storageText}" + (addresses > 0 ? ", 1 public IPv4" : "");
        return Line(id, type, description, p, monthly, storageNote, addressNote);
    }

    private JsonObject? LaunchTemplateData(JsonNode? reference)
    {
        if (reference is not JsonObject spec) return null;
        var byId = _refs.Target(spec["LaunchTemplateId"] ?? spec["Id"]);
        if (byId is null && _refs.String(spec["LaunchTemplateName"] ?? spec["Name"]) is { } name)
            byId = _stack.ResourcesOfType("AWS::EC2::LaunchTemplate")
                .Select(t => t.Resource)
                .FirstOrDefault(t => _refs.String(t["Properties"]?["LaunchTemplateName"]) == name);
        return byId?["Properties"]?["LaunchTemplateData"] as JsonObject;
    }

    // EBS volumes of a BlockDeviceMappings list: monthly cost, a description fragment, and a note when unknown.
    private (decimal Monthly, string Text, string? Note) Volumes(LinePrices p, JsonNode? mappings)
    {
        if (mappings is not JsonArray list)
            return (0m, "", "The root volume comes from the AMI and is not counted (its size is not in the template).");
        decimal monthly = 0m;
        var parts = new List<string>();
        foreach (var ebs in list.Select(m => m?["Ebs"]).OfType<JsonObject>())
        {
            var size = _refs.Number(ebs["VolumeSize"]);
            var volumeType = _refs.String(ebs["VolumeType"]) ?? "gp2";
            if (size is null) continue;
            monthly += size.Value * p.Unit(PriceKeys.EbsGbMonth(volumeType));
            parts.Add($"{Fmt(size.Value)} GB {volumeType}");
        }

        return (monthly, parts.Count == 0 ? "" : ", " + string.Join(" + ", parts), null);
    }

    // A public IPv4 address: an Elastic IP attached to the instance, a network interface asking for one, or a public subnet
    // that maps one on launch. Kept simple: at most one address per instance.
    private (int Count, string? Note) InstanceAddresses(string id, JsonObject props, JsonObject? template)
    {
        foreach (var (eipId, eip) in _stack.ResourcesOfType("AWS::EC2::EIP"))
        {
            if (TemplateReferences.TargetId(eip["Properties"]?["InstanceId"]) != id) continue;
            _countedAddresses.Add(eipId);
            return (1, null);
        }

        foreach (var (_, association) in _stack.ResourcesOfType("AWS::EC2::EIPAssociation"))
        {
            var associationProps = association["Properties"];
            if (TemplateReferences.TargetId(associationProps?["InstanceId"]) != id) continue;
            if (TemplateReferences.TargetId(associationProps?["AllocationId"] ?? associationProps?["EIP"]) is { } eipId) _countedAddresses.Add(eipId);
            return (1, null);
        }

        var interfaces = (props["NetworkInterfaces"] as JsonArray ?? []).Concat(template?["NetworkInterfaces"] as JsonArray ?? []);
        if (interfaces.Any(i => _refs.Bool(i?["AssociatePublicIpAddress"]) == true))
            return (1, "A public IPv4 address is counted: its network interface asks for one.");
        if (_refs.Bool(_refs.Target(props["SubnetId"])?["Properties"]?["MapPublicIpOnLaunch"]) == true)
            return (1, "A public IPv4 address is counted: the instance is in a public subnet that gives one on launch.");
        return (0, null);
    }

    private CostLine Volume(string id, string type, JsonObject props)
    {
        var size = _refs.Number(props["Size"]);
        var volumeType = _refs.String(props["VolumeType"]) ?? "gp2";
        if (size is null)
            return new CostLine(_stack.StackName, id, type, $"EBS volume ({volumeType})", null, "Its size could not be read from the template (created from a snapshot?).");
        var p = Prices();
        return Line(id, type, $"EBS volume, {Fmt(size.Value)} GB {volumeType}", p, size.Value * p.Unit(PriceKeys.EbsGbMonth(volumeType)),
            props["Iops"] is not null || props["Throughput"] is not null ? "IOPS and throughput above the included baseline are not counted." : null);
    }

    // ---- Data stores --------------------------------------------------------------------------------------------

    private CostLine Database(string id, string type, JsonObject props)
    {
        var instanceClass = _refs.String(props["DBInstanceClass"]) ?? "unknown class";
        var engine = _refs.String(props["Engine"]) ?? "unknown engine";
        if (!engine.StartsWith("postgres", StringComparison.OrdinalIgnoreCase) || props["DBClusterIdentifier"] is not null)
            return new CostLine(_stack.StackName, id, type, $"{instanceClass} {engine}", null,
                $"The price table has RDS for PostgreSQL prices only; {engine} is not priced.");

        var multiAz = _refs.Bool(props["MultiAZ"]) ?? false;
        var storage = _refs.Number(props["AllocatedStorage"]) ?? 0m;
        var storageType = _refs.String(props["StorageType"]) ?? (props["Iops"] is null ? "gp2" : "io1");
        var copies = multiAz ? 2m : 1m;
        var p = Prices();
        var monthly = p.Instance(PriceKeys.Rds, instanceClass) * _hours * copies
                      + storage * p.Unit(PriceKeys.RdsStorageGbMonth(storageType)) * copies;
        return Line(id, type, $"{instanceClass} PostgreSQL, {(multiAz ? "Multi-AZ" : "single-AZ")}, {Fmt(storage)} GB {storageType}", p, monthly,
            multiAz ? "Multi-AZ: the standby instance and its storage are billed too (× 2)." : null);
    }

    private CostLine ReplicationGroup(string id, string type, JsonObject props)
    {
        var nodes = _refs.Number(props["NumCacheClusters"])
                    ?? (TemplateReferences.Count(props["NodeGroupConfiguration"]) ?? _refs.Number(props["NumNodeGroups"]) ?? 1m)
                    * ((_refs.Number(props["ReplicasPerNodeGroup"]) ?? 0m) + 1m);
        return CacheNodes(id, type, props, nodes);
    }

    private CostLine CacheNodes(string id, string type, JsonObject props, decimal nodes)
    {
        var nodeType = _refs.String(props["CacheNodeType"]) ?? "unknown node type";
        var engine = _refs.String(props["Engine"]) ?? "redis";
        var p = Prices();
        return Line(id, type, $"{nodeType} × {Fmt(nodes)} ({engine})", p, p.Instance(PriceKeys.ElastiCache, nodeType) * _hours * nodes,
            engine == "redis" ? null : $"Priced at the table's Redis OSS node price; {engine} nodes may be listed differently.");
    }

    // ---- EKS ----------------------------------------------------------------------------------------------------

    private CostLine EksControlPlane(string id, string type, string? version)
    {
        var p = Prices();
        var extended = p.Unit(PriceKeys.EksClusterHourExtended);
        return Line(id, type, $"EKS control plane{(version is null ? "" : $" (Kubernetes {version})")}, standard support", p,
            p.Unit(PriceKeys.EksClusterHour) * _hours,
            $"On extended support (after a version's 14 months of standard support) it costs {Fmt(extended)} USD an hour, {Money(extended * _hours)} USD a month.");
    }

    private CostLine Nodegroup(string id, string type, JsonObject props)
    {
        var template = LaunchTemplateData(props["LaunchTemplate"]);
        var instanceTypes = (props["InstanceTypes"] as JsonArray ?? []).Select(_refs.String).OfType<string>().ToList();
        var instanceType = instanceTypes.FirstOrDefault() ?? _refs.String(template?["InstanceType"]);
        var desired = _refs.Number(props["ScalingConfig"]?["DesiredSize"]) ?? _refs.Number(props["ScalingConfig"]?["MinSize"]);
        var nodes = desired ?? 1m;
        if (instanceType is null)
            return new CostLine(_stack.StackName, id, type, $"{Fmt(nodes)} node(s)", null, "The node instance type could not be read from the template.");

        var p = Prices();
        var notes = new List<string?>();
        decimal diskMonthly;
        string diskText;
        if (template?["BlockDeviceMappings"] is JsonArray mappings)
        {
            var (monthly, text, _) = Volumes(p, mappings);
            (diskMonthly, diskText) = (monthly, text);
        }
        else
        {
            var disk = _refs.Number(props["DiskSize"]) ?? 20m;
            diskMonthly = disk * p.Unit(PriceKeys.EbsGbMonth("gp3"));
            diskText = $", {Fmt(disk)} GB gp3";
            notes.Add(props["DiskSize"] is null ? "Root volumes assumed 20 GB gp3 (the EKS default size)." : "Root volumes assumed gp3.");
        }

        if (desired is null) notes.Add("The node count is not set: 1 node assumed.");
        if (instanceTypes.Count > 1) notes.Add($"Priced as {instanceType}, the first of {instanceTypes.Count} instance types.");
        if (_refs.String(props["CapacityType"]) == "SPOT") notes.Add("SPOT capacity: priced at on-demand rates; Spot is usually much cheaper.");
        var nodeMonthly = p.Instance(PriceKeys.Ec2, instanceType) * _hours + diskMonthly;
        return Line(id, type, $"{Fmt(nodes)} × {instanceType} node{diskText} each", p, nodes * nodeMonthly, [.. notes]);
    }

    // ---- Lambda on a schedule -------------------------------------------------------------------------------------

    /// <summary>
    /// A function that EventBridge runs only on rate() schedules: its runs a month are known, so it is priced (requests
    /// and GB-seconds at an assumed duration, without the free tier). Any other trigger makes its cost usage: no line.
    /// DjangoCdk's queue-depth publisher also pays for the custom metrics it publishes and its PutMetricData calls.
    /// </summary>
    private CostLine? ScheduledFunction(string id, string type, JsonObject props)
    {
        var runs = 0m;
        var schedules = new List<string>();
        foreach (var (_, rule) in _stack.ResourcesOfType("AWS::Events::Rule"))
        {
            var ruleProps = rule["Properties"];
            if (!(ruleProps?["Targets"] as JsonArray ?? []).Any(t => TemplateReferences.TargetId(t?["Arn"]) == id)) continue;
            if (_refs.String(ruleProps?["State"]) == "DISABLED") continue;
            var expression = _refs.String(ruleProps?["ScheduleExpression"]);
            if (expression is null || RunsPerMonth(expression) is not { } n) return null;
            runs += n;
            schedules.Add(expression);
        }

        if (runs == 0) return null;
        _usageCounted.Add(id);
        var p = Prices();
        var memoryMb = _refs.Number(props["MemorySize"]) ?? 128m;
        var architecture = (props["Architectures"] as JsonArray ?? []).Select(_refs.String).Contains("arm64") ? "arm64" : "x86_64";
        var seconds = Math.Min(p.Unit(PriceKeys.LambdaAssumedSecondsPerRun), _refs.Number(props["Timeout"]) ?? 3m);
        var lambda = runs / 1_000_000m * p.Unit(PriceKeys.LambdaRequestsMillion) + runs * seconds * memoryMb / 1024m * p.Unit(PriceKeys.LambdaGbSecond(architecture));
        var description = $"Lambda on {string.Join(" and ", schedules)}: {Count(runs)} runs a month, {Fmt(memoryMb)} MB, {(architecture == "arm64" ? "ARM64" : "X86_64")}";
        var assumption = $"Each run assumed to take {Fmt(seconds)} s; the free tier is not applied.";
        if (PublishedMetrics(props) is not { } published)
            return Line(id, type, description, p, lambda, assumption);

        var requests = runs * Math.Ceiling(published.Metrics / 1000m);
        var metrics = published.Metrics * p.Unit(PriceKeys.CustomMetricMonth);
        var calls = requests / 1000m * p.Unit(PriceKeys.CloudWatchRequests1000);
        return Line(id, type, $"{description}; publishes {published.Metrics} custom metrics to {published.Namespace}", p, lambda + metrics + calls,
            $"Lambda {Money(lambda)}, {published.Metrics} custom metrics {Money(metrics)}, {Count(requests)} PutMetricData calls {Money(calls)}.", assumption);
    }

    /// <summary>
    /// The CloudWatch agent DjangoCdk's DockerEc2 runs on its host, from the configuration cfn-init writes (the
    /// construct's contract with its boot script, <c>/etc/djangocdk/cloudwatch-agent.json</c>): the custom metrics it
    /// publishes and one PutMetricData call a minute. Each collector publishes its measurements for each of its resources,
    /// and again for each rolled-up dimension set (<c>aggregation_dimensions</c>) when it has resources (per-volume
    /// series; memory has none to roll up). Null for an instance without that file.
    /// </summary>
    private CostLine? AgentMetrics(string id, JsonObject resource)
    {
        var init = resource["Metadata"]?["AWS::CloudFormation::Init"] as JsonObject;
        var content = init?.Select(c => c.Value?["files"]?[AgentConfigFile]?["content"]).FirstOrDefault(c => c is not null);
        if (_refs.Text(content, "x") is not { } text) return null;
        JsonNode? metricsSection;
        try { metricsSection = JsonNode.Parse(text)?["metrics"]; }
        catch (System.Text.Json.JsonException) { return null; }
        if (metricsSection?["metrics_collected"] is not JsonObject collected) return null;

        var rollups = (metricsSection["aggregation_dimensions"] as JsonArray ?? []).Count;
        var metrics = collected.Select(c => c.Value).OfType<JsonObject>().Sum(collector =>
        {
            var measurements = (collector["measurement"] as JsonArray ?? []).Count;
            var resources = (collector["resources"] as JsonArray)?.Count ?? 0;
            return resources == 0 ? measurements : measurements * resources * (1 + rollups);
        });
        var ns = _refs.String(metricsSection["namespace"]) ?? "CWAgent";
        var p = Prices();
        var calls = _hours * 60m;
        var monthlyMetrics = metrics * p.Unit(PriceKeys.CustomMetricMonth);
        var monthlyCalls = calls / 1000m * p.Unit(PriceKeys.CloudWatchRequests1000);
        return Line(id, "CloudWatch agent", $"CloudWatch agent on {id}: {metrics} custom metrics to {ns}, every minute", p, monthlyMetrics + monthlyCalls,
            $"{metrics} custom metrics {Money(monthlyMetrics)}, {Count(calls)} PutMetricData calls (one a minute) {Money(monthlyCalls)}.");
    }

    private const string AgentConfigFile = "/etc/djangocdk/cloudwatch-agent.json";

    // rate(1 minute), rate(5 minutes), rate(1 hour), rate(2 days): runs in a month of hoursPerMonth; cron() is not counted.
    private decimal? RunsPerMonth(string expression)
    {
        var match = RatePattern().Match(expression.Trim());
        if (!match.Success) return null;
        var amount = decimal.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var minutes = amount * match.Groups[2].Value[0] switch { 'm' => 1m, 'h' => 60m, _ => 1440m };
        return minutes <= 0 ? null : _hours * 60m / minutes;
    }

    /// <summary>
    /// What DjangoCdk's queue-depth publisher writes, from its environment (the construct's contract with its handler):
    /// <c>METRIC_NAMESPACE</c>, and <c>WORKERS</c>, a JSON list of <c>{service, queues}</c>. It publishes one QueueDepth
    /// metric per queue and a BacklogPerTask and a BacklogWithoutTasks per worker. Null for any other function.
    /// </summary>
    private (int Metrics, string Namespace)? PublishedMetrics(JsonObject props)
    {
        var variables = props["Environment"]?["Variables"];
        if (_refs.String(variables?["METRIC_NAMESPACE"]) is not { } ns || _refs.Text(variables?["WORKERS"], "x") is not { } text) return null;
        try
        {
            var workers = (JsonNode.Parse(text) as JsonArray ?? []).OfType<JsonObject>().ToList();
            var queues = workers.SelectMany(w => w["queues"] as JsonArray ?? []).Select(q => q?.ToString()).Distinct(StringComparer.Ordinal).Count();
            return (queues + 2 * workers.Count, ns);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    // ---- Per-item monthly prices --------------------------------------------------------------------------------

    private CostLine Flat(string id, string type, string description, string key, string? note = null)
    {
        var p = Prices();
        return Line(id, type, description, p, p.Unit(key), note);
    }

    private CostLine Alarm(string id, string type, JsonObject props)
    {
        var metrics = (props["Metrics"] as JsonArray ?? []).Count(m => m?["MetricStat"] is not null);
        var count = Math.Max(1, metrics);
        var p = Prices();
        return Line(id, type, count == 1 ? "CloudWatch alarm" : $"CloudWatch alarm on {count} metrics", p, count * p.Unit(PriceKeys.AlarmMonth),
            count > 1 ? "A metric-math alarm is billed per metric it reads." : null,
            _refs.Number(props["Period"]) is < 60m ? "High-resolution alarms cost more; priced as standard resolution." : null);
    }

    // Target tracking: Application Auto Scaling creates two alarms (scale out, scale in) outside the template, billed as
    // any alarm. A step policy's alarm is in the template.
    private CostLine? ScalingPolicy(string id, string type, JsonObject props)
    {
        if (_refs.String(props["PolicyType"]) != "TargetTrackingScaling" || props["TargetTrackingScalingPolicyConfiguration"] is not JsonObject tracking) return null;
        var custom = tracking["CustomizedMetricSpecification"];
        var metric = _refs.String(tracking["PredefinedMetricSpecification"]?["PredefinedMetricType"]) ?? _refs.String(custom?["MetricName"]) ?? "a metric-math expression";
        var metricsPerAlarm = Math.Max(1, (custom?["Metrics"] as JsonArray ?? []).Count(m => m?["MetricStat"] is not null));
        const int alarms = 2;
        var p = Prices();
        return Line(id, type, $"Target tracking on {metric}: {alarms} CloudWatch alarms" + (metricsPerAlarm > 1 ? $" on {metricsPerAlarm} metrics each" : ""), p,
            alarms * metricsPerAlarm * p.Unit(PriceKeys.AlarmMonth),
            "Application Auto Scaling creates these alarms (scale out, scale in) outside the template; they are billed as any alarm.");
    }

    private CostLine WebAcl(string id, string type, JsonObject props)
    {
        var rules = TemplateReferences.Count(props["Rules"]) ?? 0;
        var p = Prices();
        return Line(id, type, $"WAF web ACL with {rules} rule(s)", p, p.Unit(PriceKeys.WafWebAclMonth) + rules * p.Unit(PriceKeys.WafRuleMonth),
            "Managed rule groups with their own subscription (Bot Control, Fraud Control) are not counted.");
    }

    // ---- Helpers ------------------------------------------------------------------------------------------------

    private bool HasContainerInsights(JsonObject props) =>
        (props["ClusterSettings"] as JsonArray ?? []).Any(s =>
            _refs.String(s?["Name"]) == "containerInsights" && _refs.String(s?["Value"]) is "enabled" or "enhanced");

    private void Exclude(string item)
    {
        if (!_excluded.Contains(item)) _excluded.Add(item);
    }

    private LinePrices Prices() => new(_prices, _region, _prices.HasRegion(_region));

    private CostLine Line(string id, string type, string description, LinePrices p, decimal monthly, params string?[] notes)
    {
        if (p.UsedFallback) UsedRegionalFallback = true;
        return new CostLine(_stack.StackName, id, type, description, p.Complete ? monthly : null, p.Note(notes));
    }

    internal static string Fmt(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^rate\(\s*([0-9]+)\s+(minutes?|hours?|days?)\s*\)$")]
    private static partial Regex RatePattern();

    private static string Count(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

    private static string Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The prices one line uses: records figures missing from the table and figures taken from the baseline region.</summary>
    private sealed class LinePrices(PriceTable table, string region, bool regionKnown)
    {
        private readonly List<string> _missing = [];
        private readonly List<string> _fallbacks = [];

        public bool Complete => _missing.Count == 0;

        public bool UsedFallback => _fallbacks.Count > 0;

        public decimal Unit(string key) => Take(table.Unit(region, key), $"the table has no figure for {key}");

        public decimal Instance(string service, string type) =>
            Take(table.InstanceHourly(region, service, type), $"{type} is not in the price table ({service} prices); add it to prices.json with its source");

        private decimal Take(PriceQuote quote, string whenMissing)
        {
            if (quote.Usd is not { } usd)
            {
                _missing.Add(whenMissing);
                return 0m;
            }

            if (quote.IsFallback && regionKnown && !_fallbacks.Contains(quote.Key)) _fallbacks.Add(quote.Key);
            return usd;
        }

        public string? Note(IEnumerable<string?> extra)
        {
            var parts = new List<string>();
            if (_missing.Count > 0) parts.Add($"No price: {string.Join("; ", _missing)}.");
            parts.AddRange(extra.OfType<string>().Where(e => e.Length > 0));
            if (_fallbacks.Count > 0)
                parts.Add($"{table.BaselineRegion} price for {string.Join(", ", _fallbacks)}: the table has no {region} figure.");
            return parts.Count == 0 ? null : string.Join(" ", parts);
        }
    }
}
