using System.Globalization;
using System.Text.RegularExpressions;
using Amazon.CDK;
using Amazon.CDK.AWS.CloudFront;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SSM;
using YamlDotNet.RepresentationModel;
using EcsSecret = Amazon.CDK.AWS.ECS.Secret;
using SecretsManagerSecret = Amazon.CDK.AWS.SecretsManager.Secret;
using ISecret = Amazon.CDK.AWS.SecretsManager.ISecret;

namespace DjangoCdk.Cli;

/// <summary>
/// Turns a props section of django-cdk.yaml into the construct's props object: each snake_case key sets the C# prop
/// of the same name, converted by what the prop takes (<see cref="ConfigProp"/>). It checks only the shape (a known
/// key, a number where a number goes); the values are the construct's to validate, so nothing is checked twice.
/// References to existing resources (secrets, a VPC, an SNS topic, an image, the kubectl layer) are imported into
/// <paramref name="stack"/>.
/// </summary>
public sealed partial class PropsBinder(AppConfig config, Stack stack)
{
    private readonly List<BoundProp> _bound = [];

    /// <summary>Every key bound so far.</summary>
    public IReadOnlyList<BoundProp> Bound => _bound;

    /// <summary>The target's props from the config's section.</summary>
    public object BindTarget() => Bind(config.Target.PropsType, config.Section, config.Target.Name, config.SectionLocation, "");

    // path: the keys so far ("ecs.celery_workers[0]"); propPath: the same in C# prop names ("CeleryWorkers[0]"), empty at the top.
    private object Bind(Type type, YamlMappingNode node, string path, ConfigLocation location, string propPath)
    {
        var props = ConfigProp.Of(type);
        var settable = props.Where(p => p.Kind != ValueKind.Unsupported).ToList();
        var result = Activator.CreateInstance(type)!;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            var keyPath = $"{path}.{key}";
            var prop = props.FirstOrDefault(p => p.Key == key);
            if (prop is null)
                throw ConfigErrors.UnknownKey(config.At(keyNode), keyPath, path, settable.Select(p => p.Key));
            if (prop.Kind == ValueKind.Unsupported)
                throw ConfigErrors.At(config.At(keyNode), keyPath, $"{type.Name}.{prop.Property.Name} takes a {prop.Property.PropertyType.Name}, a reference to a resource in the same C# app, so it cannot be set from the config. Use the construct from C# for it.");
            if (IsNull(valueNode)) continue;
            seen.Add(key);
            var keyPropPath = propPath.Length == 0 ? prop.Property.Name : $"{propPath}.{prop.Property.Name}";
            _bound.Add(new BoundProp(keyPath, prop.Property.Name, type, config.At(valueNode), config.FromPreset(valueNode), keyPropPath));
            prop.Property.SetValue(result, Convert(prop, valueNode, keyPath, keyPropPath));
        }

