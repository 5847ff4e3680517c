using System.Reflection;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Constructs;
using DjangoCdk.Tests.TestSupport;

namespace DjangoCdk.Tests.Frontend;

/// <summary>What StaticSite tests share: the built-SPA fixture, stacks in us-east-1, load balancers.</summary>
internal static class Sites
{
    public const string SiteId = "Site";
    public const string ZoneName = "example.com";
    public const string ZoneId = "Z0123456789EXAMPLE";
    public const string AppDomain = "app.example.com";
    public const string ApiDomain = "api.example.com";
    public const string UsEast1CertificateArn = "arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555";
    public const string WebAclArn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/site/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

    /// <summary>Managed policy IDs, as CloudFront documents them.</summary>
    public const string CachingOptimized = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    public const string CachingDisabled = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    public const string AllViewerAndCloudFrontHeaders = "33f36d7e-f396-46d9-90e0-52428a34d9dc";

    /// <summary>samples/frontend/dist: index.html and two fingerprinted files under assets/.</summary>
    public static string Dist => TestStacks.SamplesPath(Path.Combine("frontend", "dist"));

    /// <summary>A stack in us-east-1, where CloudFront certificates live.</summary>
    public static Stack UsEast1(string id = "Test") =>
        new(TestStacks.NewApp(), id, new StackProps { Env = new Amazon.CDK.Environment { Account = TestStacks.Account, Region = "us-east-1" } });

    /// <summary>A load balancer known only by its attributes: no VPC, nothing synthesized.</summary>
    public static IApplicationLoadBalancer ImportedLoadBalancer(Construct scope) =>
        ApplicationLoadBalancer.FromApplicationLoadBalancerAttributes(scope, "ImportedAlb", new ApplicationLoadBalancerAttributes
        {
            LoadBalancerArn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/django/0123456789abcdef",
            SecurityGroupId = "sg-0123456789abcdef0",
            LoadBalancerDnsName = "django-123456789.us-east-1.elb.amazonaws.com",
        });

    /// <summary>
    /// An object of a CDK interface (a load balancer, a bucket) made without the CDK runtime, for settings that only
    /// pass it through: calling any of its members throws, so a test that uses one also shows nothing touched it.
    /// </summary>
    public static T StandIn<T>() where T : class => DispatchProxy.Create<T, StandInProxy>();

    /// <summary>The stand-ins' behaviour: every member throws.</summary>
    public class StandInProxy : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            throw new InvalidOperationException($"{targetMethod?.Name} was called on a stand-in: this code needs a real CDK object.");
    }

    /// <summary>A Django-style load balancer: an HTTPS listener with no default action and a web target group.</summary>
    public static (ApplicationLoadBalancer LoadBalancer, ApplicationListener Listener, ApplicationTargetGroup Web) LoadBalancer(Construct scope, bool open = false)
    {
        var vpc = new Vpc(scope, "Vpc", new VpcProps
        {
            MaxAzs = 2,
            NatGateways = 0,
            SubnetConfiguration = [new SubnetConfiguration { Name = "Public", SubnetType = SubnetType.PUBLIC }],
        });
        var alb = new ApplicationLoadBalancer(scope, "Alb", new ApplicationLoadBalancerProps { Vpc = vpc, InternetFacing = true });
        var listener = alb.AddListener("Https", new BaseApplicationListenerProps
        {
            Port = 443,
            Protocol = ApplicationProtocol.HTTPS,
            Certificates = [ListenerCertificate.FromArn("arn:aws:acm:us-east-1:123456789012:certificate/99999999-2222-3333-4444-555555555555")],
            Open = open,
        });
        var web = new ApplicationTargetGroup(scope, "Web", new ApplicationTargetGroupProps
        {
            Vpc = vpc,
            Port = 8000,
            Protocol = ApplicationProtocol.HTTP,
            TargetType = TargetType.IP,
        });
        return (alb, listener, web);
    }

    /// <summary>The logical ID of a construct's CloudFormation resource.</summary>
    public static string LogicalId(IConstruct construct)
    {
        var element = construct as CfnElement ?? (CfnElement)construct.Node.DefaultChild!;
        return (string)Stack.Of(element).Resolve(Stack.Of(element).GetLogicalId(element));
    }

    /// <summary>{ "Ref": logical ID } of a construct.</summary>
    public static Dictionary<string, object> Ref(IConstruct construct) => new() { ["Ref"] = LogicalId(construct) };

    /// <summary>{ "Fn::GetAtt": [logical ID, attribute] } of a construct.</summary>
    public static Dictionary<string, object> GetAtt(IConstruct construct, string attribute) =>
        new() { ["Fn::GetAtt"] = new object[] { LogicalId(construct), attribute } };
}
