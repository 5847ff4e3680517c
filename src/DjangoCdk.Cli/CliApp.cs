using Spectre.Console;
using Spectre.Console.Cli;

namespace DjangoCdk.Cli;

/// <summary>
/// The django-cdk command line: every verb registered in one place, one exception handler (expected errors print
/// their message and exit 1, anything else prints a short bug notice and exits 70), and the console set up for the
/// terminal it writes to (no colour when redirected, with NO_COLOR set or with --no-color).
/// </summary>
public sealed class CliApp
{
    private readonly CliServices _services;

    private CliApp(CliServices services) => _services = services;

    /// <summary>The application over <paramref name="services"/>.</summary>
    public static CliApp Create(CliServices services) => new(services);

    /// <summary>Runs one command line and returns the process exit code.</summary>
    public int Run(IReadOnlyList<string> args)
    {
        var noColor = args.Contains("--no-color") || !string.IsNullOrEmpty(_services.GetVariable("NO_COLOR"))
            || (_services.Console is null && System.Console.IsOutputRedirected);
        var verbose = args.Contains("--verbose") || args.Contains("-v");
        var console = _services.Console ?? AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = noColor ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = noColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
        });
        var output = new CliOutput(console, noColor, _services.Interactive);
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(CliServices), _services);
        registrar.RegisterInstance(typeof(IProcessRunner), _services.Processes);
        registrar.RegisterInstance(typeof(IAnsiConsole), console);
        registrar.RegisterInstance(typeof(CliOutput), output);

        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("django-cdk");
            config.SetApplicationVersion(typeof(CliApp).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            config.ConfigureConsole(console);
            DjangoCdk.Cli.Commands.Commands.Register(config);
            config.SetExceptionHandler((exception, _) => HandleError(exception, output, verbose));
        });
        return app.Run(args);
    }

    private static int HandleError(Exception exception, CliOutput output, bool verbose)
    {
        switch (exception)
        {
            case CliException expected:
                output.Error(expected.Message);
                return (int)expected.ExitCode;
            case CommandParseException or CommandConfigurationException or CommandRuntimeException:
                output.Error(exception.Message);
                return (int)ExitCode.UserError;
            default:
                output.Error($"django-cdk stopped on an unexpected error: {exception.GetType().Name}: {exception.Message}");
                output.Plain("This is a bug in django-cdk. Please report it with the command you ran" +
                    (verbose ? " and the details below." : "; run it again with --verbose for the details to include."));
                if (verbose) output.Plain(exception.ToString());
                return (int)ExitCode.InternalError;
        }
    }
}
