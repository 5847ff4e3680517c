using Amazon.CDK.Assertions;
using static DjangoCdk.Tests.TestSupport.Json;

namespace DjangoCdk.Tests.TestSupport;

/// <summary>Match patterns and Template checks the CDK's assertions library has no shorthand for.</summary>
internal static class Patterns
{
    public const string TaskDefinition = "AWS::ECS::TaskDefinition";

    /// <summary>Properties of a task definition with a container named <paramref name="name"/> (a string or a matcher) that has <paramref name="container"/> (object-like).</summary>
    public static Dictionary<string, object> WithContainer(object name, params (string Key, object Value)[] container) =>
        Props(("ContainerDefinitions", Match.ArrayWith([Match.ObjectLike(Props([("Name", name), .. container]))])));

    /// <summary>An environment list that holds <paramref name="name"/>=<paramref name="value"/> among others.</summary>
    public static Matcher Variable(string name, object value) => Match.ArrayWith([Props(("Name", name), ("Value", value))]);

    /// <summary>A secrets list that injects <paramref name="name"/> from <paramref name="valueFrom"/> among others.</summary>
    public static Matcher Secret(string name, object valueFrom) => Match.ArrayWith([Props(("Name", name), ("ValueFrom", valueFrom))]);

    /// <summary>
    /// A bucket resource as Common/Buckets.CreateAssetsBucket makes it (SSE-S3, versioned, ACLs disabled, every public
    /// access blocked, access logs to <paramref name="logsBucket"/>), with <paramref name="properties"/> and
    /// <paramref name="attributes"/> (DeletionPolicy, ...) on top.
    /// </summary>
    public static Matcher PrivateAssetsBucket(object logsBucket, (string Key, object Value)[] properties, params (string Key, object Value)[] attributes) =>
        Match.ObjectLike(Props([
            ("Properties", Match.ObjectLike(Props([
                ("BucketEncryption", Props(("ServerSideEncryptionConfiguration", new object[] { Props(("ServerSideEncryptionByDefault", Props(("SSEAlgorithm", "AES256")))) }))),
                ("VersioningConfiguration", Props(("Status", "Enabled"))),
                ("OwnershipControls", Props(("Rules", new object[] { Props(("ObjectOwnership", "BucketOwnerEnforced")) }))),
                ("PublicAccessBlockConfiguration", Props(("BlockPublicAcls", true), ("BlockPublicPolicy", true), ("IgnorePublicAcls", true), ("RestrictPublicBuckets", true))),
                ("LoggingConfiguration", Match.ObjectLike(Props(("DestinationBucketName", logsBucket)))),
                .. properties]))),
            .. attributes]));

    /// <summary>An IAM policy document (or key policy) with a statement that has <paramref name="statement"/> (object-like).</summary>
    public static Dictionary<string, object> Statement(params (string Key, object Value)[] statement) =>
        Props(("Statement", Match.ArrayWith([Match.ObjectLike(Props(statement))])));

    /// <summary>Asserts that the resource with logical ID <paramref name="logicalId"/> matches <paramref name="resource"/> (object-like: Type, Properties, DependsOn, DeletionPolicy...).</summary>
    public static void HasResourceWithId(this Template template, string logicalId, IDictionary<string, object> resource) =>
        template.TemplateMatches(Match.ObjectLike(Props(("Resources", Match.ObjectLike(Props((logicalId, Match.ObjectLike(resource))))))));

    /// <summary>Asserts that the resource with logical ID <paramref name="logicalId"/> has the properties <paramref name="properties"/> (object-like).</summary>
    public static void HasPropertiesWithId(this Template template, string logicalId, params (string Key, object Value)[] properties) =>
        template.HasResourceWithId(logicalId, Props(("Properties", Match.ObjectLike(Props(properties)))));
}
