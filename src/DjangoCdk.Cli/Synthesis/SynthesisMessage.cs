namespace DjangoCdk.Cli;

/// <summary>A warning or error the constructs attached to the app during synthesis.</summary>
/// <param name="ConstructPath">The construct it is about.</param>
/// <param name="Text">What it says.</param>
/// <param name="IsError">Whether it is an error (the app is then not deployable).</param>
public sealed record SynthesisMessage(string ConstructPath, string Text, bool IsError);
