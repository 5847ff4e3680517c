using Amazon.CDK.AWS.EC2;
using Constructs;

namespace DjangoCdk;

/// <summary>How the VPC that a construct creates is shaped.</summary>
/// <param name="Nat">How the private subnets reach the internet.</param>
/// <param name="AvailabilityZones">The zones to span, or null for the first two of the region.</param>
/// <param name="NatInstanceImage">With <see cref="NatStrategy.Instance"/>, the NAT instance's image, or null for the cached Amazon Linux 2023 lookup.</param>
internal sealed record NetworkOptions(NatStrategy Nat, string[]? AvailabilityZones, IMachineImage? NatInstanceImage);

/// <summary>The VPC every DjangoCdk construct creates when the user does not bring one.</summary>
internal static class Network
{
    public const string PublicSubnets = "Public";
    public const string PrivateSubnets = "Private";
    public const string IsolatedSubnets = "Isolated";

    /// <summary>
    /// Public subnets for load balancers and NAT, private subnets with NAT egress for tasks, isolated subnets with no
    /// route to the internet for data stores; two Availability Zones (or <see cref="NetworkOptions.AvailabilityZones"/>);
    /// flow logs to CloudWatch Logs.
    /// </summary>
    public static Vpc CreateVpc(Construct scope, string id, NetworkOptions options)
    {
        var natInstance = options.Nat == NatStrategy.Instance
            ? new NatInstanceProvider(new NatInstanceProviderOptions(Defaults.NatInstanceType, options.NatInstanceImage ?? DefaultNatImage()))
            : null;
        var vpc = new Vpc(scope, id, new VpcProps
        {
            MaxAzs = options.AvailabilityZones is null ? Defaults.MaxAzs : null,
            AvailabilityZones = options.AvailabilityZones,
            NatGateways = options.Nat == NatStrategy.GatewayPerAz ? options.AvailabilityZones?.Length ?? Defaults.MaxAzs : 1,
            NatGatewayProvider = natInstance ?? NatProvider.Gateway(),
            SubnetConfiguration =
            [
                new SubnetConfiguration { Name = PublicSubnets, SubnetType = SubnetType.PUBLIC, CidrMask = 24 },
                new SubnetConfiguration { Name = PrivateSubnets, SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 20 },
                new SubnetConfiguration { Name = IsolatedSubnets, SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 },
            ],
        });
        vpc.AddFlowLog("FlowLog");
        Lookups.WarnIfUnanswered(scope, vpc.AvailabilityZones.Any(Lookups.IsPlaceholderZone), "the region's availability zones (or set AvailabilityZones)");
        if (natInstance is not null)
            Lookups.WarnIfUnanswered(scope, Lookups.IsPlaceholderImage(natInstance.Image.GetImage(scope).ImageId), "the NAT instance's Amazon Linux 2023 image (or set NatInstanceImage)");
        return vpc;
    }

    /// <summary>
    /// Amazon Linux 2023 for ARM64, looked up once and cached in cdk.context.json, so the NAT instance is replaced only
    /// when the user refreshes that entry (<c>cdk context --reset</c>), never by an unrelated deployment. The lookup
    /// needs the stack's account and region; <see cref="DjangoEcs"/> checks that before it gets here.
    /// </summary>
    private static IMachineImage DefaultNatImage() =>
        MachineImage.LatestAmazonLinux2023(new AmazonLinux2023ImageSsmParameterProps { CpuType = AmazonLinuxCpuType.ARM_64, CachedInContext = true });

    /// <summary>The subnets tasks run in: private with egress when the VPC has them, otherwise private isolated.</summary>
    public static SubnetSelection AppSubnets => new() { SubnetType = SubnetType.PRIVATE_WITH_EGRESS };

    /// <summary>The subnets data stores live in.</summary>
    public static SubnetSelection DataSubnets(IVpc vpc) =>
        vpc.IsolatedSubnets.Length > 0
            ? new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED }
            : new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS };
}
