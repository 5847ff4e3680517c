namespace DjangoCdk;

/// <summary>
/// Thrown at construction when a prop holds a value DjangoCdk cannot deploy. <see cref="ArgumentException.ParamName"/>
/// names the prop, <see cref="Code"/> classifies the problem and <see cref="ConstructPath"/> says which construct
/// received it.
/// </summary>
public sealed class DjangoCdkValidationException : ArgumentException
{
    /// <summary>Creates the exception; prefer the factory methods in <c>Errors</c>.</summary>
    public DjangoCdkValidationException(ValidationErrorCode code, string constructPath, string propName, string message)
        : base($"{constructPath}: {message}", propName)
    {
        Code = code;
        ConstructPath = constructPath;
    }

    /// <summary>The stable code of the problem, for tooling and tests.</summary>
    public ValidationErrorCode Code { get; }

    /// <summary>The construct path of the construct whose props were rejected.</summary>
    public string ConstructPath { get; }
}
