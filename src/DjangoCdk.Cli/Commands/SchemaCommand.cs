using System.Text.Json;
using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary><c>django-cdk schema</c>: writes the JSON Schema of django-cdk.yaml for editors, or the reference of every key as Markdown.</summary>
public sealed class SchemaCommand(CliServices services, CliOutput output) : Command<SchemaSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, SchemaSettings settings, CancellationToken cancellationToken)
    {
        var text = settings.Format == "markdown"
            ? ConfigReference.Markdown()
            : ConfigSchema.Generate().ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        if (settings.Out == "-")
        {
            output.Plain(text.TrimEnd('\n'));
            return (int)ExitCode.Success;
        }

        var file = services.FullPath(settings.Out);
        File.WriteAllText(file, text);
        output.Plain(settings.Format == "markdown"
            ? $"Wrote {file}."
            : $"Wrote {file}. Point your config at it with a first line: # yaml-language-server: $schema=./{Path.GetFileName(file)}");
        return (int)ExitCode.Success;
    }
}
