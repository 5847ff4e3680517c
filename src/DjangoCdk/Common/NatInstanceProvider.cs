using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace DjangoCdk;

/// <summary>
/// One NAT instance (t4g.nano, Amazon Linux 2023) that the private subnets route through: the cheap alternative to a
/// NAT gateway. Built here rather than with the CDK's <c>NatProvider.InstanceV2</c>, which passes the deprecated
/// <c>keyName</c> (a warning on every synth) and whose default security group admits nothing from the VPC. Here the
/// security group admits every protocol from the VPC's own range only, IMDSv2 is required, the root volume is
/// encrypted, Session Manager is the way in (no SSH key, no open port) and the image is whatever
/// <see cref="NatInstanceProviderOptions.Image"/> pins, so routine deployments never replace the instance.
/// </summary>
internal sealed class NatInstanceProvider : NatProvider
{
    internal const string InstanceId = "NatInstance";
    internal const string SecurityGroupId = "NatSecurityGroup";
    internal const string RouteId = "DefaultRoute";

    private readonly NatInstanceProviderOptions options;
    private readonly List<(string Az, Instance_ Instance)> gateways = [];

    public NatInstanceProvider(NatInstanceProviderOptions options)
    {
        this.options = options;
    }

    /// <summary>The NAT instances, one per NAT subnet (one with the default single NAT).</summary>
    public IReadOnlyList<Instance_> Instances => gateways.Select(g => g.Instance).ToList();

    /// <summary>The machine image of the NAT instances.</summary>
    public IMachineImage Image => options.Image;

    /// <summary>The security group of the NAT instances.</summary>
    public SecurityGroup? SecurityGroup { get; private set; }

    public override IGatewayConfig[] ConfiguredGateways =>
        gateways.Select(g => (IGatewayConfig)new GatewayConfig { Az = g.Az, GatewayId = g.Instance.InstanceId }).ToArray();

    public override void ConfigureNat(IConfigureNatOptions natOptions)
    {
        var vpc = natOptions.Vpc;
        SecurityGroup = new SecurityGroup(vpc, SecurityGroupId, new SecurityGroupProps
        {
            Vpc = vpc,
            Description = "NAT instance: forwards traffic from the VPC to the internet",
            AllowAllOutbound = true,
        });
        // The private subnets' traffic arrives with their own source addresses: admit the VPC's range, nothing else.
        SecurityGroup.AddIngressRule(Peer.Ipv4(vpc.VpcCidrBlock), Port.AllTraffic(), "Traffic from the VPC to forward");
        NagSuppressions.Add(SecurityGroup, new NagSuppression("AwsSolutions-EC23",
            "The only inbound rule admits the VPC's own address range (a CloudFormation reference cdk-nag cannot evaluate), which is what a NAT instance forwards; nothing outside the VPC may connect."));

        var userData = UserData.ForLinux();
        userData.AddCommands(ForwardingCommands);
        foreach (var subnet in natOptions.NatSubnets)
        {
            var instance = new Instance_(subnet, InstanceId, new InstanceProps
            {
                Vpc = vpc,
                VpcSubnets = new SubnetSelection { Subnets = [subnet] },
                InstanceType = new Amazon.CDK.AWS.EC2.InstanceType(options.InstanceType),
                MachineImage = options.Image,
                SecurityGroup = SecurityGroup,
                SourceDestCheck = false,
                RequireImdsv2 = true,
                UserData = userData,
                UserDataCausesReplacement = false,
                BlockDevices =
                [
                    new BlockDevice
                    {
                        DeviceName = "/dev/xvda",
                        Volume = BlockDeviceVolume.Ebs(8, new EbsDeviceOptions { Encrypted = true, VolumeType = EbsDeviceVolumeType.GP3, DeleteOnTermination = true }),
                    },
                ],
            });
            // Session Manager (and Patch Manager) reach the instance without an SSH key or an open port.
            instance.Role.AddManagedPolicy(ManagedPolicy.FromAwsManagedPolicyName("AmazonSSMManagedInstanceCore"));
            NagSuppressions.Add(instance,
                new NagSuppression("AwsSolutions-EC28", "The NAT instance only forwards packets; basic CloudWatch metrics are enough and detailed monitoring would cost more than the instance."),
                new NagSuppression("AwsSolutions-EC29", "A NAT instance holds no state; replacing it is the recovery path, so termination protection would only block stack updates that replace it."));
            NagSuppressions.AddToTree(instance.Role, new NagSuppression("AwsSolutions-IAM4",
                "AmazonSSMManagedInstanceCore is the AWS-maintained minimum for Session Manager and Patch Manager, the documented way to reach and patch the NAT instance without SSH.",
                NagSuppressions.ManagedPolicy("AmazonSSMManagedInstanceCore")));
            gateways.Add((subnet.AvailabilityZone, instance));
        }

        foreach (var subnet in natOptions.PrivateSubnets) ConfigureSubnet(subnet);
    }

    public override void ConfigureSubnet(PrivateSubnet subnet)
    {
        var gateway = gateways.FirstOrDefault(g => g.Az == subnet.AvailabilityZone);
        var instance = gateway.Instance ?? gateways[0].Instance;
        subnet.AddRoute(RouteId, new AddRouteOptions
        {
            RouterType = RouterType.INSTANCE,
            RouterId = instance.InstanceId,
            EnablesInternetConnectivity = true,
        });
    }

    /// <summary>
    /// Turns the instance into a NAT: packet forwarding on, and source NAT (masquerade) on the interface of the default
    /// route, both kept across reboots (sysctl.d and the iptables service).
    /// </summary>
    internal static readonly string[] ForwardingCommands =
    [
        "set -euo pipefail",
        "dnf install -y iptables-services",
        "echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-nat.conf",
        "sysctl -p /etc/sysctl.d/90-nat.conf",
        "iface=$(ip -4 route show default | awk '{print $5; exit}')",
        "iptables -t nat -A POSTROUTING -o \"$iface\" -j MASQUERADE",
        "iptables -F FORWARD",
        "service iptables save",
        "systemctl enable --now iptables",
    ];
}

/// <summary>What the NAT instance runs.</summary>
/// <param name="InstanceType">The EC2 instance type, e.g. <c>t4g.nano</c>.</param>
/// <param name="Image">The machine image: pinned, so a new Amazon Linux release does not replace the instance.</param>
internal sealed record NatInstanceProviderOptions(string InstanceType, IMachineImage Image);
