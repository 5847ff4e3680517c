using System.Text.RegularExpressions;

namespace DjangoCdk.Cli;

/// <summary>The values init accepts for the config's fixed keys, and how it checks them.</summary>
public static partial class InitTargets
{
    /// <summary>The deployment targets, each the name of the config section holding its construct's props.</summary>
    public static IReadOnlyList<string> All { get; } = ["ecs", "vue", "static", "eks", "ec2", "s3"];

    /// <summary>The sizing presets.</summary>
    public static IReadOnlyList<string> Presets { get; } = ["starter", "production"];

    /// <summary>What each target deploys, one line each, for help and the written comments.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>
    {
        ["ecs"] = "DjangoEcs: Django on ECS Fargate behind a load balancer, Celery workers and beat, PostgreSQL, Redis, S3",
        ["vue"] = "DjangoVue: DjangoEcs behind CloudFront on one domain, with the single-page app served from S3",
        ["static"] = "StaticSite: a single-page app on S3 and CloudFront (no Django)",
        ["eks"] = "DjangoEks: Django on an EKS cluster, with the same data stores as ecs",
        ["ec2"] = "DockerEc2: the whole stack with Docker Compose on one EC2 instance (the cheapest)",
        ["s3"] = "S3BucketResources: buckets only, for a Django app hosted elsewhere",
    };

    /// <summary>Whether <paramref name="name"/> is a valid CloudFormation stack name (letters, digits, hyphens; starts with a letter; at most 128).</summary>
    public static bool IsStackName(string name) => StackName().IsMatch(name);

    /// <summary>Whether <paramref name="domain"/> looks like a DNS name (labels of letters, digits and hyphens, at least one dot).</summary>
    public static bool IsDomainName(string domain) => DomainName().IsMatch(domain);

    /// <summary>The zone a domain most likely lives in: the domain without its first label when it has three or more, else itself.</summary>
    public static string ZoneOf(string domain)
    {
        var labels = domain.TrimEnd('.').Split('.');
        return labels.Length >= 3 ? string.Join('.', labels[1..]) : domain.TrimEnd('.');
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9-]{0,127}$")]
    private static partial Regex StackName();

    [GeneratedRegex(@"^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\.?$")]
    private static partial Regex DomainName();
}
