namespace DjangoCdk.Samples;

/// <summary>Exit codes of the sample app.</summary>
public enum SynthesisExitCode
{
    /// <summary>Every stack synthesized, no error annotation, every lookup answered.</summary>
    Success = 0,

    /// <summary>A construct rejected its props, or added an error annotation (<c>cdk synth</c> fails the same way).</summary>
    NotDeployable = 1,

    /// <summary>A context lookup was not answered (run outside the CDK CLI), so templates hold dummy values.</summary>
    MissingContext = 2,

    /// <summary>Synthesis threw something other than a DjangoCdk validation error: a bug in DjangoCdk or its samples.</summary>
    Unexpected = 3,
}
