namespace DjangoCdk;

/// <summary>
/// The two External Secrets Operator objects DjangoEks creates, typed so a manifest cannot carry a misspelled field
/// (the KubernetesClient models cover built-in kinds only). API group external-secrets.io, version v1; the fields
/// follow the operator's CRDs, and the tests validate the objects against those CRDs' schemas.
/// </summary>
internal static class ExternalSecrets
{
    public const string ApiVersion = "external-secrets.io/v1";

    /// <summary>A SecretStore that reads AWS Secrets Manager in one region as a service account's IAM role (IRSA).</summary>
    public static SecretStore NewSecretStore(string name, string ns, string region, string serviceAccount) => new(
        ApiVersion, "SecretStore", new Metadata(name, ns),
        new SecretStoreSpec(new SecretStoreProvider(new AwsProvider("SecretsManager", region,
            new AwsAuth(new JwtAuth(new ServiceAccountRef(serviceAccount)))))));

    /// <summary>An ExternalSecret that writes each entry of <paramref name="data"/> (key, secret ARN, JSON field) into the Kubernetes Secret <paramref name="target"/>.</summary>
    public static ExternalSecret NewExternalSecret(string name, string ns, string store, string target, string refreshInterval, IEnumerable<(string Key, string SecretArn, string? Field)> data) => new(
        ApiVersion, "ExternalSecret", new Metadata(name, ns),
        new ExternalSecretSpec(
            refreshInterval,
            new StoreRef(store, "SecretStore"),
            new SecretTarget(target, "Owner"),
            data.Select(d => new SecretData(d.Key, new RemoteRef(d.SecretArn, d.Field))).ToArray()));

    internal sealed record Metadata(string Name, string Namespace);

    internal sealed record SecretStore(string ApiVersion, string Kind, Metadata Metadata, SecretStoreSpec Spec);

    internal sealed record SecretStoreSpec(SecretStoreProvider Provider);

    internal sealed record SecretStoreProvider(AwsProvider Aws);

    internal sealed record AwsProvider(string Service, string Region, AwsAuth Auth);

    internal sealed record AwsAuth(JwtAuth Jwt);

    internal sealed record JwtAuth(ServiceAccountRef ServiceAccountRef);

    internal sealed record ServiceAccountRef(string Name);

    internal sealed record ExternalSecret(string ApiVersion, string Kind, Metadata Metadata, ExternalSecretSpec Spec);

    internal sealed record ExternalSecretSpec(string RefreshInterval, StoreRef SecretStoreRef, SecretTarget Target, SecretData[] Data);

    internal sealed record StoreRef(string Name, string Kind);

    internal sealed record SecretTarget(string Name, string CreationPolicy);

    internal sealed record SecretData(string SecretKey, RemoteRef RemoteRef);

    internal sealed record RemoteRef(string Key, string? Property);
}
