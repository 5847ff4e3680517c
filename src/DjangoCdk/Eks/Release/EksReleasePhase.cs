using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.CustomResources;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// Runs each release command (migrate, collectstatic, ...) as a Kubernetes Job with the new image, one after the
/// other, and makes the deployment wait: a Job that fails or times out fails the deployment, with the command, the
/// exit code, the last log lines and the <c>kubectl logs</c> command in the reason, and CloudFormation rolls back.
/// Workloads that must not roll before the release depend on <see cref="Steps"/>. A step re-runs whenever its Job
/// manifest (image, environment, command) changes.
/// </summary>
/// <remarks>
/// The handler calls the cluster's API server itself, with the token <c>aws eks get-token</c> makes from its role's
/// credentials. That role has no IAM permission beyond writing its logs: its Kubernetes rights come from an EKS access
/// entry with <c>AmazonEKSEditPolicy</c> scoped to the application's namespace, which the EKS user guide ("Review
/// access policy permissions") lists as create/delete and get/list/watch on <c>batch</c> <c>jobs</c>, and
/// get/list/watch on <c>pods</c> and <c>pods/log</c>: what the handler does (create, get and delete its Jobs, list
/// their pods, read their logs). <c>AmazonEKSViewPolicy</c> cannot create Jobs, and no narrower access policy exists
/// (access policies cannot be written; a namespace Role would need a manifest applied through kubectl first). The
/// cluster must accept access entries (authentication mode <c>API</c> or <c>API_AND_CONFIG_MAP</c>), and the
/// functions run outside the VPC, so its endpoint must be reachable publicly (the CDK's default, public and private).
/// </remarks>
internal sealed class EksReleasePhase : Construct
{
    internal const string RoleId = "HandlerRole";
    internal const string AccessEntryId = "AccessEntry";
    internal const string OnEventId = "OnEvent";
    internal const string IsCompleteId = "IsComplete";
    internal const string StepIdPrefix = "Step";
    internal const string ResourceType = "Custom::DjangoEksRelease";

    /// <summary>The EKS access policy the handler's role gets, on the application's namespace only.</summary>
    internal const string AccessPolicyName = "AmazonEKSEditPolicy";

    /// <summary>onEvent retries a 401/403 for up to 30 s while the new access entry reaches the API server.</summary>
    private const int OnEventTimeoutSeconds = 60;
    private const int IsCompleteTimeoutSeconds = 30;

    public EksReleasePhase(Construct scope, string id, EksReleasePhaseOptions options) : base(scope, id)
    {
        Validate(options);
        var role = CreateRole();
        var accessEntry = CreateAccessEntry(options, role);
        var code = HandlerCode.EksRelease.Asset();
        var onEvent = NewFunction(OnEventId, code, role, "index.onEvent", OnEventTimeoutSeconds, "Starts a Django release command as a Kubernetes Job");
        var isComplete = NewFunction(IsCompleteId, code, role, "index.isComplete", IsCompleteTimeoutSeconds, "Waits for a Django release Job and reports its exit code and logs");
        var provider = ReleaseProvider.Create(this, onEvent, isComplete, options.TimeoutSeconds, "djangocdk-eks-release", "Kubernetes Job");
        Steps = CreateSteps(options, provider, [accessEntry, role, onEvent, isComplete]);

        Role = role;
        AccessEntry = accessEntry;
        Provider = provider;
        Functions = [onEvent, isComplete];
        NagSuppressions.AddToTree(this, LambdaSuppressions);
    }

    /// <summary>The release steps in the order they run.</summary>
    public IReadOnlyList<CustomResource> Steps { get; }

    /// <summary>The functions that start the Jobs and wait for them: their errors are the release's failures.</summary>
    public IReadOnlyList<Function> Functions { get; }

    /// <summary>The custom-resource provider that runs the steps.</summary>
    public Provider Provider { get; }

    /// <summary>The role both handler functions run as: the principal of <see cref="AccessEntry"/>.</summary>
    public Role Role { get; }

    /// <summary>The EKS access entry that lets <see cref="Role"/> edit the application's namespace, and only it.</summary>
    public AccessEntry AccessEntry { get; }