        var missing = props.FirstOrDefault(p => p.Required && !seen.Contains(p.Key));
        if (missing is not null)
            throw ConfigErrors.At(location, $"{path}.{missing.Key}", $"required but missing ({type.Name}.{missing.Property.Name}).");
        return result;
    }

    private object? Convert(ConfigProp prop, YamlNode node, string key, string propPath) => prop.Kind switch
    {
        ValueKind.String => Scalar(node, key, "text"),
        ValueKind.Path => Path.GetFullPath(Scalar(node, key, "a path"), config.Directory),
        ValueKind.Integer => int.TryParse(Scalar(node, key, "a whole number"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
            ? i : throw ConfigErrors.WrongType(config.At(node), key, "a whole number", ConfigLoader.Describe(node)),
        ValueKind.Number => double.TryParse(Scalar(node, key, "a number"), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            ? d : throw ConfigErrors.WrongType(config.At(node), key, "a number", ConfigLoader.Describe(node)),
        ValueKind.Boolean => Scalar(node, key, "true or false").ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw ConfigErrors.WrongType(config.At(node), key, "true or false", ConfigLoader.Describe(node)),
        },
        ValueKind.StringList => Sequence(node, key, "a list of values").Select((item, n) => Scalar(item, $"{key}[{n}]", "text")).ToArray(),
        ValueKind.StringMap => Mapping(node, key, "a mapping of names to values").Children
            .ToDictionary(kv => Scalar(kv.Key, key, "a name"), kv => Scalar(kv.Value, $"{key}.{((YamlScalarNode)kv.Key).Value}", "text"), StringComparer.Ordinal),
        ValueKind.CommandList => Sequence(node, key, "a list of commands").Select((item, n) => Command(item, $"{key}[{n}]")).ToList(),
        ValueKind.Choice => Choice(prop, node, key),
        ValueKind.Duration => Duration(node, key),
        ValueKind.InstanceType => new InstanceType(Scalar(node, key, "an instance type such as t4g.micro")),
        ValueKind.Object => Bind(prop.ElementType!, Mapping(node, key, $"a mapping of {prop.ElementType!.Name} keys"), key, config.At(node), propPath),
        ValueKind.ObjectList => ObjectList(prop, node, key, propPath),
        ValueKind.SecretMap => Secrets(prop, node, key),
        ValueKind.VpcId => Vpc.FromLookup(stack, "Vpc", new VpcLookupOptions { VpcId = Scalar(node, key, "a VPC ID such as vpc-0123456789abcdef0") }),
        ValueKind.TopicArn => Topic.FromTopicArn(stack, prop.Property.Name, TopicArn(node, key)),
        ValueKind.MachineImage => MachineImage(node, key),
        ValueKind.KubectlLayer => KubectlLayers.FromNpmPackage(stack, "KubectlLayer", Path.GetFullPath(Scalar(node, key, "a folder"), config.Directory)),
        ValueKind.GeoRestriction => Geo(node, key),
        _ => throw new InvalidOperationException($"No conversion for {prop.Kind}."),
    };

    private object ObjectList(ConfigProp prop, YamlNode node, string key, string propPath)
    {
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(prop.ElementType!))!;
        var n = 0;
        foreach (var item in Sequence(node, key, $"a list of {prop.ElementType!.Name} mappings"))
        {
            var index = n++;
            var itemKey = $"{key}[{index}]";
            list.Add(Bind(prop.ElementType!, Mapping(item, itemKey, $"a mapping of {prop.ElementType!.Name} keys"), itemKey, config.At(item), $"{propPath}[{index}]"));
        }

        return list;
    }

    private object Choice(ConfigProp prop, YamlNode node, string key)
    {
        var value = Scalar(node, key, "one of " + string.Join(", ", prop.Allowed!));
        var normalized = value.Trim().ToLowerInvariant().Replace('-', '_');
        var index = prop.Allowed!.ToList().IndexOf(normalized);
        if (index < 0) throw ConfigErrors.NotAllowed(config.At(node), key, value, prop.Allowed!);
        if (prop.ElementType == typeof(Amazon.CDK.AWS.ECS.CpuArchitecture))
            return normalized == "arm64" ? Amazon.CDK.AWS.ECS.CpuArchitecture.ARM64 : Amazon.CDK.AWS.ECS.CpuArchitecture.X86_64;
        return Enum.GetValues(prop.ElementType!).GetValue(index)!;
    }

    private Duration Duration(YamlNode node, string key)
    {
        var value = Scalar(node, key, "a duration such as 20m");
        var match = DurationPattern().Match(value.Trim());
        if (!match.Success)
            throw ConfigErrors.WrongType(config.At(node), key, "a duration with a unit: 90s, 20m, 1h or 7d", $"'{value}'");
        var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value[0] switch
        {
            's' => Amazon.CDK.Duration.Seconds(amount),
            'm' => Amazon.CDK.Duration.Minutes(amount),
            'h' => Amazon.CDK.Duration.Hours(amount),
            _ => Amazon.CDK.Duration.Days(amount),
        };
    }

    private string[] Command(YamlNode node, string key) => node switch
    {
        YamlSequenceNode sequence => sequence.Children.Select((item, n) => Scalar(item, $"{key}[{n}]", "an argument")).ToArray(),
        YamlScalarNode => CommandLine.Split(Scalar(node, key, "a command line"))
            ?? throw ConfigErrors.At(config.At(node), key, "has an unclosed quote. Write it as a list of arguments instead: [python, manage.py, migrate].") ,
        _ => throw ConfigErrors.WrongType(config.At(node), key, "a command line or a list of arguments", ConfigLoader.Describe(node)),
    };

    private object Secrets(ConfigProp prop, YamlNode node, string key)
    {
        var eks = prop.ElementType == typeof(IDictionary<string, EksSecret>);
        var ecsSecrets = new Dictionary<string, EcsSecret>(StringComparer.Ordinal);
        var eksSecrets = new Dictionary<string, EksSecret>(StringComparer.Ordinal);
        foreach (var (nameNode, valueNode) in Mapping(node, key, "a mapping of environment names to secrets").Children)
        {
            var name = Scalar(nameNode, key, "an environment variable name");
            var entryKey = $"{key}.{name}";
            string? secretName = null, field = null, parameter = null;
            if (valueNode is YamlMappingNode reference)
            {
                foreach (var (k, v) in reference.Children)
                {
                    var part = Scalar(k, entryKey, "secret, field or parameter");
                    var value = Scalar(v, $"{entryKey}.{part}", "text");
                    switch (part)
                    {
                        case "secret": secretName = value; break;
                        case "field": field = value; break;
                        case "parameter": parameter = value; break;
                        default: throw ConfigErrors.UnknownKey(config.At(k), $"{entryKey}.{part}", entryKey, ["secret", "field", "parameter"]);
                    }
                }
            }
            else
            {
                secretName = Scalar(valueNode, entryKey, "a Secrets Manager secret's ARN or name");
            }

            if ((secretName is null) == (parameter is null))
                throw ConfigErrors.At(config.At(valueNode), entryKey, "give exactly one of secret: (a Secrets Manager secret's ARN or name, with an optional field:) or parameter: (an SSM SecureString parameter's name).");
            if (parameter is not null)
            {
                if (eks || field is not null)
                    throw ConfigErrors.At(config.At(valueNode), entryKey, eks ? "target eks reads secrets from Secrets Manager only (External Secrets Operator's SecretStore); move the value to a secret." : "field: applies to Secrets Manager secrets, not SSM parameters.");
                ecsSecrets[name] = EcsSecret.FromSsmParameter(StringParameter.FromSecureStringParameterAttributes(stack, $"Parameter{name}",
                    new SecureStringParameterAttributes { ParameterName = parameter }));
                continue;
            }

            var secret = ImportSecret(secretName!, $"Secret{name}");
            if (eks) eksSecrets[name] = EksSecret.FromSecretsManager(secret, field);
            else ecsSecrets[name] = field is null ? EcsSecret.FromSecretsManager(secret) : EcsSecret.FromSecretsManager(secret, field);
        }

        return eks ? eksSecrets : ecsSecrets;
    }

    // A complete ARN ends with the six characters Secrets Manager appends to the name; a partial one does not.
    private ISecret ImportSecret(string nameOrArn, string id) =>
        !nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? SecretsManagerSecret.FromSecretNameV2(stack, id, nameOrArn)
        : CompleteSecretArn().IsMatch(nameOrArn) ? SecretsManagerSecret.FromSecretCompleteArn(stack, id, nameOrArn)
        : SecretsManagerSecret.FromSecretPartialArn(stack, id, nameOrArn);

    // An ARN of the shape SNS gives: the partition, sns, a region, a 12-digit account and the topic's name.
    private string TopicArn(YamlNode node, string key)
    {
        var arn = Scalar(node, key, "an SNS topic's ARN");
        if (!TopicArnRegex().IsMatch(arn))
            throw ConfigErrors.At(config.At(node), key, $"'{arn}' is not an SNS topic ARN. Give the ARN of an existing topic, arn:aws:sns:<region>:<account>:<topic name> (a 12-digit account; a name of letters, digits, - and _), e.g. arn:aws:sns:us-east-1:123456789012:alerts.");
        return arn;
    }

    private IMachineImage MachineImage(YamlNode node, string key)
    {
        if (node is YamlMappingNode byRegion)
            return Amazon.CDK.AWS.EC2.MachineImage.GenericLinux(byRegion.Children.ToDictionary(
                kv => Scalar(kv.Key, key, "a region"), kv => Scalar(kv.Value, key, "an AMI ID")));
        var ami = Scalar(node, key, "an AMI ID or a mapping of region to AMI ID");
        if (config.Region is null)
            throw ConfigErrors.At(config.At(node), key, "an AMI ID belongs to one region, and the config sets none. Set region: at the top, or write a mapping of region to AMI ID.");
        return Amazon.CDK.AWS.EC2.MachineImage.GenericLinux(new Dictionary<string, string> { [config.Region] = ami });
    }

    private GeoRestriction Geo(YamlNode node, string key)
    {
        var mapping = Mapping(node, key, "allowlist: or denylist: with country codes");
        if (mapping.Children.Count != 1)
            throw ConfigErrors.At(config.At(node), key, "give exactly one of allowlist: or denylist:, each a list of two-letter country codes.");
        var (kindNode, codesNode) = mapping.Children.First();
        var codes = Sequence(codesNode, key, "a list of country codes").Select(c => Scalar(c, key, "a country code")).ToArray();
        return Scalar(kindNode, key, "allowlist or denylist") switch
        {
            "allowlist" => GeoRestriction.Allowlist(codes),
            "denylist" => GeoRestriction.Denylist(codes),
            var other => throw ConfigErrors.NotAllowed(config.At(kindNode), key, other, ["allowlist", "denylist"]),
        };
    }

    private string Scalar(YamlNode node, string key, string expected) =>
        node is YamlScalarNode { Value: not null } scalar && !IsNull(node)
            ? scalar.Value
            : throw ConfigErrors.WrongType(config.At(node), key, expected, ConfigLoader.Describe(node));

    private YamlSequenceNode Sequence(YamlNode node, string key, string expected) =>
        node as YamlSequenceNode ?? throw ConfigErrors.WrongType(config.At(node), key, expected, ConfigLoader.Describe(node));

    private YamlMappingNode Mapping(YamlNode node, string key, string expected) =>
        node as YamlMappingNode ?? throw ConfigErrors.WrongType(config.At(node), key, expected, ConfigLoader.Describe(node));

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) } scalar
        && (scalar.Value is null or "" or "~" or "null" or "Null" or "NULL");

    [GeneratedRegex(@"^([0-9]+(?:\.[0-9]+)?)\s*(s|m|h|d|seconds?|minutes?|hours?|days?)$")]
    private static partial Regex DurationPattern();

    /// <summary>The shape of an SNS topic ARN, as the binder checks it and the JSON Schema states it.</summary>
    internal const string TopicArnPattern = @"^arn:aws[a-z-]*:sns:[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]:[0-9]{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$";

    [GeneratedRegex(TopicArnPattern)]
    private static partial Regex TopicArnRegex();

    [GeneratedRegex(@"^arn:[^:]+:secretsmanager:[^:]*:[^:]*:secret:.+-[A-Za-z0-9]{6}$")]
    private static partial Regex CompleteSecretArn();
}
