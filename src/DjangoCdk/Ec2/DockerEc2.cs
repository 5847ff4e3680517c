using Amazon.CDK;
using Amazon.CDK.AWS.DLM;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Ecr.Assets;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.Route53;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.S3.Assets;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using InstanceType = Amazon.CDK.AWS.EC2.InstanceType;
using Secret = Amazon.CDK.AWS.SecretsManager.Secret;

namespace DjangoCdk;

/// <summary>
/// The low-cost single host: Django (gunicorn), a Celery worker and beat, PostgreSQL, Redis, an optional frontend and
/// Caddy (automatic Let's Encrypt HTTPS) with Docker Compose on one EC2 instance in a public subnet. The data lives on
/// a separate encrypted volume with daily snapshots, kept when the stack is deleted; secrets are generated in Secrets
/// Manager and read on the instance; the deployment fails unless the application answers its health check.
/// </summary>
public sealed class DockerEc2 : Construct
{
    /// <summary>Construct IDs: renaming one replaces the cloud resource, so they are stable API.</summary>
    internal static class Ids
    {
        public const string Vpc = "Vpc";
        public const string LogsBucket = "AccessLogs";
        public const string StaticFiles = "StaticFiles";
        public const string SecretKey = "SecretKey";
        public const string DatabaseSecret = "DatabaseSecret";
        public const string Logs = "Logs";
        public const string Image = "Image";
        public const string FrontendImage = "FrontendImage";
        public const string StackFiles = "StackFiles";
        public const string SecurityGroup = "SecurityGroup";
        public const string DataVolume = "DataVolume";
        public const string BackupRole = "BackupRole";
        public const string BackupPolicy = "BackupPolicy";
        public const string Role = "InstanceRole";
        public const string KeyPair = "KeyPair";
        public const string LaunchTemplate = "LaunchTemplate";
        public const string Instance = "Instance";
        public const string ElasticIp = "ElasticIp";
        public const string ElasticIpAssociation = "ElasticIpAssociation";
        public const string HostedZone = "HostedZone";
        public const string Record = "Record";
        public const string Monitoring = "Monitoring";
    }

    /// <summary>The tag Data Lifecycle Manager selects the data volume by; its value is unique to this construct.</summary>
    internal const string BackupTagKey = "djangocdk:backup";

    /// <summary>Creates the application.</summary>
    public DockerEc2(Construct scope, string id, DockerEc2Props props) : base(scope, id)
    {
        var settings = DockerEc2Settings.Resolve(props, ConstructSite.Of(this));
        AddWarnings(settings);

        Vpc = CreateNetwork();
        AccessLogsBucket = Buckets.CreateLogsBucket(this, Ids.LogsBucket);
        StaticFileBucket = Buckets.CreateAssetsBucket(this, Ids.StaticFiles, null, AccessLogsBucket);
        (SecretKey, DatabaseSecret) = CreateSecrets();
        LogGroup = new LogGroup(this, Ids.Logs, new LogGroupProps { Retention = RetentionDays.ONE_MONTH });
        (ImageAsset, FrontendImageAsset, StackFilesAsset) = CreateAssets(settings);
        SecurityGroup = CreateSecurityGroup(settings.Ssh);
        DataVolume = CreateDataVolume(settings.DataVolumeGiB);
        BackupPolicy = CreateBackups(settings.BackupRetentionDays);
        ElasticIp = new CfnEIP(this, Ids.ElasticIp, new CfnEIPProps { Domain = "vpc" });
        SiteHost = settings.Domain?.Name ?? ElasticIp.Ref;
        SiteUrl = (settings.Domain is null ? "http://" : "https://") + SiteHost;
        var contract = CreateEnvironment(settings);
        ComposedValueSecrets = ComposedSecrets.Create(this, settings.Aliases.Values, contract);
        contract = contract.WithAliases(settings.Aliases, ComposedValueSecrets);
        Role = CreateRole(settings);
        Instance = CreateInstance(settings, contract);
        _ = new CfnEIPAssociation(this, Ids.ElasticIpAssociation, new CfnEIPAssociationProps { AllocationId = ElasticIp.AttrAllocationId, InstanceId = Instance.InstanceId });
        Record = CreateDns(settings.Domain);
        Monitoring = settings.Monitoring is { } monitoring
            ? HostMonitoring.Create(this, Ids.Monitoring, monitoring, new MonitoredInstance(Instance, settings.Credits, settings.Recoverable))
            : null;
        CreateOutputs();
        SuppressFindings(settings);
        LambdaFunctions.Configure(this);
    }

