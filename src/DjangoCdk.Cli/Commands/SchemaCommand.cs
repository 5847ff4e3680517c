using System.Text.Json;
using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary><c>django-cdk schema</c>: writes the JSON Schema of django-cdk.yaml for editors.</summary>
public sealed class SchemaCommand(CliServices services, CliOutput output) : Command<SchemaSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, SchemaSettings settings, CancellationToken cancellationToken)
    {
        var schema = ConfigSchema.Generate();
        if (settings.Out == "-")
        {
            output.Json(schema);
            return (int)ExitCode.Success;
        }

        var file = services.FullPath(settings.Out);
        File.WriteAllText(file, schema.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        output.Plain($"Wrote {file}. Point your config at it with a first line: # yaml-language-server: $schema=./{Path.GetFileName(file)}");
        return (int)ExitCode.Success;
    }
}
