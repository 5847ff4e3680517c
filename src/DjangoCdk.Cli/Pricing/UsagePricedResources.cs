namespace DjangoCdk.Cli;

/// <summary>Resource types billed by usage rather than by the hour: the estimate lists them as not counted instead of pricing them.</summary>
internal static class UsagePricedResources
{
    public const string DataTransferOut = "Data transfer out to the internet";

    private static readonly IReadOnlyDictionary<string, string> ByType = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS::S3::Bucket"] = "S3 storage and requests",
        ["AWS::CloudFront::Distribution"] = "CloudFront data transfer and requests",
        ["AWS::CloudFront::Function"] = "CloudFront Functions invocations",
        ["AWS::Lambda::Function"] = "Lambda invocations and duration",
        ["AWS::Logs::LogGroup"] = "CloudWatch Logs ingestion and storage",
        ["AWS::EC2::FlowLog"] = "VPC flow log delivery",
        ["AWS::SNS::Topic"] = "SNS notifications (alarm emails: 2 USD per 100,000, negligible at alarm volumes)",
        ["AWS::SQS::Queue"] = "SQS requests",
        ["AWS::ECR::Repository"] = "ECR image storage",
        ["AWS::DynamoDB::Table"] = "DynamoDB reads, writes and storage",
        ["AWS::StepFunctions::StateMachine"] = "Step Functions state transitions",
        ["AWS::ElastiCache::ServerlessCache"] = "ElastiCache Serverless data and ECPUs",
        ["AWS::EFS::FileSystem"] = "EFS storage",
        ["AWS::DLM::LifecyclePolicy"] = "EBS snapshot storage",
        ["AWS::ApiGateway::RestApi"] = "API Gateway requests",
        ["AWS::ApiGatewayV2::Api"] = "API Gateway requests",
        ["AWS::Events::EventBus"] = "EventBridge events",
        ["AWS::Kinesis::Stream"] = "Kinesis shards and data",
        // Usage that comes with resources the estimate does price.
        ["AWS::EC2::NatGateway"] = "NAT gateway data processing (per GB)",
        ["AWS::ElasticLoadBalancingV2::LoadBalancer"] = "Load balancer capacity units beyond the stated minimum",
        ["AWS::WAFv2::WebACL"] = "WAF requests (per million)",
        ["AWS::SecretsManager::Secret"] = "Secrets Manager API calls",
        ["AWS::KMS::Key"] = "KMS requests",
        ["AWS::RDS::DBInstance"] = "RDS backup storage beyond the database size",
        ["AWS::EC2::VPCEndpoint"] = "VPC endpoint data processing (per GB)",
        ["AWS::Route53::HostedZone"] = "Route 53 DNS queries",
    };

    /// <summary>What usage a resource of this type brings that the estimate does not count, or null.</summary>
    public static string? For(string type) => ByType.GetValueOrDefault(type);
}
