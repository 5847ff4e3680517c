namespace DjangoCdk.Cli;

/// <summary>What init writes besides what it detected: the answers to its questions, or the flags.</summary>
/// <param name="Name">The CloudFormation stack name.</param>
/// <param name="Target">The deployment target, one of <see cref="InitTargets.All"/>.</param>
/// <param name="Preset">The sizing preset, one of <see cref="InitTargets.Presets"/>.</param>
/// <param name="Domain">The site's domain name, or null for the load balancer's (or CloudFront's) own name.</param>
/// <param name="Zone">The Route 53 hosted zone holding <paramref name="Domain"/>, or null.</param>
/// <param name="Region">The AWS region, or null to leave it to the AWS CLI profile.</param>
public sealed record InitChoices(string Name, string Target, string Preset, string? Domain = null, string? Zone = null, string? Region = null)
{
    /// <summary>The schema reference written on the first line (a path relative to the config, or a URL).</summary>
    public string SchemaPath { get; init; } = "./django-cdk.schema.json";
}