    private void AddWarnings(DockerEc2Settings settings)
    {
        if (settings.Domain is null)
            Annotations.Of(this).AddWarningV2(SynthesisWarnings.DockerEc2NoHttps,
                "No DomainName is set: the site is served over plain HTTP on the Elastic IP. Set DomainName and ZoneName, and Caddy obtains a Let's Encrypt certificate.");
        if (settings.Debug)
            Annotations.Of(this).AddWarningV2(SynthesisWarnings.Debug, "Debug is true: Django runs with DEBUG=1 and shows settings and source code in error pages. Never use it in production.");
    }

    /// <summary>A VPC with public subnets only: no NAT to pay for; the instance has the only public address.</summary>
    private Vpc CreateNetwork()
    {
        var vpc = new Vpc(this, Ids.Vpc, new VpcProps
        {
            MaxAzs = 1,
            NatGateways = 0,
            SubnetConfiguration = [new SubnetConfiguration { Name = Network.PublicSubnets, SubnetType = SubnetType.PUBLIC, CidrMask = 24 }],
        });
        vpc.AddFlowLog("FlowLog");
        Lookups.WarnIfUnanswered(this, vpc.AvailabilityZones.Any(Lookups.IsPlaceholderZone), "the region's availability zones");
        return vpc;
    }

    /// <summary>SECRET_KEY and the Postgres password, generated in Secrets Manager and kept when the stack is deleted (the data volume needs the password).</summary>
    private (Secret SecretKey, Secret DatabaseSecret) CreateSecrets()
    {
        var secretKey = new Secret(this, Ids.SecretKey, new SecretProps
        {
            Description = "Django SECRET_KEY",
            GenerateSecretString = new SecretStringGenerator { PasswordLength = 64, ExcludePunctuation = true },
            RemovalPolicy = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
        });
        var database = new Secret(this, Ids.DatabaseSecret, new SecretProps
        {
            Description = "PostgreSQL user and password of the Django database on the DockerEc2 host",
            GenerateSecretString = new SecretStringGenerator
            {
                SecretStringTemplate = $"{{\"username\":\"{Defaults.DatabaseUsername}\"}}",
                GenerateStringKey = "password",
                PasswordLength = 32,
                ExcludePunctuation = true,
            },
            RemovalPolicy = RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
        });
        NagSuppressions.Add(secretKey, new NagSuppression("AwsSolutions-SMG4",
            "Rotating SECRET_KEY invalidates every session and signed token; Django 4.1+ supports SECRET_KEY_FALLBACKS for a planned rotation, which is a deliberate operation rather than a schedule."));
        NagSuppressions.Add(database, new NagSuppression("AwsSolutions-SMG4",
            "The password is set in the Postgres data directory at its first start; rotating the secret alone would lock Django out. Rotate with ALTER USER and a redeploy (docs/docker-ec2.md)."));
        return (secretKey, database);
    }

    /// <summary>The images (CDK assets in ECR, built for the instance's architecture) and the bundled stack files (an S3 asset).</summary>
    private (DockerImageAsset Image, DockerImageAsset? Frontend, Asset StackFiles) CreateAssets(DockerEc2Settings settings)
    {
        var platform = settings.Arm64 ? Platform_.LINUX_ARM64 : Platform_.LINUX_AMD64;
        var image = new DockerImageAsset(this, Ids.Image, new DockerImageAssetProps
        {
            Directory = settings.Django.Directory,
            File = settings.Django.Dockerfile,
            Target = settings.DockerTarget,
            Exclude = ImageExclusions.For(this, settings.Django.Directory),
            Platform = platform,
        });
        var frontend = settings.Frontend is { } f
            ? new DockerImageAsset(this, Ids.FrontendImage, new DockerImageAssetProps { Directory = f.Directory, File = f.Dockerfile, Platform = platform, Exclude = ImageExclusions.For(this, f.Directory) })
            : null;
        var stackFiles = new Asset(this, Ids.StackFiles, new AssetProps { Path = ComposeStack.Folder() });
        return (image, frontend, stackFiles);
    }

