namespace DjangoCdk.Cli;

/// <summary>A config key that set a prop, to point construct errors at the line that caused them.</summary>
/// <param name="Key">The key's full path in the config, e.g. "vue.django.web_cpu".</param>
/// <param name="PropName">The C# prop it set, e.g. "WebCpu".</param>
/// <param name="PropsType">The props type that holds the prop.</param>
/// <param name="Location">Where its value is (the preset line when the preset set it).</param>
/// <param name="FromPreset">Whether the preset set it rather than the file.</param>
/// <param name="PropPath">
/// The prop's path from the target's props, as the constructs name a prop in their errors: "WebCpu",
/// "CeleryWorkers[0].Cpu", "Monitoring.Alarms.Target5xxPercent.Threshold", "Django.WebCpu" (vue).
/// </param>
public sealed record BoundProp(string Key, string PropName, Type PropsType, ConfigLocation Location, bool FromPreset, string PropPath);
