using System.Text.RegularExpressions;

namespace DjangoCdk.Cli;

/// <summary>
/// Finds the environment variables Python settings read, by pattern: <c>os.environ["X"]</c>,
/// <c>os.environ.get("X"[, default])</c>, <c>os.getenv("X"[, default])</c>, django-environ's <c>env("X")</c> and
/// <c>env.str/bool/int/list/json/url/db/cache/email_url/path/...("X")</c> (<c>env.db()</c> without a name reads
/// DATABASE_URL, <c>env.cache()</c> CACHE_URL, <c>env.email_url()</c> EMAIL_URL), defaults declared in
/// <c>environ.Env(NAME=(type, default))</c>, dj-database-url's <c>dj_database_url.config()</c> (DATABASE_URL, or its
/// <c>env=</c>), and the project's own helpers: a function whose first parameter is passed to one of these
/// (<c>def env_str(name, default=""): return os.environ.get(name, default)</c>) makes <c>env_str("X")</c> a read.
/// </summary>
/// <remarks>
/// Comments and docstrings are ignored; calls may span lines. A read counts as having a default when the call passes
/// one (<c>os.environ.get("X")</c> without one returns None, so it counts as required). Names built at run time
/// (f-strings, variables) are not found.
/// </remarks>
public static partial class EnvNameScanner
{
    private static readonly HashSet<string> EnvironMethods =
    [
        "str", "bool", "int", "float", "decimal", "list", "tuple", "dict", "json", "url", "db", "db_url", "cache",
        "cache_url", "email", "email_url", "search_url", "path", "parse_value", "bytes",
    ];

    // Methods whose second positional argument is a cast, not the default.
    private static readonly HashSet<string> CastSecond = ["", "list", "tuple", "dict", "parse_value"];

    private static readonly Dictionary<string, string> DefaultNames = new()
    {
        ["db"] = "DATABASE_URL",
        ["db_url"] = "DATABASE_URL",
        ["cache"] = "CACHE_URL",
        ["cache_url"] = "CACHE_URL",
        ["email"] = "EMAIL_URL",
        ["email_url"] = "EMAIL_URL",
        ["search_url"] = "SEARCH_URL",
    };

    /// <summary>The reads in one Python source, reported as <paramref name="file"/>.</summary>
    public static IReadOnlyList<EnvRead> Scan(string source, string file = "settings.py") =>
        Scan([new KeyValuePair<string, string>(file, source)]);

