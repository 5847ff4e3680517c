'use strict';
/**
 * A Django-shaped CDK app (VPC, Fargate service behind an ALB, Postgres, media
 * bucket, secrets) synthesized with aws-cdk-lib into a real cloud assembly:
 * a realistic ~100-resource template for the end-to-end test and for timing.
 * No AWS account is needed (environment-agnostic stacks, image from a registry).
 *
 *   node test-support/sample-app.js <outdir> [--with-dev]   # writes <outdir>/assembly-Prod/ProdDjango<hash>.template.json ...
 */
const { App, Aspects, Stage, Stack, RemovalPolicy, CfnResource } = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const ecs = require('aws-cdk-lib/aws-ecs');
const ecsPatterns = require('aws-cdk-lib/aws-ecs-patterns');
const rds = require('aws-cdk-lib/aws-rds');
const s3 = require('aws-cdk-lib/aws-s3');
const secretsmanager = require('aws-cdk-lib/aws-secretsmanager');
const sqs = require('aws-cdk-lib/aws-sqs');
const cloudfront = require('aws-cdk-lib/aws-cloudfront');
const origins = require('aws-cdk-lib/aws-cloudfront-origins');
const elasticache = require('aws-cdk-lib/aws-elasticache');
const cloudwatch = require('aws-cdk-lib/aws-cloudwatch');
const events = require('aws-cdk-lib/aws-events');
const targets = require('aws-cdk-lib/aws-events-targets');

/** The C# `CfnResource.AddMetadata("cdk_nag", ...)` call, in JS. */
function suppress(construct, rules) {
  const cfn = construct instanceof CfnResource ? construct : construct.node.defaultChild;
  const existing = cfn.getMetadata('cdk_nag');
  cfn.addMetadata('cdk_nag', { rules_to_suppress: [...((existing && existing.rules_to_suppress) || []), ...rules] });
}

