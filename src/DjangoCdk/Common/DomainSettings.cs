using Amazon.CDK;
using Amazon.CDK.AWS.Route53;
using Constructs;

namespace DjangoCdk;

/// <summary>The domain props every construct shares (domain, zone, zone ID, certificate): their checks and the zone.</summary>
internal static class DomainSettings
{
    public const string ZoneNameProp = "ZoneName";
    public const string HostedZoneIdProp = "HostedZoneId";
    public const string CertificateArnProp = "CertificateArn";

    /// <summary>An ACM certificate ARN; the group <c>region</c> is where the certificate lives.</summary>
    public static readonly System.Text.RegularExpressions.Regex CertificateArnPattern =
        new(@"^arn:aws[a-zA-Z-]*:acm:(?<region>[a-z0-9-]+):\d{12}:certificate/[A-Za-z0-9-]+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>Checks that the domain props fit together; <paramref name="domainProp"/> names the domain prop of the caller.</summary>
    public static void Validate(IConstruct scope, string? domain, string? zoneName, string? hostedZoneId, string? certificateArn, string domainProp) =>
        Validate(ConstructSite.Of(scope), domain, zoneName, hostedZoneId, certificateArn, domainProp);

    /// <summary>The same checks in plain C#, for settings resolved before any construct exists.</summary>
    public static void Validate(ConstructSite site, string? domain, string? zoneName, string? hostedZoneId, string? certificateArn, string domainProp)
    {
        if (domain is not null && string.IsNullOrWhiteSpace(domain))
            throw Errors.Invalid(site.Path, domainProp, domain, "Give a domain name such as 'api.example.com', or leave it unset.");
        if (zoneName is not null && string.IsNullOrWhiteSpace(zoneName))
            throw Errors.Invalid(site.Path, ZoneNameProp, zoneName, "Give the Route 53 hosted zone's name, e.g. 'example.com'.");
        if (domain is not null && zoneName is null)
            throw Errors.Conflict(site.Path, domainProp, domain, $"{ZoneNameProp} is not set. A domain needs the Route 53 hosted zone that holds it: set {ZoneNameProp} (e.g. 'example.com').");
        if (domain is null && zoneName is not null)
            throw Errors.Conflict(site.Path, ZoneNameProp, zoneName, $"{domainProp} is not set, so the zone would not be used. Set {domainProp}, or remove {ZoneNameProp}.");
        if (hostedZoneId is not null && zoneName is null)
            throw Errors.Conflict(site.Path, HostedZoneIdProp, hostedZoneId, $"{ZoneNameProp} is not set. Set {ZoneNameProp} to the zone's name along with its ID.");
        if (certificateArn is not null && domain is null)
            throw Errors.Conflict(site.Path, CertificateArnProp, certificateArn, $"{domainProp} is not set; a certificate is only used with a domain.");
        if (domain is null || zoneName is null) return;

        if (!IsInZone(domain, zoneName))
            throw Errors.Invalid(site.Path, domainProp, domain, $"It must be '{zoneName}' or a subdomain of it, because its DNS record is created in the zone {ZoneNameProp}='{zoneName}'.");
        if (certificateArn is not null && !Tokens.IsUnresolved(certificateArn) &&
            !CertificateArnPattern.IsMatch(certificateArn))
            throw Errors.Invalid(site.Path, CertificateArnProp, certificateArn, "Expected an ACM certificate ARN: arn:aws:acm:<region>:<account>:certificate/<id>.");
        if (hostedZoneId is null)
        {
            if (!site.HasEnvironment)
                throw Errors.Missing(site.Path, HostedZoneIdProp, $"Without it the zone '{zoneName}' is looked up at synth time, which needs the stack's account and region (Env on the Stack). Set {HostedZoneIdProp} to the zone's ID (Route 53 console, or 'aws route53 list-hosted-zones-by-name --dns-name {zoneName}'), or give the stack an Env.");
        }
    }

    /// <summary>Whether <paramref name="domain"/> is <paramref name="zoneName"/> or a subdomain of it.</summary>
    public static bool IsInZone(string domain, string zoneName)
    {
        var d = domain.TrimEnd('.').ToLowerInvariant();
        var z = zoneName.TrimEnd('.').ToLowerInvariant();
        return d == z || d.EndsWith("." + z, StringComparison.Ordinal);
    }

    /// <summary>The hosted zone: from its ID when given (no lookup), else looked up by name.</summary>
    public static IHostedZone HostedZone(Construct scope, string id, string zoneName, string? hostedZoneId)
    {
        if (hostedZoneId is not null)
            return Amazon.CDK.AWS.Route53.HostedZone.FromHostedZoneAttributes(scope, id, new HostedZoneAttributes { HostedZoneId = hostedZoneId, ZoneName = zoneName });
        var zone = Amazon.CDK.AWS.Route53.HostedZone.FromLookup(scope, id, new HostedZoneProviderProps { DomainName = zoneName });
        Lookups.WarnIfUnanswered(scope, Lookups.IsPlaceholderZoneId(zone.HostedZoneId), $"the hosted zone '{zoneName}' (or set {HostedZoneIdProp})");
        return zone;
    }
}
