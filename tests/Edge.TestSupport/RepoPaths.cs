namespace Edge.TestSupport;

/// <summary>Paths inside the repository, found from the test's output folder so tests run from any working directory.</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Edge.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("cannot find the repository root (Edge.sln) above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    /// <summary>A file of the bundled motor-flux sample (samples/motor-flux).</summary>
    public static string MotorFlux(string file) => Path.Combine(Root, "samples", "motor-flux", file);

    /// <summary>A fresh empty directory under the system temp folder, for one test's files.</summary>
    public static string TempDirectory(string purpose)
    {
        string path = Path.Combine(Path.GetTempPath(), "edge-tests", purpose + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }
}
