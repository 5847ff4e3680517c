namespace DjangoCdk.Cli;

/// <summary>One thing init found, for the table it prints.</summary>
/// <param name="Item">What it is ("settings module", "Celery app").</param>
/// <param name="Value">What was found.</param>
/// <param name="Where">Where it was found (file:line), or how it was decided.</param>
public sealed record ScanFinding(string Item, string Value, string Where);
