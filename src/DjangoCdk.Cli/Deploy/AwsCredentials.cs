namespace DjangoCdk.Cli;

/// <summary>Whether AWS credentials can be found the ways the AWS SDKs and CLI look for them (without calling AWS).</summary>
public static class AwsCredentials
{
    private static readonly string[] Variables =
        ["AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI"];

    /// <summary>True when a credentials variable is set or a shared credentials or config file exists.</summary>
    public static bool Found(CliServices services)
    {
        if (Variables.Any(v => !string.IsNullOrEmpty(services.GetVariable(v)))) return true;
        var home = services.GetVariable("HOME") ?? services.GetVariable("USERPROFILE");
        var files = new[] { services.GetVariable("AWS_SHARED_CREDENTIALS_FILE"), services.GetVariable("AWS_CONFIG_FILE") }
            .Concat(home is null ? [] : [Path.Combine(home, ".aws", "credentials"), Path.Combine(home, ".aws", "config")]);
        return files.Any(f => f is not null && File.Exists(f));
    }
}
