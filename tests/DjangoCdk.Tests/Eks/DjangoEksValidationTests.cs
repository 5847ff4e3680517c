using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using DjangoCdk.Samples;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Eks;

/// <summary>
/// Bad input to DjangoEks fails with the prop, the value and what is allowed, before anything is built. The props
/// DjangoEks shares with DjangoEcs are checked by the same code (AppSettings), which the DjangoEcs validation tests cover
/// value by value; these tests cover what is DjangoEks's own, and that the shared checks are wired in.
/// </summary>
public sealed class DjangoEksValidationTests
{
    private static readonly ConstructSite Site = new("Test/Django", TestStacks.Account, TestStacks.Region);
    private static readonly DateOnly Today = new(2026, 11, 26);

    /// <summary>A layer without a known version (not made by KubectlLayers), so only the version checks below see one.</summary>
    private static readonly ILayerVersion AnyLayer = LayerVersion.FromLayerVersionArn(TestStacks.New(), "Layer", "arn:aws:lambda:eu-west-1:123456789012:layer:kubectl:1");

    internal static DjangoEksProps Valid => new()
    {
        ImageDirectory = TestStacks.Backend,
        KubectlLayer = AnyLayer,
        DomainName = "api.example.com",
        ZoneName = "example.com",
        HostedZoneId = "Z0123456789EXAMPLE",
    };

    private static DjangoCdkValidationException Rejects(Func<DjangoEksProps, DjangoEksProps> change, DateOnly? today = null) =>
        Assert.Throws<DjangoCdkValidationException>(() => DjangoEksSettings.Resolve(change(Valid), Site, today ?? Today));

    [Fact]
    public void Valid_props_resolve_to_the_documented_defaults()
    {
        var settings = DjangoEksSettings.Resolve(Valid, Site, Today);
        Assert.Equal("1.35", settings.KubernetesVersion);
        Assert.Equal(["t4g.medium"], settings.Nodes.InstanceTypes);
        Assert.True(settings.Nodes.Arm64);
        Assert.Equal((2, 4, 2, 30), (settings.Nodes.MinSize, settings.Nodes.MaxSize, settings.Nodes.DesiredSize, settings.Nodes.DiskSizeGiB));
        Assert.Equal((2, 4), (settings.Web.MinCount, settings.Web.MaxCount));
        Assert.Equal(["python", "manage.py", "migrate", "--no-input"], settings.App.Release.Commands[0]);
    }

    [Fact]
    public void A_missing_kubectl_layer_is_rejected_with_how_to_get_one()
    {
        var error = Rejects(p => p with { KubectlLayer = null });
        Assert.Equal("KubectlLayer", error.ParamName);
        Assert.Equal(ValidationErrorCode.Missing, error.Code);
        Assert.Contains("@aws-cdk/lambda-layer-kubectl-v35", error.Message);
        Assert.Contains("Amazon.CDK.LambdaLayer.KubectlV35", error.Message);
    }

