namespace DjangoCdk;

/// <summary>How a VPC that DjangoCdk creates gives its private subnets outbound internet access (image pulls, AWS APIs, email).</summary>
public enum NatStrategy
{
    /// <summary>One managed NAT gateway shared by both Availability Zones (about 33 USD a month plus data). If its zone fails, tasks in the other zone lose outbound access until it returns.</summary>
    SingleGateway = 0,

    /// <summary>One managed NAT gateway per Availability Zone: no cross-zone dependency, twice the cost.</summary>
    GatewayPerAz = 1,

    /// <summary>One t4g.nano NAT instance (about 3 USD a month): cheapest, but you own its patching and it is a single point of failure for outbound traffic.</summary>
    Instance = 2,
}
