namespace DjangoCdk.Cli;

/// <summary>How a variable a project reads is provided on AWS.</summary>
public enum EnvNameKind
{
    /// <summary>DjangoCdk sets a variable of this very name (the environment contract); nothing to configure.</summary>
    Contract,

    /// <summary>DjangoCdk provides the value under another name; the config maps it with <c>environment_aliases</c>.</summary>
    Alias,

    /// <summary>AWS credentials: the task's IAM role provides them through boto3's default credential chain; nothing to configure.</summary>
    IamRole,

    /// <summary>Nothing provides it: the config must set it in <c>environment_variables</c> or <c>secrets</c>.</summary>
    NotProvided,
}
