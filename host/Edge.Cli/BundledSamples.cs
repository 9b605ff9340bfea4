namespace Edge.Cli;

/// <summary>The sample data shipped next to the `edge` executable (samples/motor-flux).</summary>
public static class BundledSamples
{
    public static string MotorFlux(string file)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "samples", "motor-flux", file);
        if (!File.Exists(path))
            throw new UserFacingException($"the bundled sample {file} is missing from {Path.GetDirectoryName(path)}; reinstall edge or run it from the repository", ExitCode.InternalError);
        return path;
    }
}
