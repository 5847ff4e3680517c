using System.Globalization;
using System.Text.RegularExpressions;

namespace DjangoCdk;

/// <summary>
/// Every <see cref="S3BucketResourcesProps"/> value with its default applied and validated, in plain C# (no CDK
/// runtime). <see cref="Resolve"/> throws <see cref="DjangoCdkValidationException"/> naming the prop; tokens pass
/// through unchecked.
/// </summary>
internal sealed record S3BucketResourcesSettings
{
    private static readonly Regex BucketNameChars = new("^[a-z0-9-]+$", RegexOptions.CultureInvariant);
    private static readonly string[] ReservedBucketPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];
    private static readonly string[] ReservedBucketSuffixes = ["-s3alias", "--ol-s3", "--x-s3", "--table-s3"];
    private static readonly Regex OriginShape = new(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.-]*)://(?<host>[^/:?#]+)(?::(?<port>[0-9]+))?(?<rest>.*)$", RegexOptions.CultureInvariant);
    private static readonly Regex HostLabel = new("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant);
    private static readonly Regex PrefixSegment = new("^[A-Za-z0-9_.-]+$", RegexOptions.CultureInvariant);
    private static readonly string[] LocalHosts = ["localhost", "127.0.0.1"];

    /// <summary>The user's bucket name, or null for a generated one.</summary>
    public string? BucketName { get; init; }

    /// <summary>The CORS origins; empty means no CORS rule.</summary>
    public required IReadOnlyList<string> CorsOrigins { get; init; }

    /// <summary>The public-read key prefix ("static/"), or null for a fully private bucket.</summary>
    public string? PublicReadPrefix { get; init; }

    public required int KeySerial { get; init; }

    /// <summary>Applies the defaults to <paramref name="props"/> and validates every value, in the order of the props.</summary>
    public static S3BucketResourcesSettings Resolve(S3BucketResourcesProps props, ConstructSite site) => new()
    {
        BucketName = ResolveBucketName(props.BucketName, site),
        CorsOrigins = ResolveCorsOrigins(props.CorsOrigins, site),
        PublicReadPrefix = ResolvePublicReadPrefix(props.PublicReadPrefix, site),
        KeySerial = ResolveKeySerial(props.KeySerial, site),
    };

    private static string? ResolveBucketName(string? name, ConstructSite site) =>
        Checked(name, nameof(S3BucketResourcesProps.BucketName), BucketNameProblem, site,
            "Bucket names have 3 to 63 lowercase letters, digits and hyphens and start and end with a letter or digit, e.g. \"ublog-media-prod\"; or leave BucketName unset for a generated, collision-free name.");

    /// <summary><paramref name="value"/> unless it is plain and <paramref name="problem"/> finds something wrong: then the error, with the advice.</summary>
    private static string? Checked(string? value, string prop, Func<string, string?> problem, ConstructSite site, string advice)
    {
        if (value is null || Tokens.IsUnresolved(value)) return value;
        return problem(value) is { } reason ? throw Errors.Invalid(site.Path, prop, value, $"{reason} {advice}") : value;
    }

    /// <summary>What is wrong with a bucket name under S3's naming rules and ours (no dots), or null.</summary>
    internal static string? BucketNameProblem(string name)
    {
        if (name.Length is < 3 or > 63) return $"It has {name.Length} characters.";
        if (name.Contains('.', StringComparison.Ordinal))
            return "It has a dot: the bucket only accepts TLS, and S3's certificate (*.s3.<region>.amazonaws.com) does not cover a dotted name in the virtual-hosted URLs django-storages and browsers use. Use hyphens.";
        if (!BucketNameChars.IsMatch(name)) return "It has characters other than lowercase letters, digits and hyphens.";
        if (name[0] == '-' || name[^1] == '-') return "It starts or ends with a hyphen.";
        if (ReservedBucketPrefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal)) is { } prefix) return $"S3 reserves the prefix '{prefix}'.";
        if (ReservedBucketSuffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal)) is { } suffix) return $"S3 reserves the suffix '{suffix}'.";
        return null;
    }

    private static IReadOnlyList<string> ResolveCorsOrigins(string[]? origins, ConstructSite site)
    {
        if (origins is null) return [];
        for (var i = 0; i < origins.Length; i++)
        {
            var prop = $"{nameof(S3BucketResourcesProps.CorsOrigins)}[{i.ToString(CultureInfo.InvariantCulture)}]";
            var origin = origins[i];
            if (Tokens.IsUnresolved(origin)) continue;
            if (OriginProblem(origin) is { } problem) throw Errors.Invalid(site.Path, prop, origin, problem);
            if (Array.IndexOf(origins, origin) < i)
                throw Errors.Invalid(site.Path, prop, origin, $"It is already listed at CorsOrigins[{Array.IndexOf(origins, origin).ToString(CultureInfo.InvariantCulture)}]. List each origin once.");
        }

        return origins;
    }

    /// <summary>What is wrong with a CORS origin, with the fix, or null when S3 and browsers will match it as meant.</summary>
    internal static string? OriginProblem(string? origin)
    {
        const string shape = "An origin is https://, a host and an optional port, e.g. \"https://app.example.com\", \"https://app.example.com:8443\" or \"https://*.example.com\".";
        if (string.IsNullOrWhiteSpace(origin)) return shape;
        if (origin == "*")
            return "\"*\" would let any web site use the bucket from its visitors' browsers with the URLs it obtains. List the origins of your own sites, e.g. \"https://app.example.com\".";
        var match = OriginShape.Match(origin);
        if (!match.Success) return shape;
        var scheme = match.Groups["scheme"].Value;
        var host = match.Groups["host"].Value;
        var port = match.Groups["port"].Success ? ":" + match.Groups["port"].Value : "";
        var bare = $"{scheme}://{host}{port}".ToLowerInvariant();
        if (match.Groups["rest"].Value.Length > 0)
            return $"An origin has no path, query or trailing slash (browsers send only scheme, host and port). Use \"{bare}\".";
        if (origin != origin.ToLowerInvariant())
            return $"Browsers send origins in lowercase and S3 compares them exactly. Use \"{bare}\".";
        if (port.Length > 0 && (!int.TryParse(port[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535))
            return $"The port must be 1 to 65535. {shape}";
        if (scheme == "http")
            return LocalHosts.Contains(host)
                ? null
                : $"Plain-HTTP origins are only allowed for local development (http://localhost, http://127.0.0.1); a deployed site is served over HTTPS. Use \"https://{host}{port}\".";
        if (scheme != "https") return shape;
        var labels = host.Split('.');
        var wildcard = labels[0] == "*";
        var named = wildcard ? labels[1..] : labels;
        if (host.Contains('*', StringComparison.Ordinal) && (!wildcard || named.Contains("*")))
            return "A wildcard may only be the whole first label, e.g. \"https://*.example.com\".";
        if (wildcard && named.Length < 2)
            return "A wildcard needs a domain of at least two labels after it, e.g. \"https://*.example.com\".";
        if (!named.All(HostLabel.IsMatch))
            return $"'{host}' is not a host name: labels of letters, digits and inner hyphens, separated by dots. {shape}";
        return null;
    }

    private static string? ResolvePublicReadPrefix(string? prefix, ConstructSite site) =>
        Checked(prefix, nameof(S3BucketResourcesProps.PublicReadPrefix), PrefixProblem, site,
            "Give one or more folder names, each followed by '/', e.g. \"static/\"; or leave PublicReadPrefix unset to keep every file private.");

    /// <summary>What makes <paramref name="prefix"/> unsafe to publish as <c>&lt;prefix&gt;*</c>, or null.</summary>
    internal static string? PrefixProblem(string prefix)
    {
        if (prefix.Trim('/').Length == 0) return "It would publish the whole bucket, uploads included.";
        if (prefix.IndexOfAny(['*', '?']) >= 0) return "It is a key prefix, not a pattern: the construct appends '*' itself.";
        if (prefix[0] == '/') return $"S3 keys have no leading '/': \"{prefix.TrimStart('/')}\" is meant.";
        if (prefix[^1] != '/')
            return $"Without a trailing '/' it would also publish every key that merely starts with it (\"{prefix}-private/...\", \"{prefix}files.json\"). Use \"{prefix}/\".";
        foreach (var segment in prefix[..^1].Split('/'))
        {
            if (segment.Length == 0) return "It has an empty folder name ('//').";
            if (segment is "." or "..") return $"It has a '{segment}' folder, which S3 does not resolve: the key would be published literally.";
            if (!PrefixSegment.IsMatch(segment)) return $"The folder name '{segment}' has characters other than letters, digits, '_', '.' and '-'.";
        }

        return null;
    }

    private static int ResolveKeySerial(int? serial, ConstructSite site)
    {
        var value = serial ?? Defaults.AccessKeySerial;
        if (value < 0)
            throw Errors.OutOfRange(site.Path, nameof(S3BucketResourcesProps.KeySerial), value.ToString(CultureInfo.InvariantCulture),
                "Allowed: 0 or more. Start at 0 and add one to rotate the access key; never lower it (CloudFormation documents the serial as increase-only).");
        return value;
    }
}
