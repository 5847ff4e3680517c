using System.Text.Json;

namespace DjangoCdk.Cli;

/// <summary>
/// CDK context files (cdk.json, cdk.context.json) read into the plain values jsii passes to JavaScript: dictionaries,
/// arrays, strings, doubles, booleans; JSON nulls are left out, as no context value is null. The sample app compiles
/// this same file (a linked source), so django-cdk and <c>dotnet run --project samples/DjangoCdk.Samples</c> read
/// context alike.
/// </summary>
internal static class ContextJson
{
    /// <summary>The JSON object in <paramref name="text"/> (comments allowed); <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="InvalidDataException">The text is not JSON, or not an object.</exception>
    public static Dictionary<string, object> ReadObject(string text, string file)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            return ToValue(document.RootElement) as Dictionary<string, object>
                ?? throw new InvalidDataException($"{file} must hold a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file} is not valid JSON: {e.Message}", e);
        }
    }

    private static object? ToValue(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject()
            .Select(p => (p.Name, Value: ToValue(p.Value)))
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Name, p => p.Value!),
        JsonValueKind.Array => element.EnumerateArray().Select(ToValue).OfType<object>().ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
