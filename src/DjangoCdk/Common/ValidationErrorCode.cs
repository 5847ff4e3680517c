namespace DjangoCdk;

/// <summary>Stable classification of a <see cref="DjangoCdkValidationException"/>.</summary>
public enum ValidationErrorCode
{
    /// <summary>A required prop is missing or empty.</summary>
    Missing = 1,

    /// <summary>A file or directory the prop points to does not exist.</summary>
    NotFound = 2,

    /// <summary>The value is not one of the allowed values or not well-formed.</summary>
    InvalidValue = 3,

    /// <summary>The value is outside the allowed range.</summary>
    OutOfRange = 4,

    /// <summary>Two props contradict each other, or one needs another that is missing.</summary>
    Conflict = 5,

    /// <summary>The name is reserved by the construct (an environment variable it sets itself).</summary>
    Reserved = 6,
}
