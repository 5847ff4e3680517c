using Amazon.CDK.AWS.SNS;

namespace DjangoCdk;

/// <summary>
/// Day-two operations of a Django app: alarms that notify one SNS topic, a CloudWatch dashboard, and (DjangoEcs)
/// deployments that roll back when the web service's alarms fire. Every alarm, its default threshold, window and
/// missing-data treatment, and which construct creates it, is listed in the README ("Alarms and dashboard").
/// </summary>
public sealed class MonitoringOptions
{
    /// <summary>Whether the alarms, their topic and the dashboard are created at all.</summary>
    /// <remarks>Default: true (about 6.10 USD a month for a default app's alarms, topic key and dashboard, 3.10 without the dashboard: see the README).</remarks>
    public bool? Enabled { get; init; }

    /// <summary>Email addresses subscribed to the alarm topic; each receives a confirmation email from SNS first.</summary>
    /// <remarks>Default: none; subscribe Chatbot, PagerDuty or anything else to <c>Monitoring.AlarmTopic</c>.</remarks>
    public string[]? AlarmEmails { get; init; }

    /// <summary>An SNS topic of your own that the alarms notify instead of a new one.</summary>
    /// <remarks>Default: a new topic encrypted with its own KMS key, refusing publishers that do not use TLS. A topic of yours that is encrypted must let CloudWatch use its key.</remarks>
    public ITopic? AlarmTopic { get; init; }

    /// <summary>Whether a CloudWatch dashboard of the app is created: requests, errors, latency, tasks, queues, database and cache, with the alarms.</summary>
    /// <remarks>Default: true (3 USD a month beyond the account's first three dashboards).</remarks>
    public bool? Dashboard { get; init; }

    /// <summary>Whether a deployment of the web service rolls back when its load balancer 5xx, target 5xx or unhealthy-target alarm fires during it (ECS deployment alarms, on top of the circuit breaker).</summary>
    /// <remarks>Default: true. The alarms that are disabled are not watched. ECS keeps watching for a bake time after the new tasks are in place (the alarms' windows), so each deployment takes a few minutes longer.</remarks>
    public bool? RollbackOnAlarm { get; init; }

    /// <summary>The threshold, window and on/off switch of each alarm.</summary>
    /// <remarks>Default: every alarm on with the defaults in the README.</remarks>
    public AlarmsOptions? Alarms { get; init; }
}
