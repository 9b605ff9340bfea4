using System.Diagnostics;
using Edge.Hil.Plan;
using Edge.Hil.Rigs;
using Microsoft.Extensions.Logging;

namespace Edge.Hil.Bench.Nucleo;

/// <summary>
/// Flashes a firmware revision with nanoFramework's `nanoff` (shared/reference/nanoframework.md
/// §3.5): nanoCLR over the serial port when the revision has one (`--nanodevice --update
/// --clrfile`), then the board app (`--nanodevice --deploy --image`). Untested here: no board,
/// no nanoff. A missing nanoff or image is a cell failure that retries cannot fix.
/// </summary>
public sealed class NanoffDeployer(ILogger logger)
{
    public string Executable { get; init; } = "nanoff";

    public async Task DeployAsync(RigBoard board, FirmwareImage image, CancellationToken cancellationToken)
    {
        string port = board.DeployPort ?? throw new CellFailureException($"board '{board.Name}' has no deploy-port for nanoff", retryable: false);
        foreach (string file in new[] { image.Clr, image.App }.OfType<string>())
            if (!File.Exists(file)) throw new CellFailureException($"firmware {image.Version} for '{board.Name}': {file} does not exist", retryable: false);
        string executable = Locate(Executable)
            ?? throw new CellFailureException($"nanoff was not found on PATH; install it with `dotnet tool install -g nanoff` to flash firmware {image.Version}", retryable: false);
        if (image.Clr is { } clr) await RunAsync(executable, ["--nanodevice", "--update", "--serialport", port, "--clrfile", clr], cancellationToken).ConfigureAwait(false);
        await RunAsync(executable, ["--nanodevice", "--deploy", "--serialport", port, "--image", image.App], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A path with a directory is taken as is; a bare name is looked up on PATH.</summary>
    public static string? Locate(string executable)
    {
        if (executable.Contains(Path.DirectorySeparatorChar)) return File.Exists(executable) ? executable : null;
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in OperatingSystem.IsWindows() ? new[] { executable + ".exe", executable } : [executable])
            {
                string candidate = Path.Combine(directory, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    private async Task RunAsync(string executable, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        logger.LogInformation("Running {Command}", $"{executable} {string.Join(' ', arguments)}");
        using var process = Process.Start(start) ?? throw new CellFailureException($"{executable} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
        {
            string text = (await output.ConfigureAwait(false) + await error.ConfigureAwait(false)).Trim();
            string tail = string.Join(" | ", text.Split('\n').TakeLast(3).Select(l => l.Trim()));
            throw new CellFailureException($"nanoff {arguments[1]} exited with {process.ExitCode}: {tail}");
        }
    }
}
