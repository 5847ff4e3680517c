namespace DjangoCdk.Tests.TestSupport;

/// <summary>Terse object literals for Template assertions: <c>Props(("Port", 443), ("Protocol", "HTTPS"))</c>.</summary>
internal static class Json
{
    public static Dictionary<string, object> Props(params (string Key, object Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);
}
