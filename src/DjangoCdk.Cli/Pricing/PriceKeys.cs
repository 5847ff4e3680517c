namespace DjangoCdk.Cli;

/// <summary>The unit price keys of prices.json ("units" of a region); instance prices are looked up by service and type.</summary>
internal static class PriceKeys
{
    public const string Ec2 = "ec2";
    public const string Rds = "rds";
    public const string ElastiCache = "elasticache";

    public static string FargateVcpuHour(string architecture) => $"fargate.{architecture}.vcpu-hour";
    public static string FargateGbHour(string architecture) => $"fargate.{architecture}.gb-hour";
    public const string FargateSpotDiscount = "fargate.spot-discount";
    public static string EbsGbMonth(string volumeType) => $"ebs.{volumeType}.gb-month";
    public static string RdsStorageGbMonth(string storageType) => $"rds.{storageType}.gb-month";
    public const string NatGatewayHour = "natgateway.hour";
    public const string Ipv4Hour = "ipv4.hour";
    public const string AlbHour = "alb.hour";
    public const string AlbLcuHour = "alb.lcu-hour";
    public const string AlbAssumedLcus = "alb.assumed-lcus";
    public const string EksClusterHour = "eks.cluster-hour";
    public const string EksClusterHourExtended = "eks.cluster-hour-extended";
    public const string SecretMonth = "secretsmanager.secret-month";
    public const string KmsKeyMonth = "kms.key-month";
    public const string AlarmMonth = "cloudwatch.alarm-month";
    public const string DashboardMonth = "cloudwatch.dashboard-month";
    public const string CustomMetricMonth = "cloudwatch.custom-metric-month";
    public const string CloudWatchRequests1000 = "cloudwatch.api-requests-1000";
    public const string LambdaRequestsMillion = "lambda.requests-million";
    public static string LambdaGbSecond(string architecture) => $"lambda.{architecture}.gb-second";
    public const string LambdaAssumedSecondsPerRun = "lambda.assumed-seconds-per-run";
    public const string WafWebAclMonth = "waf.web-acl-month";
    public const string WafRuleMonth = "waf.rule-month";
    public const string InterfaceEndpointAzHour = "vpc-endpoint.interface-az-hour";
    public const string HostedZoneMonth = "route53.hosted-zone-month";
}
