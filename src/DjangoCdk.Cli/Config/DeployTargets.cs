namespace DjangoCdk.Cli;

/// <summary>Every target django-cdk deploys, in one table: the only place config meets the constructs.</summary>
public static class DeployTargets
{
    /// <summary>The targets by name, in the order help lists them.</summary>
    public static IReadOnlyList<DeployTarget> All { get; } =
    [
        new("ecs", typeof(DjangoEcsProps), "Django on ECS Fargate behind an Application Load Balancer (DjangoEcs).",
            (scope, id, props) => new DjangoEcs(scope, id, (DjangoEcsProps)props)),
        new("vue", typeof(DjangoVueProps), "Django on ECS Fargate and a single-page app on one CloudFront domain (DjangoVue).",
            (scope, id, props) => new DjangoVue(scope, id, (DjangoVueProps)props)),
        new("static", typeof(StaticSiteProps), "A Vue/React build on S3 and CloudFront (StaticSite).",
            (scope, id, props) => new StaticSite(scope, id, (StaticSiteProps)props)),
        new("eks", typeof(DjangoEksProps), "Django on Amazon EKS with the AWS Load Balancer Controller (DjangoEks).",
            (scope, id, props) => new DjangoEks(scope, id, (DjangoEksProps)props)),
        new("ec2", typeof(DockerEc2Props), "Django, Celery, PostgreSQL and Redis with Docker Compose on one EC2 instance (DockerEc2).",
            (scope, id, props) => new DockerEc2(scope, id, (DockerEc2Props)props)),
        new("s3", typeof(S3BucketResourcesProps), "A media bucket and an IAM user for an app hosted outside AWS (S3BucketResources).",
            (scope, id, props) => new S3BucketResources(scope, id, (S3BucketResourcesProps)props)),
    ];

    /// <summary>The names of every target.</summary>
    public static IEnumerable<string> Names => All.Select(t => t.Name);

    /// <summary>The target named <paramref name="name"/>, or null.</summary>
    public static DeployTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
