using Amazon.CDK.AWS.EC2;

namespace DjangoCdk;

/// <summary>Properties of <see cref="DjangoVue"/>.</summary>
public sealed class DjangoVueProps
{
    /// <summary>The one domain of the site, e.g. "app.example.com": the SPA, and Django under the API paths.</summary>
    /// <remarks>Required; must be <see cref="ZoneName"/> or a subdomain of it.</remarks>
    public required string DomainName { get; init; }

    /// <summary>The Route 53 public hosted zone that holds <see cref="DomainName"/>, e.g. "example.com".</summary>
    /// <remarks>Required.</remarks>
    public required string ZoneName { get; init; }

    /// <summary>The ID of the hosted zone named <see cref="ZoneName"/>; skips the hosted-zone lookup.</summary>
    /// <remarks>Default: the zone is looked up by name at synth time, which needs the stack's account and region.</remarks>
    public string? HostedZoneId { get; init; }

    /// <summary>The ARN of an ACM certificate in us-east-1 covering <see cref="DomainName"/>, for CloudFront.</summary>
    /// <remarks>Default: created and DNS-validated when the stack is in us-east-1; required in any other region (CloudFront only uses us-east-1 certificates).</remarks>
    public string? CertificateArn { get; init; }

    /// <summary>The name CloudFront reaches the load balancer on, over HTTPS; it gets an alias record and the load balancer's certificate.</summary>
    /// <remarks>Default: "origin." + <see cref="DomainName"/>. Requests to it that do not come through CloudFront get 403.</remarks>
    public string? LoadBalancerDomainName { get; init; }

    /// <summary>The folder of the built single-page app (holding index.html).</summary>
    /// <remarks>Default: none; nothing is uploaded and synthesis warns (an error with <see cref="RequirePathToDist"/>).</remarks>
    public string? PathToDist { get; init; }

    /// <summary>Makes a missing <see cref="PathToDist"/> an error instead of a warning.</summary>
    /// <remarks>Default: false.</remarks>
    public bool? RequirePathToDist { get; init; }

    /// <summary>The paths CloudFront sends to Django, uncached, with every header, cookie and query string.</summary>
    /// <remarks>Default: ["/api/*", "/admin/*", "/graphql*"] ("/graphql*" also matches "/graphql", Graphene's default URL). /static/* is always served from Django's bucket, and /media/* with <see cref="PublicMedia"/>.</remarks>
    public string[]? ApiPathPatterns { get; init; }

    /// <summary>Whether Django's uploads are served publicly from the site's domain under /media/, unsigned and cached at the edge.</summary>
    /// <remarks>Default: false; uploads stay private and Django links them with signed S3 URLs that expire (MEDIA_DOMAIN is empty). True routes /media/* through CloudFront and sets MEDIA_DOMAIN to <see cref="DomainName"/>; use it only when every upload may be public, e.g. images.</remarks>
    public bool? PublicMedia { get; init; }

    /// <summary>The Docker build context of the Django project. See <see cref="DjangoEcsProps.ImageDirectory"/>.</summary>
    /// <remarks>Required.</remarks>
    public required string ImageDirectory { get; init; }

    /// <summary>See <see cref="DjangoEcsProps.Dockerfile"/>.</summary>
    /// <remarks>Default: "Dockerfile".</remarks>
    public string? Dockerfile { get; init; }

    /// <summary>See <see cref="DjangoEcsProps.WebCommand"/>.</summary>
    /// <remarks>Default: the image's CMD.</remarks>
    public string[]? WebCommand { get; init; }

    /// <summary>See <see cref="DjangoEcsProps.UseCeleryBeat"/>.</summary>
    /// <remarks>Default: false.</remarks>
    public bool? UseCeleryBeat { get; init; }

    /// <summary>See <see cref="DjangoEcsProps.UseEcsExec"/>.</summary>
    /// <remarks>Default: false.</remarks>
    public bool? UseEcsExec { get; init; }

    /// <summary>See <see cref="DjangoEcsProps.EnvironmentVariables"/>.</summary>
    /// <remarks>Default: none.</remarks>
    public IDictionary<string, string>? EnvironmentVariables { get; init; }

    /// <summary>See <see cref="DjangoEcsProps.Secrets"/>.</summary>
    /// <remarks>Default: none.</remarks>
    public IDictionary<string, Amazon.CDK.AWS.ECS.Secret>? Secrets { get; init; }

    /// <summary>See <see cref="DjangoEcsProps.CeleryWorkers"/>.</summary>
    /// <remarks>Default: one worker on the "celery" queue.</remarks>
    public IList<CeleryWorkerOptions>? CeleryWorkers { get; init; }

    /// <summary>See <see cref="DjangoEcsProps.ReleaseCommands"/>.</summary>
    /// <remarks>Default: migrate, then collectstatic.</remarks>
    public IList<string[]>? ReleaseCommands { get; init; }

    /// <summary>See <see cref="DjangoEcsProps.SettingsModule"/>.</summary>
    /// <remarks>Default: "backend.settings.production".</remarks>
    public string? SettingsModule { get; init; }

    /// <summary>See <see cref="DjangoEcsProps.Vpc"/>.</summary>
    /// <remarks>Default: a new VPC.</remarks>
    public IVpc? Vpc { get; init; }

    /// <summary>See <see cref="DjangoEcsProps.WebMinCount"/>.</summary>
    /// <remarks>Default: 1.</remarks>
    public int? WebMinCount { get; init; }

    /// <summary>See <see cref="DjangoEcsProps.WebMaxCount"/>.</summary>
    /// <remarks>Default: 4.</remarks>
    public int? WebMaxCount { get; init; }

    /// <summary>See <see cref="DjangoEcsProps.DatabaseMultiAz"/>.</summary>
    /// <remarks>Default: false.</remarks>
    public bool? DatabaseMultiAz { get; init; }
}