    /// <summary>Rejects options no caller should pass: they are a bug in the construct that builds the phase.</summary>
    private static void Validate(EksReleasePhaseOptions options)
    {
        if (options.Steps.Count == 0)
            throw new ArgumentException("An EKS release phase needs at least one step; build none when there is nothing to run.", nameof(options));
        if (options.TimeoutSeconds < 60 || options.TimeoutSeconds > ReleaseProvider.MaxTaskTimeoutSeconds)
            throw new ArgumentOutOfRangeException(nameof(options), options.TimeoutSeconds, $"The release timeout must be between 60 and {ReleaseProvider.MaxTaskTimeoutSeconds} seconds.");
        foreach (var step in options.Steps)
        {
            if (step.Command.Length == 0)
                throw new ArgumentException("A release step needs a command.", nameof(options));
            if (step.JobManifest.TryGetValue("metadata", out var metadata) && metadata is IDictionary<string, object> m && m.ContainsKey("name"))
                throw new ArgumentException($"The Job manifest of release step '{ReleasePhase.StepName(step.Command)}' sets metadata.name; leave it out, the handler names each run.", nameof(options));
        }
    }

    /// <summary>One role for both functions, so one access entry covers them: the basic Lambda logging policy, nothing else.</summary>
    private Role CreateRole() => new(this, RoleId, new RoleProps
    {
        AssumedBy = new ServicePrincipal("lambda.amazonaws.com"),
        Description = "DjangoCdk EKS release handlers: writes its logs; Kubernetes rights come from an EKS access entry on the app namespace",
        ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("service-role/AWSLambdaBasicExecutionRole")],
    });

    /// <summary>The handler's Kubernetes rights: edit, in the application's namespace only.</summary>
    private AccessEntry CreateAccessEntry(EksReleasePhaseOptions options, Role role) => new(this, AccessEntryId, new AccessEntryProps
    {
        Cluster = options.Cluster,
        Principal = role.RoleArn,
        AccessEntryType = AccessEntryType.STANDARD,
        AccessPolicies =
        [
            AccessPolicy.FromAccessPolicyName(AccessPolicyName, new AccessPolicyNameOptions
            {
                AccessScopeType = AccessScopeType.NAMESPACE,
                Namespaces = [options.Namespace],
            }),
        ],
    });

    private Function NewFunction(string id, Code code, Role role, string handler, int timeoutSeconds, string description) => new(this, id, new FunctionProps
    {
        Runtime = LambdaRuntime.NodeJs,
        Code = code,
        Handler = handler,
        Role = role,
        Description = description,
        Timeout = Duration.Seconds(timeoutSeconds),
        MemorySize = 128,
    });

    /// <summary>One custom resource per command, each after the previous one and after everything the handler needs.</summary>
    private List<CustomResource> CreateSteps(EksReleasePhaseOptions options, Provider provider, IConstruct[] prerequisites)
    {
        var stack = Stack.Of(this);
        var timeout = options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture);
        var steps = new List<CustomResource>();
        for (var i = 0; i < options.Steps.Count; i++)
        {
            var step = options.Steps[i];
            var properties = new Dictionary<string, object>
            {
                ["Name"] = ReleasePhase.StepName(step.Command),
                ["Command"] = step.Command,
                ["Namespace"] = options.Namespace,
                ["ClusterName"] = options.Cluster.ClusterName,
                ["Endpoint"] = options.Cluster.ClusterEndpoint,
                ["CertificateAuthority"] = options.Cluster.ClusterCertificateAuthorityData,
                // A JSON string, not an object: CloudFormation hands custom resources every number and boolean as a
                // string, which the Kubernetes API rejects (backoffLimit: "0"). Any change to it re-runs the step.
                ["Job"] = stack.ToJsonString(step.JobManifest),
                ["TimeoutSeconds"] = timeout,
            };
            // Only present while skipping, so turning it off changes the properties again and the commands run.
            if (options.Skip) properties["Skip"] = "true";
            var resource = new CustomResource(this, StepIdPrefix + (i + 1), new CustomResourceProps
            {
                ServiceToken = provider.ServiceToken,
                ResourceType = ResourceType,
                Properties = properties,
            });
            // CloudFormation's own wait for the step (default and maximum one hour), matched to the waiter's.
            ((CfnResource)resource.Node.DefaultChild!).AddPropertyOverride("ServiceTimeout", ReleaseProvider.ServiceTimeoutSeconds(options.TimeoutSeconds));
            resource.Node.AddDependency(prerequisites);
            if (steps.Count > 0) resource.Node.AddDependency(steps[^1]);
            steps.Add(resource);
        }

        return steps;
    }

    private static readonly NagSuppression[] LambdaSuppressions =
    [
        NagSuppressions.LambdaBasicExecutionRole,
        new("AwsSolutions-IAM5", "The provider framework invokes its own handler functions, whose versions need the ':*' suffix; Step Functions log delivery only accepts Resource '*'.",
            @"/^Resource::<[A-Za-z0-9]+\.Arn>:\*$/",
            "Resource::*"),
    ];
}
