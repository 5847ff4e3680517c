namespace DjangoCdk.Cli;

/// <summary>The sizing presets: defaults for a target's props, under whatever the config sets itself.</summary>
public enum Preset
{
    /// <summary>The lowest monthly cost that is still safe: retained data, TLS, private data stores.</summary>
    Starter,

    /// <summary>A multi-AZ database, at least two web tasks, autoscaling headroom.</summary>
    Production,
}
