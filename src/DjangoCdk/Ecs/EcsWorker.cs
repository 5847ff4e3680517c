using Amazon.CDK.AWS.ECS;

namespace DjangoCdk;

/// <summary>A Celery worker as DjangoEcs built it: its settings and its service.</summary>
internal sealed record EcsWorker(WorkerSettings Settings, FargateService Service);