    /// <summary>HTTP and HTTPS from anywhere; SSH only from the given range, only with a key.</summary>
    private SecurityGroup CreateSecurityGroup(Ec2Ssh? ssh)
    {
        var group = new SecurityGroup(this, Ids.SecurityGroup, new SecurityGroupProps
        {
            Vpc = Vpc,
            Description = "Django on Docker: HTTP and HTTPS from anywhere, administration through Session Manager",
            AllowAllOutbound = true,
        });
        group.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(80), "HTTP: Let's Encrypt challenges and the redirect to HTTPS");
        group.AddIngressRule(Peer.AnyIpv4(), Port.Tcp(443), "HTTPS");
        if (ssh is not null) group.AddIngressRule(Peer.Ipv4(ssh.Cidr), Port.Tcp(22), "SSH from the administrators' range");
        return group;
    }

    /// <summary>The encrypted gp3 data volume in the instance's zone, kept when the stack is deleted or the volume replaced.</summary>
    private Volume CreateDataVolume(int sizeGiB)
    {
        var volume = new Volume(this, Ids.DataVolume, new VolumeProps
        {
            AvailabilityZone = Vpc.PublicSubnets[0].AvailabilityZone,
            Size = Size.Gibibytes(sizeGiB),
            VolumeType = EbsDeviceVolumeType.GP3,
            Encrypted = true,
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
        Tags.Of(volume).Add(BackupTagKey, Node.Addr);
        return volume;
    }

    /// <summary>A daily snapshot of the data volume by Data Lifecycle Manager, the newest <paramref name="retentionDays"/> kept.</summary>
    private CfnLifecyclePolicy CreateBackups(int retentionDays)
    {
        var role = new Role(this, Ids.BackupRole, new RoleProps
        {
            AssumedBy = new ServicePrincipal("dlm.amazonaws.com"),
            Description = "Data Lifecycle Manager: snapshots the Django data volume",
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("service-role/AWSDataLifecycleManagerServiceRole")],
        });
        NagSuppressions.Add(role, new NagSuppression("AwsSolutions-IAM4",
            "AWSDataLifecycleManagerServiceRole is the AWS-maintained policy Data Lifecycle Manager documents for its execution role (create and delete snapshots of the tagged volume).",
            NagSuppressions.ManagedPolicy("service-role/AWSDataLifecycleManagerServiceRole")));
        return new CfnLifecyclePolicy(this, Ids.BackupPolicy, new CfnLifecyclePolicyProps
        {
            Description = "Daily snapshots of the Django data volume",
            State = "ENABLED",
            ExecutionRoleArn = role.RoleArn,
            PolicyDetails = new CfnLifecyclePolicy.PolicyDetailsProperty
            {
                PolicyType = "EBS_SNAPSHOT_MANAGEMENT",
                ResourceTypes = ["VOLUME"],
                TargetTags = new object[] { new CfnTag { Key = BackupTagKey, Value = Node.Addr } },
                Schedules = new object[]
                {
                    new CfnLifecyclePolicy.ScheduleProperty
                    {
                        Name = "Daily",
                        CopyTags = true,
                        CreateRule = new CfnLifecyclePolicy.CreateRuleProperty { Interval = 24, IntervalUnit = "HOURS", Times = [Defaults.Ec2BackupTime] },
                        RetainRule = new CfnLifecyclePolicy.RetainRuleProperty { Count = retentionDays },
                    },
                },
            },
        });
    }

    /// <summary>The instance role: Session Manager, the images, the secrets, the logs, the bucket, the host's metrics.</summary>
    private Role CreateRole(DockerEc2Settings settings)
    {
        var role = new Role(this, Ids.Role, new RoleProps
        {
            AssumedBy = new ServicePrincipal("ec2.amazonaws.com"),
            Description = "Django on Docker: pulls its images, reads its secrets, writes its logs and its bucket; Session Manager",
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("AmazonSSMManagedInstanceCore")],
        });
        ImageAsset.Repository.GrantPull(role);
        FrontendImageAsset?.Repository.GrantPull(role);
        SecretKey.GrantRead(role);
        DatabaseSecret.GrantRead(role);
        foreach (var composed in ComposedValueSecrets.Values) composed.GrantRead(role);
        LogGroup.GrantWrite(role);
        foreach (var (actions, resource) in new[]
                 {
                     (new[] { "s3:ListBucket", "s3:GetBucketLocation" }, StaticFileBucket.BucketArn),
                     (new[] { "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload" }, StaticFileBucket.ArnForObjects("*")),
                 })
        {
            role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps { Actions = actions, Resources = [resource] }));
        }

        if (settings.StackFile is { } file)
            Bucket.FromBucketName(this, "StackFileBucket", file.Bucket).GrantRead(role, file.Key);
        if (settings.Monitoring is not null) role.AddToPrincipalPolicy(HostMetrics.PublishStatement());
        return role;
    }

    /// <summary>
    /// The instance: Amazon Linux 2023 with IMDSv2 (two hops, so containers reach the role's credentials), an encrypted
    /// root volume, the data volume attached at creation, and cfn-init that installs the stack and runs the boot script,
    /// whose exit status cfn-signal reports. cfn-hup applies later configuration changes in place.
    /// </summary>
    private Instance_ CreateInstance(DockerEc2Settings settings, DjangoEnvironment contract)
    {
        var image = settings.MachineImage ?? Amazon.CDK.AWS.EC2.MachineImage.LatestAmazonLinux2023(new AmazonLinux2023ImageSsmParameterProps
        {
            CpuType = settings.Arm64 ? AmazonLinuxCpuType.ARM_64 : AmazonLinuxCpuType.X86_64,
            CachedInContext = true,
        });
        if (settings.MachineImage is null)
            Lookups.WarnIfUnanswered(this, Lookups.IsPlaceholderImage(image.GetImage(this).ImageId), "the instance's Amazon Linux 2023 image (or set MachineImage)");

        var instance = new Instance_(this, Ids.Instance, new InstanceProps
        {
            Vpc = Vpc,
            VpcSubnets = new SubnetSelection { Subnets = [Vpc.PublicSubnets[0]] },
            InstanceType = new InstanceType(settings.InstanceType),
            MachineImage = image,
            SecurityGroup = SecurityGroup,
            Role = Role,
            // IMDSv2 through the launch template below, which also lets the containers reach the role's credentials.
            RequireImdsv2 = false,
            UserDataCausesReplacement = false,
            KeyPair = settings.Ssh is { } ssh ? KeyPair.FromKeyPairName(this, Ids.KeyPair, ssh.KeyName) : null,
            BlockDevices =
            [
                new BlockDevice
                {
                    DeviceName = "/dev/xvda",
                    Volume = BlockDeviceVolume.Ebs(settings.RootVolumeGiB, new EbsDeviceOptions { Encrypted = true, VolumeType = EbsDeviceVolumeType.GP3, DeleteOnTermination = true }),
                },
            ],
            Init = CloudFormationInit.FromConfigSets(new ConfigSetProps
            {
                ConfigSets = new Dictionary<string, string[]> { ["default"] = ["stack", "boot"] },
                Configs = new Dictionary<string, InitConfig>
                {
                    ["stack"] = new(StackElements(settings, contract)),
                    ["boot"] = new([InitCommand.ShellCommand($"bash {Defaults.Ec2StackDirectory}/boot.sh", new InitCommandOptions { Key = "10-boot" })]),
                },
            }),
            InitOptions = new ApplyCloudFormationInitOptions
            {
                Timeout = Duration.Minutes(settings.BootTimeoutMinutes),
                // Configuration changes reach the running instance through cfn-hup, not by restarting it.
                EmbedFingerprint = false,
                PrintLog = true,
            },
        });
        var cfn = (CfnInstance)instance.Node.DefaultChild!;
        cfn.Volumes = new object[] { new CfnInstance.VolumeProperty { Device = Defaults.Ec2DataDevice, VolumeId = DataVolume.VolumeId } };
        var metadata = new CfnLaunchTemplate(this, Ids.LaunchTemplate, new CfnLaunchTemplateProps
        {
            LaunchTemplateData = new CfnLaunchTemplate.LaunchTemplateDataProperty
            {
                // IMDSv2 only; two hops because the containers' requests cross the Docker bridge (boto3 reads the role there).
                MetadataOptions = new CfnLaunchTemplate.MetadataOptionsProperty { HttpTokens = "required", HttpEndpoint = "enabled", HttpPutResponseHopLimit = 2 },
            },
        });
        cfn.LaunchTemplate = new CfnInstance.LaunchTemplateSpecificationProperty { LaunchTemplateId = metadata.Ref, Version = metadata.AttrLatestVersionNumber };
        instance.Node.AddDependency(ElasticIp);
        cfn.AddOverride($"Metadata.AWS::CloudFormation::Init.stack.files.{ReloadHookFile.Replace(".", "\\.")}.content", ReloadHook(cfn));
        return instance;
    }

    /// <summary>What cfn-init writes before the boot script runs: the stack files, its configuration, and cfn-hup.</summary>
    private InitElement[] StackElements(DockerEc2Settings settings, DjangoEnvironment contract)
    {
        var stack = Stack.Of(this);
        var dir = Defaults.Ec2StackDirectory;
        var config = Defaults.Ec2ConfigDirectory;
        var restartHup = new InitServiceRestartHandle();
        var root = new InitFileOptions { Mode = "000600", Owner = "root", Group = "root" };
        var elements = new List<InitElement>
        {
            InitSource.FromExistingAsset(dir, StackFilesAsset),
            InitFile.FromString($"{config}/stack.env", EnvFile(StackVariables(settings, contract), quoted: true), root),
            InitFile.FromString($"{config}/django.env", EnvFile(DjangoVariables(settings, contract), quoted: false), root),
            InitFile.FromString("/etc/cfn/cfn-hup.conf",
                $"[main]\nstack={stack.StackId}\nregion={stack.Region}\ninterval=2\n",
                new InitFileOptions { Mode = "000400", Owner = "root", Group = "root", ServiceRestartHandles = [restartHup] }),
            // The content names the instance's logical ID, which exists only once the instance does: see ReloadHook.
            InitFile.FromString(ReloadHookFile, "(written below)", new InitFileOptions { Mode = "000400", Owner = "root", Group = "root", ServiceRestartHandles = [restartHup] }),
            InitService.Enable("cfn-hup", new InitServiceOptions { ServiceManager = ServiceManager.SYSTEMD, ServiceRestartHandle = restartHup }),
        };
        if (settings.StackFile is { } file)
            elements.Add(InitFile.FromS3Object($"{dir}/compose.yaml", Bucket.FromBucketName(this, "StackFile", file.Bucket), file.Key, root));
        if (settings.Monitoring is not null)
            elements.Add(InitFile.FromString(HostMetrics.ConfigFile, HostMetrics.AgentConfig(), new InitFileOptions { Mode = "000644", Owner = "root", Group = "root" }));
        return elements.ToArray();
    }

    private const string ReloadHookFile = "/etc/cfn/hooks.d/djangocdk-reload.conf";

    /// <summary>The cfn-hup hook: when a deployment changes the instance's init metadata, cfn-init runs again (and with it boot.sh).</summary>
    private static string ReloadHook(CfnInstance instance)
    {
        var stack = Stack.Of(instance);
        var logicalId = stack.GetLogicalId(instance);
        return "[djangocdk-reload]\ntriggers=post.update\n" +
               $"path=Resources.{logicalId}.Metadata.AWS::CloudFormation::Init\n" +
               $"action=/opt/aws/bin/cfn-init -v --stack {stack.StackName} --resource {logicalId} --configsets default --region {stack.Region}\nrunas=root\n";
    }

    /// <summary>
    /// The boot script's inputs: plain values and secret ARNs, never a secret value. The secrets of the aliases (an
    /// alias of DJANGO_SECRET_KEY or POSTGRES_PASSWORD, DATABASE_URL) are listed, when there are any, in
    /// SECRET_ALIASES as name|secret ARN|JSON field, separated by spaces.
    /// </summary>
    private Dictionary<string, string> StackVariables(DockerEc2Settings settings, DjangoEnvironment contract)
    {
        var profiles = new List<string>();
        if (settings.UseCeleryBeat) profiles.Add("beat");
        if (FrontendImageAsset is not null) profiles.Add("frontend");
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_REGION"] = Stack.Of(this).Region,
            ["STACK_DIR"] = Defaults.Ec2StackDirectory,
            ["DATA_DIR"] = Defaults.Ec2DataDirectory,
            ["DATA_VOLUME_ID"] = DataVolume.VolumeId,
            ["LOG_GROUP"] = LogGroup.LogGroupName,
            ["DJANGO_IMAGE"] = ImageAsset.ImageUri,
            ["FRONTEND_IMAGE"] = FrontendImageAsset?.ImageUri ?? "",
            ["FRONTEND_UPSTREAM"] = FrontendImageAsset is null ? "web:8000" : "frontend:" + settings.FrontendPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["COMPOSE_PROFILES"] = string.Join(",", profiles),
            ["COMPOSE_CLI_IMAGE"] = Defaults.Ec2ComposeCliImage,
            ["POSTGRES_IMAGE"] = Defaults.Ec2PostgresImage,
            ["REDIS_IMAGE"] = Defaults.Ec2RedisImage,
            ["CADDY_IMAGE"] = Defaults.Ec2CaddyImage,
            ["CELERY_APP"] = Defaults.CeleryApp,
            ["POSTGRES_DB"] = Defaults.DatabaseName,
            ["POSTGRES_USER"] = Defaults.DatabaseUsername,
            ["SECRET_KEY_ARN"] = SecretKey.SecretArn,
            ["DATABASE_SECRET_ARN"] = DatabaseSecret.SecretArn,
            ["SITE_ADDRESS"] = settings.Domain?.Name ?? ":80",
            ["SITE_HOST"] = SiteHost,
            ["HEALTH_CHECK_PATH"] = settings.HealthCheckPath,
            ["HEALTH_TIMEOUT_SECONDS"] = Defaults.Ec2HealthTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // The CloudWatch agent (memory and disk use for the alarms) runs only when monitoring does: off, it is stopped.
            ["HOST_METRICS"] = settings.Monitoring is null ? "off" : "on",
        };
        var aliases = contract.Secrets.Where(s => !DjangoEnvironment.ReservedNames.Contains(s.Key)).ToList();
        if (aliases.Count > 0)
            variables["SECRET_ALIASES"] = string.Join(" ", aliases.Select(a => $"{a.Key}|{a.Value.Secret.SecretArn}|{a.Value.Field}"));
        return variables;
    }

    /// <summary>
    /// The environment contract DjangoEcs sets, for the same image: Postgres and Redis are the compose services, Redis
    /// without TLS or AUTH on the private Docker network (REDIS_TLS=0, and REDIS_URL, when aliased, a plain value).
    /// </summary>
    private DjangoEnvironment CreateEnvironment(DockerEc2Settings settings)
    {
        var https = settings.Domain is not null;
        // No Redis AUTH token: the contract then sets REDIS_TLS=0 and no REDIS_PASSWORD.
        return new DjangoEnvironment(new DjangoEnvironmentInputs(
            settings.SettingsModule, settings.Debug, SiteHost, https ? SiteUrl : "", FrontendImageAsset is null ? "" : SiteUrl, "", "",
            https, settings.HealthCheckPath, "postgres", Defaults.PostgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Defaults.DatabaseName, DatabaseSecret, "redis", RedisAuthToken: null, StaticFileBucket.BucketName, Stack.Of(this).Region, SecretKey));
    }

    /// <summary>
    /// django.env: the contract's plain values (with their aliases) and the user's variables. The secrets are added on
    /// the instance by the boot script (DJANGO_SECRET_KEY, POSTGRES_PASSWORD, and SECRET_ALIASES).
    /// </summary>
    private Dictionary<string, string> DjangoVariables(DockerEc2Settings settings, DjangoEnvironment contract)
    {
        var variables = new Dictionary<string, string>(contract.Variables, StringComparer.Ordinal)
        {
            ["AWS_DEFAULT_REGION"] = Stack.Of(this).Region,
        };
        foreach (var (name, value) in settings.Variables) variables[name] = value;
        return variables;
    }

    private static string EnvFile(IDictionary<string, string> variables, bool quoted) =>
        string.Concat(variables.Select(kv => quoted ? $"{kv.Key}='{kv.Value}'\n" : $"{kv.Key}={kv.Value}\n"));

    /// <summary>The A record of the domain, pointing at the Elastic IP.</summary>
    private ARecord? CreateDns(Ec2Domain? domain)
    {
        if (domain is null) return null;
        var zone = DomainSettings.HostedZone(this, Ids.HostedZone, domain.ZoneName, domain.HostedZoneId);
        return new ARecord(this, Ids.Record, new ARecordProps
        {
            Zone = zone,
            RecordName = domain.Name,
            Target = RecordTarget.FromIpAddresses(ElasticIp.Ref),
            Ttl = Duration.Minutes(5),
        });
    }

    private void CreateOutputs()
    {
        var region = Stack.Of(this).Region;
        StackOutputs.Add(this, "SiteUrl", SiteUrl, "The Django site");
        StackOutputs.Add(this, "PublicIp", ElasticIp.Ref, "The Elastic IP of the instance");
        StackOutputs.Add(this, "InstanceId", Instance.InstanceId, "The EC2 instance");
        StackOutputs.Add(this, "StaticFileBucketName", StaticFileBucket.BucketName, "Bucket of static and media files");
        StackOutputs.Add(this, "SessionCommand", $"aws ssm start-session --region {region} --target {Instance.InstanceId}",
            "Opens a shell on the instance through Session Manager (needs the Session Manager plugin); then sudo django-compose ps");
        StackOutputs.Add(this, "RunManagementCommand",
            $"aws ssm start-session --region {region} --target {Instance.InstanceId} --document-name AWS-StartInteractiveCommand --parameters command=\"sudo django-manage COMMAND\"",
            "Runs a management command once in a new container of the Django image: replace COMMAND, e.g. createsuperuser");
        StackOutputs.Add(this, "LogGroupName", LogGroup.LogGroupName, "CloudWatch log group of every container (one stream per container)");
        if (Monitoring is { } monitoring)
        {
            StackOutputs.Add(this, "AlarmTopicArn", monitoring.AlarmTopic.TopicArn, "SNS topic of the alarms: subscribe email, Chatbot or PagerDuty to it");
            if (monitoring.Dashboard is { } dashboard)
                StackOutputs.Add(this, "DashboardUrl", $"https://console.aws.amazon.com/cloudwatch/home?region={region}#dashboards/dashboard/{dashboard.DashboardName}", "CloudWatch dashboard of the host");
        }
    }

    private void SuppressFindings(DockerEc2Settings settings)
    {
        NagSuppressions.Add(SecurityGroup, new NagSuppression("AwsSolutions-EC23",
            "The instance is the public web server: ports 80 (Let's Encrypt challenges and the redirect to HTTPS) and 443 are open to every address; SSH, when enabled, admits only the SshCidr range."));
        NagSuppressions.Add(Instance,
            new NagSuppression("AwsSolutions-EC28", "Basic CloudWatch metrics (5-minute) keep the single host within its cost budget; detailed monitoring would add about 2 USD a month for seven metrics."),
            new NagSuppression("AwsSolutions-EC29", "The instance holds no state (the data is on a separate retained volume with daily snapshots); termination protection would block the replacements that a new image or subnet needs."));
        var stack = Stack.Of(this);
        var assets = stack.Synthesizer is DefaultStackSynthesizer synthesizer ? synthesizer.BootstrapQualifier ?? "hnb659fds" : "hnb659fds";
        var findings = new List<string>
        {
            "Resource::*",
            $"Resource::<{NagSuppressions.LogicalId(StaticFileBucket)}.Arn>/*",
            "Action::s3:GetObject*",
            "Action::s3:GetBucket*",
            "Action::s3:List*",
            $"/^Resource::arn:{NagSuppressions.Partition}:s3:::cdk-{System.Text.RegularExpressions.Regex.Escape(assets)}-assets-{NagSuppressions.Account}-{NagSuppressions.Region}\\/\\*$/",
        };
        if (settings.StackFile is { } file) findings.Add($"/^Resource::arn:{NagSuppressions.Partition}:s3:::{System.Text.RegularExpressions.Regex.Escape(file.Bucket)}\\/.*$/");
        NagSuppressions.AddToTree(Role,
            new NagSuppression("AwsSolutions-IAM4",
                "AmazonSSMManagedInstanceCore is the AWS-maintained minimum for Session Manager, the documented way to reach the instance without SSH.",
                NagSuppressions.ManagedPolicy("AmazonSSMManagedInstanceCore")),
            new NagSuppression("AwsSolutions-IAM5",
                "ecr:GetAuthorizationToken only accepts Resource '*' (pulls are limited to the image repositories)" +
                (settings.Monitoring is null ? "" : $", and so does cloudwatch:PutMetricData (the CloudWatch agent's memory and disk metrics; a condition limits it to the {Defaults.HostMetricsNamespace} namespace)") +
                "; Django stores uploads and static files under keys it chooses in its own bucket; cfn-init reads the stack files from the CDK asset bucket.",
                findings.ToArray()));
    }

    /// <summary>The VPC: public subnets only, no NAT.</summary>
    public Vpc Vpc { get; }

    /// <summary>The instance running the application.</summary>
    public Instance_ Instance { get; }

    /// <summary>The instance role (Session Manager, image pulls, secrets, logs, bucket).</summary>
    public Role Role { get; }

    /// <summary>The security group of the instance.</summary>
    public SecurityGroup SecurityGroup { get; }

    /// <summary>The data volume holding Postgres, Redis and the certificates; retained when the stack is deleted.</summary>
    public Volume DataVolume { get; }

    /// <summary>The Data Lifecycle Manager policy taking daily snapshots of <see cref="DataVolume"/>.</summary>
    public CfnLifecyclePolicy BackupPolicy { get; }

    /// <summary>The Elastic IP of the instance.</summary>
    public CfnEIP ElasticIp { get; }

    /// <summary>The A record of the domain, when one is set.</summary>
    public ARecord? Record { get; }

    /// <summary>The host's alarms, their SNS topic and the dashboard; null when <see cref="DockerEc2Props.Monitoring"/> turns them off.</summary>
    public AppMonitoring? Monitoring { get; }

    /// <summary>The private bucket for static and media files.</summary>
    public Bucket StaticFileBucket { get; }

    /// <summary>The bucket receiving the S3 access logs.</summary>
    public Bucket AccessLogsBucket { get; }

    /// <summary>
    /// The secrets of the composed values that <see cref="DockerEc2Props.EnvironmentAliases"/> names, by that name:
    /// <see cref="ComposedValues.DatabaseUrl"/> only (this Redis has no password, so REDIS_URL is plain); empty when none.
    /// </summary>
    public IReadOnlyDictionary<string, ISecret> ComposedValueSecrets { get; }

    /// <summary>The generated Django SECRET_KEY.</summary>
    public ISecret SecretKey { get; }

    /// <summary>The generated Postgres credentials (JSON with username and password).</summary>
    public ISecret DatabaseSecret { get; }

    /// <summary>The log group of every container.</summary>
    public LogGroup LogGroup { get; }

    /// <summary>The Django image asset.</summary>
    public DockerImageAsset ImageAsset { get; }

    /// <summary>The frontend image asset, when a frontend is built.</summary>
    public DockerImageAsset? FrontendImageAsset { get; }

    /// <summary>The bundled stack files (compose file, Caddyfile, boot script) as an S3 asset.</summary>
    public Asset StackFilesAsset { get; }

    /// <summary>The host name the site answers to: the domain, else the Elastic IP.</summary>
    public string SiteHost { get; }

    /// <summary>The site's URL.</summary>
    public string SiteUrl { get; }
}
