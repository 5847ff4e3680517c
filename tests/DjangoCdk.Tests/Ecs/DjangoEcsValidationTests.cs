using Amazon.CDK;
using Amazon.CDK.Assertions;
using Amazon.CDK.AWS.EC2;
using DjangoCdk.Tests.TestSupport;
using Xunit;

namespace DjangoCdk.Tests.Ecs;

/// <summary>
/// Bad input fails with the prop, the value and what is allowed. Plain values are checked by
/// <see cref="DjangoEcsSettings.Resolve"/> in plain C#, so these tests need no CDK runtime unless a prop holds a CDK object.
/// </summary>
public sealed class DjangoEcsValidationTests
{
    private static readonly ConstructSite Site = new("Test/Django", TestStacks.Account, TestStacks.Region);
    private static readonly ConstructSite EnvironmentAgnosticSite = new("Test/Django", "${Token[AWS.AccountId.1]}", "${Token[AWS.Region.2]}");
    private static readonly ConstructSite AccountAgnosticSite = new("Test/Django", "${Token[AWS.AccountId.1]}", TestStacks.Region);

    private static DjangoCdkValidationException Rejects(Func<DjangoEcsProps, DjangoEcsProps> change, ConstructSite? site = null)
    {
        var props = change(new DjangoEcsProps { ImageDirectory = TestStacks.Backend });
        return Assert.Throws<DjangoCdkValidationException>(() => DjangoEcsSettings.Resolve(props, site ?? Site));
    }

    [Fact]
    public void A_stack_without_a_region_is_rejected_with_what_to_do()
    {
        var error = Rejects(p => p, EnvironmentAgnosticSite);
        Assert.Equal("Env.Region", error.ParamName);
        Assert.Equal(ValidationErrorCode.Missing, error.Code);
        Assert.Contains("CDK_DEFAULT_REGION", error.Message);
    }

    [Fact]
    public void A_stack_without_an_account_is_accepted()
    {
        _ = DjangoEcsSettings.Resolve(new DjangoEcsProps { ImageDirectory = TestStacks.Backend }, AccountAgnosticSite);
    }

