namespace DjangoCdk;

/// <summary>One Celery worker service: which queues it consumes, how big it is and how far it scales.</summary>
public sealed class CeleryWorkerOptions
{
    /// <summary>The worker's name, used in construct IDs, log streams and the container name.</summary>
    /// <remarks>Default: "worker". Letters, digits and hyphens; unique among the workers.</remarks>
    public string? Name { get; init; }

    /// <summary>The Celery queues the worker consumes (<c>-Q</c>).</summary>
    /// <remarks>Default: ["celery"], Celery's default queue.</remarks>
    public string[]? Queues { get; init; }

    /// <summary>Worker processes per task (<c>--concurrency</c>).</summary>
    /// <remarks>Default: Celery's own default, the number of vCPUs of the task.</remarks>
    public int? Concurrency { get; init; }

    /// <summary>Fargate CPU units of each task.</summary>
    /// <remarks>Default: 512 (0.5 vCPU).</remarks>
    public int? Cpu { get; init; }

    /// <summary>Memory of each task in MiB; must be a Fargate size for <see cref="Cpu"/>.</summary>
    /// <remarks>Default: 1024.</remarks>
    public int? MemoryMiB { get; init; }

    /// <summary>The fewest tasks the worker scales in to.</summary>
    /// <remarks>Default: 1; 0 with <see cref="ScaleToZero"/>, which this prop cannot be combined with.</remarks>
    public int? MinCount { get; init; }

    /// <summary>The most tasks the worker scales out to, on CPU or on its queues' backlog.</summary>
    /// <remarks>Default: 2.</remarks>
    public int? MaxCount { get; init; }

    /// <summary>Runs the worker on Fargate Spot (about 70 % cheaper, interruptible with a two-minute warning).</summary>
    /// <remarks>Default: false (on-demand Fargate). With Spot, make tasks idempotent and use <c>acks_late</c>.</remarks>
    public bool? UseSpot { get; init; }

    /// <summary>Seconds between SIGTERM and SIGKILL, so running tasks can finish (Celery warm shutdown).</summary>
    /// <remarks>Default: 120, the most Fargate allows.</remarks>
    public int? StopTimeoutSeconds { get; init; }

    /// <summary>
    /// Scales the worker on its queues' backlog: a function in the app's network reads each queue's length from Redis
    /// every minute and publishes it to CloudWatch, and the worker tracks <see cref="BacklogPerTask"/> messages waiting
    /// per task, beside its CPU target. DjangoEcs only.
    /// </summary>
    /// <remarks>Default: true on DjangoEcs (about 1.60 USD a month for the function, the metrics and the policy's alarms of one worker on one queue: see the README); not available on DjangoEks, whose workers scale on CPU.</remarks>
    public bool? ScaleOnQueueDepth { get; init; }

    /// <summary>The messages waiting per task that queue-depth scaling aims for: more adds tasks, fewer removes them.</summary>
    /// <remarks>Default: 10. Lower it for slow tasks (minutes each), raise it for many quick ones.</remarks>
    public double? BacklogPerTask { get; init; }

    /// <summary>
    /// Lets the worker scale in to no task when its queues are empty, and out to one as soon as a message waits
    /// (within about two minutes: one publishing interval, one alarm period and a task start). For queues that can
    /// wait; needs <see cref="ScaleOnQueueDepth"/>. Its alarm then watches for messages that wait with no task running,
    /// instead of for a worker with no task.
    /// </summary>
    /// <remarks>Default: false; the worker keeps at least <see cref="MinCount"/> tasks.</remarks>
    public bool? ScaleToZero { get; init; }
}
