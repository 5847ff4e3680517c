using System.Runtime.CompilerServices;

namespace DjangoCdk.Cli.Tests;

/// <summary>The test host's own temp folder (see <see cref="DjangoCdk.ProcessTempFolder"/>), claimed before any test runs.</summary>
internal static class ProcessTemp
{
    [ModuleInitializer]
    internal static void Claim() => DjangoCdk.ProcessTempFolder.Claim();
}
