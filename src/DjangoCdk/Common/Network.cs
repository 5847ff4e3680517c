using Amazon.CDK.AWS.EC2;
using Constructs;

namespace DjangoCdk;

/// <summary>The VPC every DjangoCdk construct creates when the user does not bring one.</summary>
internal static class Network
{
    public const string PublicSubnets = "Public";
    public const string PrivateSubnets = "Private";
    public const string IsolatedSubnets = "Isolated";

    /// <summary>
    /// Public subnets for load balancers and NAT, private subnets with NAT egress for tasks, isolated subnets with no
    /// route to the internet for data stores; two Availability Zones; flow logs to CloudWatch Logs.
    /// </summary>
    public static Vpc CreateVpc(Construct scope, string id, NatStrategy nat)
    {
        var vpc = new Vpc(scope, id, new VpcProps
        {
            MaxAzs = Defaults.MaxAzs,
            NatGateways = nat == NatStrategy.GatewayPerAz ? Defaults.MaxAzs : 1,
            NatGatewayProvider = nat == NatStrategy.Instance
                ? NatProvider.InstanceV2(new NatInstanceProps
                {
                    InstanceType = new InstanceType("t4g.nano"),
                    MachineImage = MachineImage.LatestAmazonLinux2023(new AmazonLinux2023ImageSsmParameterProps { CpuType = AmazonLinuxCpuType.ARM_64 }),
                    DefaultAllowedTraffic = NatTrafficDirection.OUTBOUND_ONLY,
                })
                : NatProvider.Gateway(),
            SubnetConfiguration =
            [
                new SubnetConfiguration { Name = PublicSubnets, SubnetType = SubnetType.PUBLIC, CidrMask = 24 },
                new SubnetConfiguration { Name = PrivateSubnets, SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 20 },
                new SubnetConfiguration { Name = IsolatedSubnets, SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = 24 },
            ],
        });
        vpc.AddFlowLog("FlowLog");

        if (nat == NatStrategy.Instance)
        {
            foreach (var instance in vpc.Node.FindAll().OfType<CfnInstance>())
            {
                // The CDK's NAT instance props have no block devices: encrypt the root volume (Amazon Linux 2023's /dev/xvda).
                instance.BlockDeviceMappings = new[]
                {
                    new CfnInstance.BlockDeviceMappingProperty
                    {
                        DeviceName = "/dev/xvda",
                        Ebs = new CfnInstance.EbsProperty { Encrypted = true, VolumeType = "gp3", DeleteOnTermination = true },
                    },
                };
                NagSuppressions.Add(instance,
                    new NagSuppression("AwsSolutions-EC28", "The NAT instance only forwards packets; basic CloudWatch metrics are enough and detailed monitoring would cost more than the instance."),
                    new NagSuppression("AwsSolutions-EC29", "A NAT instance holds no state; replacing it after termination is the recovery path, so termination protection would only slow stack updates."));
            }
        }

        return vpc;
    }

    /// <summary>The subnets tasks run in: private with egress when the VPC has them, otherwise private isolated.</summary>
    public static SubnetSelection AppSubnets => new() { SubnetType = SubnetType.PRIVATE_WITH_EGRESS };

    /// <summary>The subnets data stores live in.</summary>
    public static SubnetSelection DataSubnets(IVpc vpc) =>
        vpc.IsolatedSubnets.Length > 0
            ? new SubnetSelection { SubnetType = SubnetType.PRIVATE_ISOLATED }
            : new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS };
}
