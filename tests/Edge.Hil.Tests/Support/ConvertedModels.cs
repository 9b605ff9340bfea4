using Edge.Models;
using Edge.TestSupport;

namespace Edge.Hil.Tests.Support;

/// <summary>
/// The small motor-flux models converted once for the whole test run, each .edgem beside a copy
/// of its .onnx: runs that are about faults and restarts take them pre-converted (a path users
/// have too), and do not pay for conversion each time.
/// </summary>
public static class ConvertedModels
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        string folder = RepoPaths.TempDirectory("hil-converted");
        foreach (string name in new[] { "flux_mlp", "flux_autoencoder" })
        {
            File.Copy(Fixtures.Onnx(name), Path.Combine(folder, name + ".onnx"));
            var converted = ModelConverter.Convert(new ConvertOptions(Fixtures.Onnx(name), RepoPaths.MotorFlux("train_164V.features.csv"), name + ".edgem")
            {
                InputColumns = "f0..f63",
            });
            File.WriteAllBytes(Path.Combine(folder, name + ".edgem"), converted.Bytes);
        }
        return folder;
    });

    /// <summary>A folder with flux_mlp and flux_autoencoder (.edgem + .onnx).</summary>
    public static string Both => Folder.Value;

    /// <summary>flux_mlp alone (its .edgem; the .onnx is found beside it).</summary>
    public static string Mlp => Path.Combine(Folder.Value, "flux_mlp.edgem");
}
