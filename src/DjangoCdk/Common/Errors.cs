using Constructs;

namespace DjangoCdk;

/// <summary>The wording of every validation error, in one place: what is wrong, the value, what is allowed, how to fix.</summary>
internal static class Errors
{
    public static DjangoCdkValidationException Missing(string path, string prop, string allowed) =>
        new(ValidationErrorCode.Missing, path, prop, $"{prop} is required but was not given. {allowed}");

    public static DjangoCdkValidationException NotFound(string path, string prop, string value, string what) =>
        new(ValidationErrorCode.NotFound, path, prop, $"{prop} is '{value}', but {what} does not exist. Pass an existing path (relative paths are resolved from '{Directory.GetCurrentDirectory()}').");

    public static DjangoCdkValidationException Invalid(string path, string prop, object? value, string allowed) =>
        new(ValidationErrorCode.InvalidValue, path, prop, $"{prop} is {Show(value)}, which is not allowed. {allowed}");

    public static DjangoCdkValidationException OutOfRange(string path, string prop, object? value, string allowed) =>
        new(ValidationErrorCode.OutOfRange, path, prop, $"{prop} is {Show(value)}, which is out of range. {allowed}");

    public static DjangoCdkValidationException Conflict(string path, string prop, object? value, string explanation) =>
        new(ValidationErrorCode.Conflict, path, prop, $"{prop} is {Show(value)}, but {explanation}");

    public static DjangoCdkValidationException Reserved(string path, string prop, string name, string explanation) =>
        new(ValidationErrorCode.Reserved, path, prop, $"{prop} contains '{name}', a name DjangoCdk sets itself ({explanation}). Remove it, or use the dedicated prop.");

    // The same, for code that holds the construct itself.
    public static DjangoCdkValidationException Missing(IConstruct scope, string prop, string allowed) => Missing(scope.Node.Path, prop, allowed);

    public static DjangoCdkValidationException NotFound(IConstruct scope, string prop, string value, string what) => NotFound(scope.Node.Path, prop, value, what);

    public static DjangoCdkValidationException Invalid(IConstruct scope, string prop, object? value, string allowed) => Invalid(scope.Node.Path, prop, value, allowed);

    public static DjangoCdkValidationException OutOfRange(IConstruct scope, string prop, object? value, string allowed) => OutOfRange(scope.Node.Path, prop, value, allowed);

    public static DjangoCdkValidationException Conflict(IConstruct scope, string prop, object? value, string explanation) => Conflict(scope.Node.Path, prop, value, explanation);

    private static string Show(object? value) => value switch
    {
        null => "not set",
        string s => $"'{s}'",
        IEnumerable<string> list => "[" + string.Join(", ", list.Select(v => $"'{v}'")) + "]",
        _ => $"'{value}'",
    };
}
