namespace DjangoCdk.Cli;

/// <summary>What a node of an <see cref="ArchitectureDiagram"/> stands for; renderers choose its shape from it.</summary>
public enum NodeKind
{
    /// <summary>The people using the site, on the internet.</summary>
    Users,

    /// <summary>A DNS name in Route 53 (record sets in the hosted zone, or records external-dns creates).</summary>
    Dns,

    /// <summary>A CloudFront distribution.</summary>
    Cdn,

    /// <summary>An Application Load Balancer (for DjangoEks, the one the AWS Load Balancer Controller makes for the Ingress).</summary>
    LoadBalancer,

    /// <summary>The Django web service (gunicorn).</summary>
    WebService,

    /// <summary>A Celery worker service.</summary>
    Worker,

    /// <summary>Celery beat, the scheduler.</summary>
    Beat,

    /// <summary>The release phase: the commands (migrations, collectstatic) that run before a new version serves.</summary>
    Release,

    /// <summary>PostgreSQL.</summary>
    Database,

    /// <summary>Redis.</summary>
    Cache,

    /// <summary>An S3 bucket (static and media files, or a single-page app).</summary>
    Bucket,

    /// <summary>One server running the whole application (DockerEc2: Docker Compose on an EC2 instance).</summary>
    Host,

    /// <summary>An IAM user whose access key an application outside AWS uses.</summary>
    IamUser,
}
