using Amazon.CDK.AWS.SecretsManager;

namespace DjangoCdk;

/// <summary>A Secrets Manager value that <see cref="DjangoEks"/> injects as an environment variable, through External Secrets Operator.</summary>
public sealed class EksSecret
{
    private EksSecret(ISecret secret, string? field)
    {
        Secret = secret;
        Field = field;
    }

    /// <summary>The whole value of <paramref name="secret"/>, or one field of its JSON value.</summary>
    public static EksSecret FromSecretsManager(ISecret secret, string? field = null) => new(secret, field);

    /// <summary>The secret.</summary>
    public ISecret Secret { get; }

    /// <summary>The JSON field, or null for the whole value.</summary>
    public string? Field { get; }
}