    /// <summary>
    /// The reads in several Python sources (path relative to the project root → text), scanned together so that an
    /// <c>env = environ.Env()</c> or a helper defined in one (base.py) is recognised in the others (production.py).
    /// Ordered by file, then line.
    /// </summary>
    public static IReadOnlyList<EnvRead> Scan(IEnumerable<KeyValuePair<string, string>> files)
    {
        var sources = files.Select(f => (File: f.Key.Replace('\\', '/'), Text: PythonSource.Mask(f.Value))).ToList();

        var environVariables = new HashSet<string>();
        var schemeDefaults = new HashSet<string>();
        foreach (var (_, text) in sources)
        {
            foreach (Match match in EnvConstructor().Matches(text))
            {
                environVariables.Add(match.Groups["var"].Value);
                var args = PythonSource.Arguments(text, match.Index + match.Length - 1) ?? [];
                foreach (var arg in args)
                {
                    var scheme = SchemeWithDefault().Match(arg);
                    if (scheme.Success) schemeDefaults.Add(scheme.Groups["name"].Value);
                }
            }
        }

        var helpers = FindHelpers(sources, environVariables);

        var reads = new List<EnvRead>();
        foreach (var (file, text) in sources)
        {
            foreach (Match match in EnvironIndex().Matches(text))
                reads.Add(new EnvRead(match.Groups["name"].Value, false, null, file, PythonSource.LineOf(text, match.Index), "os.environ[...]"));

            foreach (Match match in EnvironGet().Matches(text))
            {
                var args = PythonSource.Arguments(text, match.Index + match.Length - 1);
                var name = args is { Count: > 0 } ? PythonSource.Literal(args[0]) : null;
                if (name is null) continue;
                var form = match.Value.Contains("getenv") ? "os.getenv()" : "os.environ.get()";
                reads.Add(Read(name, args!.Count >= 2 ? args[1] : PythonSource.Keyword(args, "default"), file, text, match.Index, form));
            }

            foreach (var variable in environVariables)
            {
                var pattern = new Regex(@"(?<![\w.])" + Regex.Escape(variable) + @"(?:\.(?<method>\w+))?\s*\(");
                foreach (Match match in pattern.Matches(text))
                {
                    var method = match.Groups["method"].Value;
                    if (method.Length > 0 && !EnvironMethods.Contains(method)) continue;
                    if (IsDefinition(text, match.Index)) continue;
                    var args = PythonSource.Arguments(text, match.Index + match.Length - 1);
                    if (args is null) continue;
                    var positional = PythonSource.Positional(args);
                    var name = positional.Count > 0 ? PythonSource.Literal(positional[0]) : null;
                    var keywordName = PythonSource.Keyword(args, "var");
                    if (name is null && keywordName is not null) name = PythonSource.Literal(keywordName);
                    if (name is null && positional.Count == 0 && keywordName is null) DefaultNames.TryGetValue(method, out name);
                    if (name is null) continue;
                    var defaultIndex = CastSecond.Contains(method) ? 2 : 1;
                    var defaultText = PythonSource.Keyword(args, "default") ?? (positional.Count > defaultIndex ? positional[defaultIndex] : null);
                    var form = method.Length == 0 ? $"{variable}()" : $"{variable}.{method}()";
                    var read = Read(name, defaultText, file, text, match.Index, form);
                    if (!read.HasDefault && schemeDefaults.Contains(name)) read = read with { HasDefault = true, Default = "(environ.Env scheme)" };
                    reads.Add(read);
                }
            }

            foreach (Match match in DjDatabaseUrlConfig().Matches(text))
            {
                var args = PythonSource.Arguments(text, match.Index + match.Length - 1) ?? [];
                var envName = PythonSource.Keyword(args, "env");
                var name = envName is null ? "DATABASE_URL" : PythonSource.Literal(envName);
                if (name is null) continue;
                reads.Add(Read(name, PythonSource.Keyword(args, "default"), file, text, match.Index, "dj_database_url.config()"));
            }

            foreach (var (helper, helperHasDefault) in helpers)
            {
                var pattern = new Regex(@"(?<![\w.])" + Regex.Escape(helper) + @"\s*\(");
                foreach (Match match in pattern.Matches(text))
                {
                    if (IsDefinition(text, match.Index)) continue;
                    var args = PythonSource.Arguments(text, match.Index + match.Length - 1);
                    var name = args is { Count: > 0 } ? PythonSource.Literal(args[0]) : null;
                    if (name is null) continue;
                    var defaultText = args!.Count >= 2 ? args[1] : helperHasDefault ? "(the helper's default)" : null;
                    reads.Add(Read(name, defaultText, file, text, match.Index, helper + "()"));
                }
            }
        }

        return reads.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Line).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether a .env file is loaded (<c>environ.Env.read_env()</c>, <c>load_dotenv()</c>).</summary>
    public static bool ReadsDotEnv(string source) => DotEnv().IsMatch(PythonSource.Mask(source));

    private static EnvRead Read(string name, string? defaultText, string file, string text, int index, string form) =>
        new(name, defaultText is not null, defaultText is null ? null : PythonSource.Literal(defaultText) ?? defaultText, file, PythonSource.LineOf(text, index), form);

    private static bool IsDefinition(string text, int index) =>
        index >= 4 && text.AsSpan(0, index).TrimEnd().EndsWith("def", StringComparison.Ordinal);

