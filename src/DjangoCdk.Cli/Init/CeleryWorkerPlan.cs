namespace DjangoCdk.Cli;

/// <summary>A Celery worker service init proposes: its name and the queues it consumes.</summary>
/// <param name="Name">The worker's name (letters, digits, hyphens).</param>
/// <param name="Queues">The queues it consumes.</param>
public sealed record CeleryWorkerPlan(string Name, IReadOnlyList<string> Queues);
