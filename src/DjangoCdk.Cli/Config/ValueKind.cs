namespace DjangoCdk.Cli;

/// <summary>What a prop takes in django-cdk.yaml (and in the JSON Schema).</summary>
public enum ValueKind
{
    /// <summary>Text.</summary>
    String,

    /// <summary>A path, relative to the config file's folder.</summary>
    Path,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A number.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A list of text values.</summary>
    StringList,

    /// <summary>A mapping of names to text values.</summary>
    StringMap,

    /// <summary>A list of commands, each a command line or a list of arguments.</summary>
    CommandList,

    /// <summary>One of a fixed set of names (<see cref="ConfigProp.Allowed"/>).</summary>
    Choice,

    /// <summary>A duration with a unit: 90s, 20m, 1h, 7d.</summary>
    Duration,

    /// <summary>An EC2 instance type such as t4g.micro.</summary>
    InstanceType,

    /// <summary>A nested mapping of another props type.</summary>
    Object,

    /// <summary>A list of mappings of another props type.</summary>
    ObjectList,

    /// <summary>A mapping of environment names to Secrets Manager secrets (ARN or name, optionally a JSON field) or SSM SecureString parameters.</summary>
    SecretMap,

    /// <summary>An existing VPC's ID, looked up at synth time.</summary>
    VpcId,

    /// <summary>An AMI ID, or a mapping of region to AMI ID.</summary>
    MachineImage,

    /// <summary>The folder of the npm package @aws-cdk/lambda-layer-kubectl-vNN.</summary>
    KubectlLayer,

    /// <summary>CloudFront's country restriction: <c>allowlist:</c> or <c>denylist:</c> with country codes.</summary>
    GeoRestriction,

    /// <summary>An existing SNS topic's ARN (<c>arn:aws:sns:&lt;region&gt;:&lt;account&gt;:&lt;name&gt;</c>), imported into the stack.</summary>
    TopicArn,

    /// <summary>Not settable from the config (a reference to another construct): set it from C#.</summary>
    Unsupported,
}