class DjangoStack extends Stack {
  constructor(scope, id, props = {}) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 3,
      natGateways: 3,
      subnetConfiguration: [
        { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
        { name: 'App', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        { name: 'Data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      ],
    });
    const cluster = new ecs.Cluster(this, 'Cluster', { vpc });
    const db = new rds.DatabaseInstance(this, 'Database', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      storageEncrypted: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const media = new s3.Bucket(this, 'Media', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    });
    const secretKey = new secretsmanager.Secret(this, 'SecretKey');
    const service = new ecsPatterns.ApplicationLoadBalancedFargateService(this, 'Web', {
      cluster,
      taskImageOptions: {
        image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/python:3.12-slim'),
        containerPort: 8000,
        environment: {
          DJANGO_SETTINGS_MODULE: 'mysite.settings.production',
          DEBUG: props.debug ? 'True' : '0',
          ALLOWED_HOSTS: 'app.example.com',
          DB_SECRET_NAME: 'db-credentials',
          ...(props.extraEnvironment || {}),
        },
        secrets: {
          DJANGO_SECRET_KEY: ecs.Secret.fromSecretsManager(secretKey),
          DATABASE_PASSWORD: ecs.Secret.fromSecretsManager(db.secret, 'password'),
        },
      },
    });
    media.grantReadWrite(service.taskDefinition.taskRole);
    db.connections.allowDefaultPortFrom(service.service);

    // Celery worker, its queue and a Redis cache.
    const queue = new sqs.Queue(this, 'Tasks', { enforceSSL: true });
    const workerTask = new ecs.FargateTaskDefinition(this, 'WorkerTask', { cpu: 512, memoryLimitMiB: 1024 });
    workerTask.addContainer('worker', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/python:3.12-slim'),
      command: ['celery', '-A', 'mysite', 'worker'],
      logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'worker' }),
      environment: { DJANGO_SETTINGS_MODULE: 'mysite.settings.production', ALLOWED_HOSTS: 'app.example.com', QUEUE_URL: queue.queueUrl },
      secrets: { DJANGO_SECRET_KEY: ecs.Secret.fromSecretsManager(secretKey) },
    });
    queue.grantConsumeMessages(workerTask.taskRole);
    media.grantRead(workerTask.taskRole);
    const worker = new ecs.FargateService(this, 'Worker', { cluster, taskDefinition: workerTask });
    db.connections.allowDefaultPortFrom(worker);
    const cacheSg = new ec2.SecurityGroup(this, 'CacheSg', { vpc, description: 'Redis' });
    cacheSg.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(6379), 'Redis from the VPC');
    const cacheSubnets = new elasticache.CfnSubnetGroup(this, 'CacheSubnets', {
      description: 'Redis subnets',
      subnetIds: vpc.privateSubnets.map((s) => s.subnetId),
    });
    new elasticache.CfnCacheCluster(this, 'Cache', {
      engine: 'redis',
      cacheNodeType: 'cache.t4g.micro',
      numCacheNodes: 1,
      cacheSubnetGroupName: cacheSubnets.ref,
      vpcSecurityGroupIds: [cacheSg.securityGroupId],
    });

    // Autoscaling, a nightly management command and alarms.
    const webScaling = service.service.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 10 });
    webScaling.scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
    webScaling.scaleOnRequestCount('Requests', { requestsPerTarget: 500, targetGroup: service.targetGroup });
    worker.autoScaleTaskCount({ maxCapacity: 4 }).scaleOnMetric('Backlog', {
      metric: queue.metricApproximateNumberOfMessagesVisible(),
      scalingSteps: [{ upper: 0, change: -1 }, { lower: 100, change: +1 }],
    });
    new events.Rule(this, 'Nightly', {
      schedule: events.Schedule.cron({ hour: '3', minute: '0' }),
      targets: [new targets.EcsTask({ cluster, taskDefinition: workerTask, subnetSelection: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } })],
    });
    for (const [name, metric] of Object.entries({
      Web5xx: service.loadBalancer.metrics.httpCodeTarget('HTTPCode_Target_5XX_Count'),
      WebLatency: service.loadBalancer.metrics.targetResponseTime(),
      DbCpu: db.metricCPUUtilization(),
      DbStorage: db.metricFreeStorageSpace(),
      QueueAge: queue.metricApproximateAgeOfOldestMessage(),
    })) {
      new cloudwatch.Alarm(this, `${name}Alarm`, { metric, threshold: 1, evaluationPeriods: 3 });
    }

    // Static files behind CloudFront.
    const statics = new s3.Bucket(this, 'Static', {
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true, // adds a custom-resource Lambda and an asset.* folder to the assembly
    });
    new cloudfront.Distribution(this, 'Cdn', {
      defaultBehavior: { origin: new origins.LoadBalancerV2Origin(service.loadBalancer, { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTP_ONLY }) },
      additionalBehaviors: { '/static/*': { origin: origins.S3BucketOrigin.withOriginAccessControl(statics) } },
    });

    if (props.suppressMediaFindings) {
      // Granular suppression of the IAM5 findings that grantReadWrite produces, written with the
      // synthesized logical ID of the bucket (a token, resolved when the template is written).
      const bucketId = this.getLogicalId(media.node.defaultChild);
      suppress(service.taskDefinition.taskRole.node.findChild('DefaultPolicy').node.defaultChild, [
        {
          id: 'AwsSolutions-IAM5',
          reason: 'Django media storage needs object-level access to every key of its own bucket.',
          applies_to: [`Resource::<${bucketId}.Arn>/*`, 'Action::s3:GetObject*', { regex: '/^Action::s3:(GetBucket|List|DeleteObject|Abort)\\*?$/' }],
        },
      ]);
      suppress(media, [{ id: 'AwsSolutions-S1', reason: 'Access logs for the media bucket are covered by CloudTrail data events.' }]);
    }
  }
}

/**
 * Synthesizes one Stage (assembly-<name>/ folder) per entry of `stages`, each holding a DjangoStack.
 * `aspectsFor(stageName)` may return aspects (e.g. cdk-nag packs) to run inside that stage.
 * @returns the CloudAssembly
 */
function synthSampleApp(outdir, { stages = { Prod: { suppressMediaFindings: true } }, aspectsFor = () => [] } = {}) {
  // builtinCloudFormationValidation: aws-cdk-lib's own synth-time template validation (WebAssembly) costs ~10 s here.
  const app = new App({ outdir, analyticsReporting: false, builtinCloudFormationValidation: false, context: { 'aws:cdk:enable-path-metadata': true } });
  for (const [name, props] of Object.entries(stages)) {
    const stage = new Stage(app, name);
    new DjangoStack(stage, 'Django', props);
    for (const aspect of aspectsFor(name)) Aspects.of(stage).add(aspect);
  }
  return app.synth();
}

module.exports = { synthSampleApp, DjangoStack, suppress };

if (require.main === module) {
  const outdir = process.argv[2];
  if (!outdir) {
    console.error('usage: node test-support/sample-app.js <outdir> [--with-dev]');
    console.error('  Prod stage: DEBUG off, media-bucket findings suppressed; --with-dev adds a Dev stage with DEBUG=True');
    process.exit(1);
  }
  const stages = { Prod: { suppressMediaFindings: true } };
  if (process.argv.includes('--with-dev')) stages.Dev = { debug: true };
  synthSampleApp(outdir, { stages });
  console.log(`synthesized into ${outdir}`);
}