    [Fact]
    public void A_kubectl_layer_two_minor_versions_away_from_the_cluster_is_rejected()
    {
        var stack = TestStacks.New();
        var layer = KubectlLayers.FromNpmPackage(stack, "Kubectl", EksSamples.KubectlLayerDirectory);
        var error = Rejects(p => p with { KubectlLayer = layer, KubernetesVersion = "1.37" });
        Assert.Equal("KubectlLayer", error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
        Assert.Contains("kubectl 1.35", error.Message);
    }

    [Fact]
    public void A_kubectl_layer_one_minor_version_away_is_accepted()
    {
        var layer = KubectlLayers.FromNpmPackage(TestStacks.New(), "Kubectl", EksSamples.KubectlLayerDirectory);
        var settings = DjangoEksSettings.Resolve(Valid with { KubectlLayer = layer, KubernetesVersion = "1.34" }, Site, Today);
        Assert.Equal("1.34", settings.KubernetesVersion);
    }

    [Fact]
    public void A_version_past_the_end_of_standard_support_is_rejected()
    {
        var error = Rejects(p => p with { KubernetesVersion = "1.32" });
        Assert.Equal("KubernetesVersion", error.ParamName);
        Assert.Equal(ValidationErrorCode.OutOfRange, error.Code);
        Assert.Contains("2026-03-23", error.Message);
        Assert.Contains("AllowExtendedSupportVersion", error.Message);
    }

    [Fact]
    public void A_version_in_extended_support_is_accepted_when_opted_in()
    {
        var settings = DjangoEksSettings.Resolve(Valid with { KubernetesVersion = "1.32", AllowExtendedSupportVersion = true }, Site, Today);
        Assert.Equal("1.32", settings.KubernetesVersion);
    }

    [Fact]
    public void The_default_version_is_rejected_once_its_standard_support_has_ended()
    {
        // The table drives the check: on the day after the default's end of standard support, the default itself fails.
        var end = KubernetesVersions.EndOfStandardSupport[KubernetesVersions.Default];
        var error = Rejects(p => p, end.AddDays(1));
        Assert.Equal("KubernetesVersion", error.ParamName);
    }

    [Fact]
    public void A_version_older_than_the_table_is_rejected()
    {
        var error = Rejects(p => p with { KubernetesVersion = "1.19" });
        Assert.Equal(ValidationErrorCode.OutOfRange, error.Code);
        Assert.Contains("no longer offers", error.Message);
    }

    [Theory]
    [InlineData("1.35.2")]
    [InlineData("v1.35")]
    [InlineData("latest")]
    public void A_version_that_is_not_a_minor_version_is_rejected(string version)
    {
        var error = Rejects(p => p with { KubernetesVersion = version });
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Contains("'1.35'", error.Message);
    }

    [Fact]
    public void A_version_newer_than_the_table_is_accepted()
    {
        var settings = DjangoEksSettings.Resolve(Valid with { KubernetesVersion = "1.36" }, Site, Today);
        Assert.Equal("1.36", settings.KubernetesVersion);
    }

    [Fact]
    public void A_missing_domain_is_rejected_with_the_reason()
    {
        var error = Rejects(p => p with { DomainName = null, ZoneName = null, HostedZoneId = null });
        Assert.Equal("DomainName", error.ParamName);
        Assert.Contains("ALLOWED_HOSTS", error.Message);
    }

    [Fact]
    public void Mixed_node_architectures_are_rejected()
    {
        var error = Rejects(p => p with { NodeInstanceTypes = ["t4g.medium", "t3.medium"] });
        Assert.Equal("NodeInstanceTypes", error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
    }

    [Fact]
    public void X86_node_types_build_an_x86_image()
    {
        var settings = DjangoEksSettings.Resolve(Valid with { NodeInstanceTypes = ["m7i.large", "t3.large"] }, Site, Today);
        Assert.False(settings.Nodes.Arm64);
    }

    [Theory]
    [InlineData("t4g.medium", true)]
    [InlineData("c7gn.large", true)]
    [InlineData("m8g.xlarge", true)]
    [InlineData("t3.medium", false)]
    [InlineData("m7i.large", false)]
    [InlineData("g5.xlarge", false)]
    public void Graviton_types_are_told_from_x86_types(string type, bool graviton) =>
        Assert.Equal(graviton, DjangoEksSettings.IsGraviton(type));

    [Fact]
    public void A_malformed_instance_type_is_rejected()
    {
        var error = Rejects(p => p with { NodeInstanceTypes = ["medium"] });
        Assert.Equal("NodeInstanceTypes", error.ParamName);
    }

    [Fact]
    public void A_desired_size_outside_min_and_max_is_rejected()
    {
        var error = Rejects(p => p with { NodeMinSize = 2, NodeMaxSize = 3, NodeDesiredSize = 5 });
        Assert.Equal("NodeDesiredSize", error.ParamName);
        Assert.Equal(ValidationErrorCode.OutOfRange, error.Code);
    }

    [Fact]
    public void An_admin_role_that_is_not_a_role_arn_is_rejected()
    {
        var error = Rejects(p => p with { AdminRoleArns = ["arn:aws:iam::123456789012:user/alice"] });
        Assert.Equal("AdminRoleArns", error.ParamName);
    }

    [Fact]
    public void A_spot_worker_is_rejected_naming_the_worker()
    {
        var error = Rejects(p => p with { CeleryWorkers = [new CeleryWorkerOptions { Name = "reports", UseSpot = true }] });
        Assert.Equal("CeleryWorkers[0].UseSpot", error.ParamName);
    }

    [Fact]
    public void A_worker_stop_timeout_beyond_fargates_limit_is_accepted_on_eks()
    {
        var settings = DjangoEksSettings.Resolve(Valid with { CeleryWorkers = [new CeleryWorkerOptions { StopTimeoutSeconds = 900 }] }, Site, Today);
        Assert.Equal(900, settings.App.Workers[0].StopTimeoutSeconds);
    }

    [Fact]
    public void A_pod_smaller_than_a_tenth_of_a_vcpu_is_rejected()
    {
        var error = Rejects(p => p with { WebCpu = 64 });
        Assert.Equal("WebCpu", error.ParamName);
    }

    [Fact]
    public void The_shared_checks_apply_to_DjangoEks_too()
    {
        Assert.Equal("ReleaseTimeout", Rejects(p => p with { ReleaseTimeout = Duration.Hours(2) }).ParamName);
        Assert.Equal("EnvironmentVariables", Rejects(p => p with { EnvironmentVariables = new Dictionary<string, string> { ["DJANGO_SECRET_KEY"] = "x" } }).ParamName);
        Assert.Equal("CeleryWorkers[0].Name", Rejects(p => p with { CeleryWorkers = [new CeleryWorkerOptions { Name = "Web" }] }).ParamName);
        Assert.Equal("DatabaseName", Rejects(p => p with { DatabaseName = "1db" }).ParamName);
    }

    [Fact]
    public void A_user_secret_under_a_contract_name_is_rejected()
    {
        var stack = TestStacks.New();
        var secret = Amazon.CDK.AWS.SecretsManager.Secret.FromSecretNameV2(stack, "S", "x");
        var error = Rejects(p => p with { Secrets = new Dictionary<string, EksSecret> { ["POSTGRES_PASSWORD"] = EksSecret.FromSecretsManager(secret) } });
        Assert.Equal("Secrets", error.ParamName);
        Assert.Equal(ValidationErrorCode.Reserved, error.Code);
    }

    [Fact]
    public void A_stack_without_a_region_is_rejected()
    {
        var agnostic = new ConstructSite("Test/Django", "${Token[AWS.AccountId.1]}", "${Token[AWS.Region.2]}");
        var error = Assert.Throws<DjangoCdkValidationException>(() => DjangoEksSettings.Resolve(Valid, agnostic, Today));
        Assert.Equal("Env.Region", error.ParamName);
    }

    [Fact]
    public void A_layer_package_folder_that_does_not_exist_is_rejected()
    {
        var error = Assert.Throws<DjangoCdkValidationException>(() => KubectlLayers.FromNpmPackage(TestStacks.New(), "Kubectl", "/nowhere/lambda-layer-kubectl-v35"));
        Assert.Equal(ValidationErrorCode.NotFound, error.Code);
        Assert.Contains("lib/layer.zip", error.Message);
    }
}
