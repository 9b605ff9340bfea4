namespace Edge.Cli;

/// <summary>The sample data and rig shipped next to the `edge` executable (samples/motor-flux, hil-rigs/sim.yaml).</summary>
public static class BundledSamples
{
    public static string MotorFlux(string file) => Bundled(Path.Combine("samples", "motor-flux", file));

    /// <summary>The all-simulated HIL rig (hil-rigs/sim.yaml).</summary>
    public static string SimulatedRig() => Bundled(Path.Combine("hil-rigs", "sim.yaml"));

    private static string Bundled(string relative)
    {
        string path = Path.Combine(AppContext.BaseDirectory, relative);
        if (!File.Exists(path))
            throw new UserFacingException($"the bundled file {relative} is missing from {AppContext.BaseDirectory}; reinstall edge or run it from the repository", ExitCode.InternalError);
        return path;
    }
}