    [Fact]
    public void The_construct_validates_its_props_before_it_builds_anything()
    {
        // Given a stack / When a DjangoEcs gets a bad prop / Then it throws with its own path and leaves no child behind
        var stack = TestStacks.New();
        var error = Assert.Throws<DjangoCdkValidationException>(() =>
            new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, WebMinCount = 0 }));
        Assert.Equal("Test/Django", error.ConstructPath);
        Assert.Empty(stack.Node.FindChild("Django").Node.Children);
    }

    [Fact]
    public void Missing_image_directory_is_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = "" });
        Assert.Equal("ImageDirectory", error.ParamName);
        Assert.Equal(ValidationErrorCode.Missing, error.Code);
        Assert.Equal("Test/Django", error.ConstructPath);
    }

    [Fact]
    public void Image_directory_that_does_not_exist_is_rejected_with_its_path()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = "/no/such/dir" });
        Assert.Equal("ImageDirectory", error.ParamName);
        Assert.Equal(ValidationErrorCode.NotFound, error.Code);
        Assert.Contains("'/no/such/dir'", error.Message);
    }

    [Fact]
    public void Image_directory_without_its_dockerfile_is_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, Dockerfile = "Dockerfile.prod" });
        Assert.Equal("Dockerfile", error.ParamName);
        Assert.Equal(ValidationErrorCode.NotFound, error.Code);
        Assert.Contains("Dockerfile.prod", error.Message);
    }

    [Fact]
    public void Domain_without_its_zone_is_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, ApiDomainName = "api.example.com" });
        Assert.Equal("ApiDomainName", error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
        Assert.Contains("ZoneName", error.Message);
    }

    [Fact]
    public void Zone_without_a_domain_is_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, ZoneName = "example.com" });
        Assert.Equal("ZoneName", error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
    }

    [Fact]
    public void Hosted_zone_id_without_the_zone_name_is_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, HostedZoneId = "Z123" });
        Assert.Equal("HostedZoneId", error.ParamName);
    }

    [Fact]
    public void Certificate_without_a_domain_is_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, CertificateArn = "arn:aws:acm:eu-west-1:123456789012:certificate/abc" });
        Assert.Equal("CertificateArn", error.ParamName);
    }

    [Fact]
    public void Domain_outside_its_zone_is_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, ApiDomainName = "api.example.org", ZoneName = "example.com", HostedZoneId = "Z1" });
        Assert.Equal("ApiDomainName", error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Contains("subdomain", error.Message);
    }

    [Fact]
    public void Malformed_certificate_arn_is_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, ApiDomainName = "api.example.com", ZoneName = "example.com", HostedZoneId = "Z1", CertificateArn = "my-cert" });
        Assert.Equal("CertificateArn", error.ParamName);
    }

    [Fact]
    public void Zone_lookup_in_an_environment_agnostic_stack_asks_for_the_zone_id()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, ApiDomainName = "api.example.com", ZoneName = "example.com" }, AccountAgnosticSite);
        Assert.Equal("HostedZoneId", error.ParamName);
        Assert.Contains("aws route53 list-hosted-zones-by-name --dns-name example.com", error.Message);
    }

    [Theory]
    [InlineData(256, 4096)]
    [InlineData(512, 512)]
    [InlineData(1024, 1536)]
    [InlineData(300, 1024)]
    public void Cpu_and_memory_pairs_fargate_does_not_offer_are_rejected(int cpu, int memory)
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, WebCpu = cpu, WebMemoryMiB = memory });
        Assert.Contains(error.ParamName, new[] { "WebCpu", "WebMemoryMiB" });
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Contains("Fargate", error.Message);
    }

    [Fact]
    public void Worker_cpu_and_memory_are_checked_too()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, CeleryWorkers = [new CeleryWorkerOptions { Cpu = 256, MemoryMiB = 4096 }] });
        Assert.Equal("CeleryWorkers[0].MemoryMiB", error.ParamName);
    }

    [Theory]
    [InlineData("1ST")]
    [InlineData("MY-VAR")]
    [InlineData("A B")]
    [InlineData("")]
    public void Invalid_environment_variable_names_are_rejected(string name)
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, EnvironmentVariables = new Dictionary<string, string> { [name] = "x" } });
        Assert.Equal("EnvironmentVariables", error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
    }

    [Theory]
    [InlineData("DEBUG")]
    [InlineData("ALLOWED_HOSTS")]
    [InlineData("POSTGRES_PASSWORD")]
    [InlineData("DJANGO_SETTINGS_MODULE")]
    public void A_user_variable_never_replaces_one_the_construct_sets(string name)
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, EnvironmentVariables = new Dictionary<string, string> { [name] = "x" } });
        Assert.Equal("EnvironmentVariables", error.ParamName);
        Assert.Equal(ValidationErrorCode.Reserved, error.Code);
        Assert.Contains(name, error.Message);
    }

    [Fact]
    public void A_user_secret_never_replaces_one_the_construct_sets()
    {
        var error = Assert.Throws<DjangoCdkValidationException>(() =>
        {
            var stack = TestStacks.New();
            var secret = Amazon.CDK.AWS.ECS.Secret.FromSecretsManager(Amazon.CDK.AWS.SecretsManager.Secret.FromSecretNameV2(stack, "S", "x"));
            _ = new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, Secrets = new Dictionary<string, Amazon.CDK.AWS.ECS.Secret> { ["DJANGO_SECRET_KEY"] = secret } });
        });
        Assert.Equal("Secrets", error.ParamName);
        Assert.Equal(ValidationErrorCode.Reserved, error.Code);
    }

    [Fact]
    public void A_name_cannot_be_both_a_variable_and_a_secret()
    {
        var error = Assert.Throws<DjangoCdkValidationException>(() =>
        {
            var stack = TestStacks.New();
            var secret = Amazon.CDK.AWS.ECS.Secret.FromSecretsManager(Amazon.CDK.AWS.SecretsManager.Secret.FromSecretNameV2(stack, "S", "x"));
            _ = new DjangoEcs(stack, "Django", new DjangoEcsProps
            {
                ImageDirectory = TestStacks.Backend,
                EnvironmentVariables = new Dictionary<string, string> { ["SENTRY_DSN"] = "x" },
                Secrets = new Dictionary<string, Amazon.CDK.AWS.ECS.Secret> { ["SENTRY_DSN"] = secret },
            });
        });
        Assert.Equal("Secrets", error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
    }

    [Fact]
    public void Empty_web_command_is_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, WebCommand = [] });
        Assert.Equal("WebCommand", error.ParamName);
    }

    [Fact]
    public void Release_command_with_an_empty_argument_is_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, ReleaseCommands = [["python", "manage.py", "migrate"], ["python", ""]] });
        Assert.Equal("ReleaseCommands[1]", error.ParamName);
    }

    [Fact]
    public void Web_minimum_above_maximum_is_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, WebMinCount = 5, WebMaxCount = 2 });
        Assert.Equal("WebMinCount", error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
        Assert.Contains("'5'", error.Message);
    }

    [Fact]
    public void Worker_minimum_above_maximum_is_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, CeleryWorkers = [new CeleryWorkerOptions { MinCount = 3, MaxCount = 1 }] });
        Assert.Equal("CeleryWorkers[0].MinCount", error.ParamName);
    }

    [Fact]
    public void Two_workers_with_one_name_are_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, CeleryWorkers = [new CeleryWorkerOptions(), new CeleryWorkerOptions()] });
        Assert.Equal("CeleryWorkers[1].Name", error.ParamName);
    }

    [Theory]
    [InlineData("Web")]
    [InlineData("web")]
    [InlineData("my_worker")]
    public void Worker_names_that_clash_or_are_malformed_are_rejected(string name)
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, CeleryWorkers = [new CeleryWorkerOptions { Name = name }] });
        Assert.Equal("CeleryWorkers[0].Name", error.ParamName);
    }

    [Theory]
    [InlineData("x", "x-task")]
    [InlineData("a-b", "a--b")]
    public void Workers_whose_construct_ids_would_clash_are_rejected(string first, string second)
    {
        var error = Rejects(p => p with { CeleryWorkers = [new CeleryWorkerOptions { Name = first }, new CeleryWorkerOptions { Name = second }] });
        Assert.Equal("CeleryWorkers[1].Name", error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
    }

    [Fact]
    public void Worker_without_queues_is_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, CeleryWorkers = [new CeleryWorkerOptions { Queues = [] }] });
        Assert.Equal("CeleryWorkers[0].Queues", error.ParamName);
    }

    [Fact]
    public void Nat_strategy_with_an_existing_vpc_is_rejected_rather_than_ignored()
    {
        var stack = TestStacks.New();
        var vpc = new Vpc(stack, "Existing");
        var error = Assert.Throws<DjangoCdkValidationException>(() =>
            new DjangoEcs(stack, "Django", new DjangoEcsProps { ImageDirectory = TestStacks.Backend, Vpc = vpc, NatStrategy = NatStrategy.Instance }));
        Assert.Equal("NatStrategy", error.ParamName);
    }

    [Fact]
    public void Health_check_path_must_be_absolute()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, HealthCheckPath = "health" });
        Assert.Equal("HealthCheckPath", error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Contains("absolute path starting with '/'", error.Message);
    }

    [Theory]
    [InlineData("WebCpuTargetPercent", 9)]
    [InlineData("WebCpuTargetPercent", 91)]
    [InlineData("WebRequestsPerTarget", 0)]
    [InlineData("DatabaseAllocatedStorageGiB", 19)]
    [InlineData("ContainerPort", 0)]
    [InlineData("ContainerPort", 65536)]
    public void Numbers_outside_what_aws_accepts_are_rejected_with_the_range(string prop, int value)
    {
        var error = Rejects(p => prop switch
        {
            "WebCpuTargetPercent" => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, WebCpuTargetPercent = value },
            "WebRequestsPerTarget" => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, WebRequestsPerTarget = value },
            "DatabaseAllocatedStorageGiB" => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, DatabaseAllocatedStorageGiB = value },
            _ => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, ContainerPort = value },
        });
        Assert.Equal(prop, error.ParamName);
        Assert.Equal(ValidationErrorCode.OutOfRange, error.Code);
        Assert.Contains("Allowed: ", error.Message);
    }

    [Theory]
    [InlineData("1blog")]
    [InlineData("u-blog")]
    [InlineData("")]
    public void Database_names_postgres_would_need_quoted_are_rejected(string name)
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, DatabaseName = name });
        Assert.Equal("DatabaseName", error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
        Assert.Contains("start with a letter", error.Message);
    }

    [Theory]
    [InlineData(56)]
    [InlineData(110)]
    [InlineData(180)]
    public void Release_timeout_beyond_what_cloudformation_waits_is_rejected(int minutes)
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, ReleaseTimeout = Duration.Minutes(minutes) });
        Assert.Equal("ReleaseTimeout", error.ParamName);
        Assert.Equal(ValidationErrorCode.OutOfRange, error.Code);
        Assert.Contains("1 to 55 minutes", error.Message);
    }

    [Fact]
    public void Release_timeout_under_a_minute_is_rejected_with_its_value()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, ReleaseTimeout = Duration.Millis(1500) });
        Assert.Equal("ReleaseTimeout", error.ParamName);
        Assert.Contains("is '1 second", error.Message);
    }

    [Theory]
    [InlineData("My_Bucket")]
    [InlineData("ab")]
    [InlineData("bucket..name")]
    [InlineData("-bucket")]
    public void Bucket_names_s3_refuses_are_rejected(string name)
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, BucketName = name });
        Assert.Equal("BucketName", error.ParamName);
    }

    [Fact]
    public void Cache_node_type_without_the_cache_prefix_is_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, CacheNodeType = "t4g.micro" });
        Assert.Equal("CacheNodeType", error.ParamName);
        Assert.Contains("cache.t4g.micro", error.Message);
    }

    [Fact]
    public void Backup_retention_beyond_rds_limits_is_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, DatabaseBackupRetentionDays = 0 });
        Assert.Equal("DatabaseBackupRetentionDays", error.ParamName);
    }

    [Fact]
    public void Certificate_alternative_names_without_a_domain_are_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps { ImageDirectory = p.ImageDirectory, CertificateAlternativeNames = ["app.example.com"] });
        Assert.Equal("CertificateAlternativeNames", error.ParamName);
        Assert.Equal(ValidationErrorCode.Conflict, error.Code);
    }

    [Fact]
    public void Certificate_alternative_names_outside_the_zone_are_rejected()
    {
        var error = Rejects(p => new DjangoEcsProps
        {
            ImageDirectory = p.ImageDirectory, ApiDomainName = "api.example.com", ZoneName = "example.com", HostedZoneId = "Z1",
            CertificateAlternativeNames = ["app.example.org"],
        });
        Assert.Equal("CertificateAlternativeNames", error.ParamName);
        Assert.Equal(ValidationErrorCode.InvalidValue, error.Code);
    }
}
