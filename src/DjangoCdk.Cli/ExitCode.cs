namespace DjangoCdk.Cli;

/// <summary>What the django-cdk process exits with.</summary>
public enum ExitCode
{
    /// <summary>The command did what was asked.</summary>
    Success = 0,

    /// <summary>Bad input (the config, a flag, a value a construct rejects) or a missing tool: the message says what to change.</summary>
    UserError = 1,

    /// <summary>A process django-cdk ran (the AWS CDK CLI, Graphviz) failed; its own output says why.</summary>
    ToolFailed = 3,

    /// <summary>Synthesis needed an answer to a lookup it did not have (see the message).</summary>
    LookupMissing = 4,

    /// <summary>An unexpected error: a bug in django-cdk, reported with a short notice.</summary>
    InternalError = 70,
}
