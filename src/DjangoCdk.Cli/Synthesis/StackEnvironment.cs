namespace DjangoCdk.Cli;

/// <summary>
/// The account and region the app's stack is synthesized for, found the way the AWS CDK CLI finds them: the config's
/// <c>account:</c> and <c>region:</c>; else CDK_DEFAULT_ACCOUNT and CDK_DEFAULT_REGION (set by the CDK CLI when it runs
/// the app); else, with AWS credentials and the AWS CLI, the credentials' account (<c>aws sts get-caller-identity</c>)
/// and the configured region (AWS_REGION, AWS_DEFAULT_REGION, <c>aws configure get region</c>); else none, and the
/// stack is environment-agnostic.
/// </summary>
/// <param name="Account">The account, or null.</param>
/// <param name="Region">The region, or null.</param>
/// <param name="FromCredentials">Whether the AWS CLI was asked (the summary says so).</param>
public sealed record StackEnvironment(string? Account, string? Region, bool FromCredentials = false)
{
    /// <summary>The environment for <paramref name="config"/>.</summary>
    public static StackEnvironment Resolve(CliServices services, AppConfig config)
    {
        var account = config.Account ?? Variable(services, "CDK_DEFAULT_ACCOUNT");
        var region = config.Region ?? Variable(services, "CDK_DEFAULT_REGION") ?? Variable(services, "AWS_REGION") ?? Variable(services, "AWS_DEFAULT_REGION");
        if ((account is not null && region is not null) || CdkContext.IsRunByCli(services.GetVariable)
            || !AwsCredentials.Found(services) || services.Processes.Find("aws") is null)
            return new StackEnvironment(account, region);

        account ??= Ask(services, ["sts", "get-caller-identity", "--query", "Account", "--output", "text"]);
        region ??= Ask(services, ["configure", "get", "region"]);
        return new StackEnvironment(account, region, FromCredentials: true);
    }

    private static string? Ask(CliServices services, string[] arguments)
    {
        var result = services.Processes.Capture(new ProcessCommand("aws", arguments));
        var answer = result.StandardOutput.Trim();
        return result.ExitCode == 0 && answer.Length > 0 && answer != "None" ? answer : null;
    }

    private static string? Variable(CliServices services, string name) =>
        services.GetVariable(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;
}