    /// <summary>Helper functions passing their first parameter to a known read; the flag says whether they supply a default.</summary>
    private static Dictionary<string, bool> FindHelpers(List<(string File, string Text)> sources, HashSet<string> environVariables)
    {
        var definitions = new List<(string Name, string Parameter, string Body)>();
        foreach (var (_, text) in sources)
        {
            foreach (Match match in FunctionDefinition().Matches(text))
            {
                var indent = match.Groups["indent"].Value.Length;
                var bodyStart = match.Index + match.Length;
                var end = text.Length;
                foreach (Match line in NonBlankLine().Matches(text, Math.Min(text.IndexOf('\n', bodyStart) is var nl and >= 0 ? nl + 1 : text.Length, text.Length)))
                {
                    if (line.Groups["indent"].Value.Length <= indent) { end = line.Index; break; }
                }

                definitions.Add((match.Groups["name"].Value, match.Groups["param"].Value, text[bodyStart..end]));
            }
        }

        var helpers = new Dictionary<string, bool>();
        for (var pass = 0; pass < 5; pass++)
        {
            var added = false;
            foreach (var (name, parameter, body) in definitions)
            {
                if (helpers.ContainsKey(name)) continue;
                var p = Regex.Escape(parameter);
                var callees = environVariables.Select(v => Regex.Escape(v) + @"(?:\.\w+)?").Concat(helpers.Keys.Select(Regex.Escape))
                    .Append(@"os\.environ\.get").Append(@"os\.getenv").Append(@"(?<![\w.])environ\.get").Append(@"(?<![\w.])getenv");
                var call = new Regex(@"(?<![\w.])(?<callee>" + string.Join("|", callees) + @")\s*\(\s*" + p + @"\b");
                var index = new Regex(@"(?<![\w.])(?:os\.)?environ\s*\[\s*" + p + @"\s*\]");
                var callMatch = call.Match(body);
                if (callMatch.Success)
                {
                    var args = PythonSource.Arguments(body, callMatch.Index + callMatch.Value.IndexOf('(', callMatch.Groups["callee"].Length)) ?? [];
                    var callee = callMatch.Groups["callee"].Value;
                    helpers[name] = args.Count >= 2 || (helpers.TryGetValue(callee, out var inner) && inner);
                    added = true;
                }
                else if (index.IsMatch(body))
                {
                    helpers[name] = false;
                    added = true;
                }
            }

            if (!added) break;
        }

        return helpers;
    }

    [GeneratedRegex(@"(?<![\w.])(?<var>[A-Za-z_]\w*)\s*=\s*(?:environ\.)?Env\s*\(")]
    private static partial Regex EnvConstructor();

    [GeneratedRegex(@"^(?<name>[A-Za-z_]\w*)\s*=\s*\(\s*[\w.\[\]]+\s*,")]
    private static partial Regex SchemeWithDefault();

    [GeneratedRegex("""(?<![\w.])(?:os\.)?environ\s*\[\s*(?<q>["'])(?<name>[A-Za-z_]\w*)\k<q>\s*\]""")]
    private static partial Regex EnvironIndex();

    [GeneratedRegex(@"(?<![\w.])(?:os\.)?(?:environ\.get|getenv)\s*\(")]
    private static partial Regex EnvironGet();

    [GeneratedRegex(@"(?<![\w.])dj_database_url\.config\s*\(")]
    private static partial Regex DjDatabaseUrlConfig();

    [GeneratedRegex(@"read_env\s*\(|load_dotenv\s*\(")]
    private static partial Regex DotEnv();

    [GeneratedRegex(@"^(?<indent>[ \t]*)def\s+(?<name>[A-Za-z_]\w*)\s*\(\s*(?<param>[A-Za-z_]\w*)[^\n]*", RegexOptions.Multiline)]
    private static partial Regex FunctionDefinition();

    [GeneratedRegex(@"^(?<indent>[ \t]*)\S", RegexOptions.Multiline)]
    private static partial Regex NonBlankLine();
}
