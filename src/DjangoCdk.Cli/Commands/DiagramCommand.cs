using Spectre.Console.Cli;

namespace DjangoCdk.Cli.Commands;

/// <summary>
/// <c>django-cdk diagram</c>: the architecture of the synthesized app (the request path from DNS to the web service
/// and workers, and the data stores) as Mermaid, Graphviz DOT, or an SVG/PNG picture when Graphviz is installed.
/// </summary>
public sealed class DiagramCommand(CliServices services, CliOutput output) : Command<DiagramSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, DiagramSettings settings, CancellationToken cancellationToken)
    {
        var config = ConfigLoader.Load(settings.Config, services.CurrentDirectory);
        // Printed Mermaid or DOT is the whole output (often redirected to a file): no progress line before it.
        var result = output.Progress($"Synthesizing {config.Name}", () => Synthesizer.Synthesize(config, settings.OutDirectory(services, config), services),
            quiet: settings.File is null && settings.Format is "mermaid" or "dot");
        if (result.HasErrors) throw new CliException("The constructs reported errors; run django-cdk synth for them.");
        var diagram = DiagramBuilder.Build(result.Stacks);
        var text = settings.Format == "mermaid" ? MermaidRenderer.Render(diagram) : DotRenderer.Render(diagram);
        if (settings.Format is "mermaid" or "dot")
        {
            if (settings.File is null) output.Plain(text);
            else
            {
                var file = services.FullPath(settings.File);
                File.WriteAllText(file, settings.Format == "mermaid" ? $"```mermaid\n{text}\n```\n" : text);
                output.Plain($"Wrote {file}.");
            }

            return (int)ExitCode.Success;
        }

        var picture = settings.File is null ? Path.Combine(config.Directory, $"architecture.{settings.Format}") : services.FullPath(settings.File);
        GraphvizRenderer.Render(services.Processes, text, settings.Format, picture);
        output.Plain($"Wrote {picture}.");
        return (int)ExitCode.Success;
    }
}
