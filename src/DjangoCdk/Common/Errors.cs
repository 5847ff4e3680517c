using Constructs;

namespace DjangoCdk;

/// <summary>The wording of every validation error, in one place: what is wrong, the value, what is allowed, how to fix.</summary>
internal static class Errors
{
    public static DjangoCdkValidationException Missing(IConstruct scope, string prop, string allowed) =>
        New(ValidationErrorCode.Missing, scope, prop, $"{prop} is required but was not given. {allowed}");

    public static DjangoCdkValidationException NotFound(IConstruct scope, string prop, string value, string what) =>
        New(ValidationErrorCode.NotFound, scope, prop, $"{prop} is '{value}', but {what} does not exist. Pass an existing path (relative paths are resolved from '{Directory.GetCurrentDirectory()}').");

    public static DjangoCdkValidationException Invalid(IConstruct scope, string prop, object? value, string allowed) =>
        New(ValidationErrorCode.InvalidValue, scope, prop, $"{prop} is {Show(value)}, which is not allowed. {allowed}");

    public static DjangoCdkValidationException OutOfRange(IConstruct scope, string prop, object? value, string allowed) =>
        New(ValidationErrorCode.OutOfRange, scope, prop, $"{prop} is {Show(value)}, which is out of range. {allowed}");

    public static DjangoCdkValidationException Conflict(IConstruct scope, string prop, object? value, string explanation) =>
        New(ValidationErrorCode.Conflict, scope, prop, $"{prop} is {Show(value)}, but {explanation}");

    public static DjangoCdkValidationException Reserved(IConstruct scope, string prop, string name, string explanation) =>
        New(ValidationErrorCode.Reserved, scope, prop, $"{prop} contains '{name}', a name DjangoCdk sets itself ({explanation}). Remove it, or use the dedicated prop.");

    private static DjangoCdkValidationException New(ValidationErrorCode code, IConstruct scope, string prop, string message) =>
        new(code, scope.Node.Path, prop, message);

    private static string Show(object? value) => value switch
    {
        null => "not set",
        string s => $"'{s}'",
        IEnumerable<string> list => "[" + string.Join(", ", list.Select(v => $"'{v}'")) + "]",
        _ => $"'{value}'",
    };
}
