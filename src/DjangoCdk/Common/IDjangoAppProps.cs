using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;

namespace DjangoCdk;

/// <summary>
/// The props every Django-hosting construct shares under the same names (<see cref="DjangoEcsProps"/>,
/// <see cref="DjangoEksProps"/>): the image, the network, the environment, the workers, the release phase and the
/// data stores. <see cref="AppSettings"/> resolves and validates them once for all of them; each construct documents
/// them on its own props type.
/// </summary>
internal interface IDjangoAppProps
{
    string ImageDirectory { get; }
    string? Dockerfile { get; }
    string? DockerTarget { get; }
    string[]? WebCommand { get; }
    bool? UseCeleryBeat { get; }
    string? BucketName { get; }
    IVpc? Vpc { get; }
    NatStrategy? NatStrategy { get; }
    IMachineImage? NatInstanceImage { get; }
    string[]? AvailabilityZones { get; }
    string? FrontendUrl { get; }
    string? AssetsDomainName { get; }
    string? MediaDomainName { get; }
    string[]? ExtraAllowedHosts { get; }
    string[]? ExtraCsrfTrustedOrigins { get; }
    IDictionary<string, string>? EnvironmentVariables { get; }
    IDictionary<string, string>? EnvironmentAliases { get; }
    string? HealthCheckPath { get; }
    int? ContainerPort { get; }
    string? SettingsModule { get; }
    bool? Debug { get; }
    IList<CeleryWorkerOptions>? CeleryWorkers { get; }
    string? CeleryApp { get; }
    IList<string[]>? ReleaseCommands { get; }
    Duration? ReleaseTimeout { get; }
    bool? SkipRelease { get; }
    InstanceType? DatabaseInstanceType { get; }
    int? DatabaseAllocatedStorageGiB { get; }
    bool? DatabaseMultiAz { get; }
    int? DatabaseBackupRetentionDays { get; }
    bool? DatabaseDeletionProtection { get; }
    string? DatabaseName { get; }
    string? CacheNodeType { get; }
    MonitoringOptions? Monitoring { get; }
}
