using System.Reflection;
using System.Runtime.CompilerServices;

namespace DjangoCdk.Cli;

/// <summary>A construct prop as django-cdk.yaml sees it: its key, what it takes, and the C# property it sets.</summary>
/// <param name="Key">The snake_case key.</param>
/// <param name="Property">The C# prop.</param>
/// <param name="Kind">What the key takes.</param>
/// <param name="ElementType">For <see cref="ValueKind.Object"/> and <see cref="ValueKind.ObjectList"/>: the nested props type.</param>
/// <param name="Allowed">For <see cref="ValueKind.Choice"/>: the allowed names.</param>
public sealed record ConfigProp(string Key, PropertyInfo Property, ValueKind Kind, Type? ElementType = null, IReadOnlyList<string>? Allowed = null)
{
    /// <summary>Whether the construct requires the prop.</summary>
    public bool Required => Property.GetCustomAttribute<RequiredMemberAttribute>() is not null;

    /// <summary>The props of a type, in declaration order, each classified (including the ones config cannot set).</summary>
    public static IReadOnlyList<ConfigProp> Of(Type propsType) =>
        propsType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .OrderBy(p => p.MetadataToken)
            .Select(Classify)
            .ToList();

    private static ConfigProp Classify(PropertyInfo property)
    {
        var key = ConfigNames.ToSnakeCase(property.Name);
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        ConfigProp Kind(ValueKind kind, Type? element = null, IReadOnlyList<string>? allowed = null) => new(key, property, kind, element, allowed);

        if (type == typeof(string))
            return Kind(property.Name.EndsWith("Directory", StringComparison.Ordinal) || property.Name == "PathToDist" ? ValueKind.Path : ValueKind.String);
        if (type == typeof(int)) return Kind(ValueKind.Integer);
        if (type == typeof(double)) return Kind(ValueKind.Number);
        if (type == typeof(bool)) return Kind(ValueKind.Boolean);
        if (type == typeof(string[])) return Kind(ValueKind.StringList);
        if (type == typeof(IDictionary<string, string>)) return Kind(ValueKind.StringMap);
        if (type == typeof(IList<string[]>)) return Kind(ValueKind.CommandList);
        if (type.IsEnum) return Kind(ValueKind.Choice, type, Enum.GetNames(type).Select(ConfigNames.ToSnakeCase).Select(n => n.ToLowerInvariant()).ToList());
        if (type == typeof(Amazon.CDK.AWS.ECS.CpuArchitecture)) return Kind(ValueKind.Choice, type, ["arm64", "x86_64"]);
        if (type == typeof(Amazon.CDK.Duration)) return Kind(ValueKind.Duration);
        if (type == typeof(Amazon.CDK.AWS.EC2.InstanceType)) return Kind(ValueKind.InstanceType);
        if (type == typeof(IDictionary<string, Amazon.CDK.AWS.ECS.Secret>) || type == typeof(IDictionary<string, EksSecret>)) return Kind(ValueKind.SecretMap, type);
        if (type == typeof(Amazon.CDK.AWS.EC2.IVpc)) return Kind(ValueKind.VpcId);
        if (type == typeof(Amazon.CDK.AWS.SNS.ITopic)) return Kind(ValueKind.TopicArn);
        if (type == typeof(Amazon.CDK.AWS.EC2.IMachineImage)) return Kind(ValueKind.MachineImage);
        if (type == typeof(Amazon.CDK.AWS.Lambda.ILayerVersion)) return Kind(ValueKind.KubectlLayer);
        if (type == typeof(Amazon.CDK.AWS.CloudFront.GeoRestriction)) return Kind(ValueKind.GeoRestriction);
        if (IsProps(type)) return Kind(ValueKind.Object, type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>) && IsProps(type.GetGenericArguments()[0]))
            return Kind(ValueKind.ObjectList, type.GetGenericArguments()[0]);
        return Kind(ValueKind.Unsupported);
    }

    // Our own option types (DjangoEcsProps, StaticSiteProps, CeleryWorkerOptions): classes of the DjangoCdk assembly with a parameterless constructor.
    private static bool IsProps(Type type) =>
        type.Assembly == typeof(DjangoEcsProps).Assembly && type.IsClass && type.GetConstructor(Type.EmptyTypes) is not null;
}
