using Edge.Common.Files;
using Edge.Data;
using Edge.Device.Codec;
using Edge.Drift.Profiles;
using Edge.Hil.Inputs;
using Edge.Hil.Results;
using Edge.Hil.Rigs;
using Edge.Models.Format;
using Edge.Models.Import;
using Edge.PlcBridge.Configuration;
using Edge.TestSupport;

namespace Edge.Cli.Tests;

/// <summary>
/// Every reader of a file a user names, fed its own valid file cut short at many places, with
/// bytes damaged, empty, a folder, and /dev/zero: each fails with its documented error (which edge
/// turns into one line and exit code 3) and a message that starts with the file's path. Any other
/// exception (a crash, an out-of-memory) fails the test with the input that caused it.
/// </summary>
[TestClass]
public sealed class FileReaderFuzzTests
{
    private sealed record Reader(string Name, byte[] Valid, string Extension, Action<string> Read, params Type[] Errors);

    private static IEnumerable<Reader> Readers(string folder)
    {
        string model = Path.Combine(folder, "m.edgem"), profile = Path.Combine(folder, "p.edgp");
        Assert.AreEqual(0, CliRun.Of("model", "convert", RepoPaths.MotorFlux("flux_mlp.onnx"), "--calib", RepoPaths.MotorFlux("train_164V.features.csv"), "-o", model).ExitCode);
        Assert.AreEqual(0, CliRun.Of("drift", "profile", "-d", RepoPaths.MotorFlux("train_164V.features.csv"), "--columns", "f1*", "--categorical", "load", "-o", profile).ExitCode);
        var table = File.ReadAllLines(RepoPaths.MotorFlux("train_164V.features.csv")).Take(120);
        yield return new("table (CSV)", System.Text.Encoding.UTF8.GetBytes(string.Join('\n', table)), ".csv", p => TableReader.Read(p), typeof(DataFileException));
        yield return new("model (.edgem)", File.ReadAllBytes(model), ".edgem", p => ModelFile.Read(p), typeof(EdgeFormatException), typeof(InputFileException));
        yield return new("drift profile (.edgp)", File.ReadAllBytes(profile), ".edgp", p => ProfileFile.Read(p), typeof(EdgeFormatException), typeof(InputFileException));
        yield return new("ONNX model", File.ReadAllBytes(RepoPaths.MotorFlux("flux_mlp.onnx")), ".onnx", p => OnnxImporter.Import(p), typeof(ModelImportException));
        yield return new("rig file", File.ReadAllBytes(Path.Combine(RepoPaths.Root, "hil-rigs", "sim.yaml")), ".yaml", p => RigLoader.Load(p), typeof(RigException));
        yield return new("bridge configuration", File.ReadAllBytes(Path.Combine(RepoPaths.Root, "plc-bridge", "deploy", "bridge.example.yaml")), ".yaml",
            p => BridgeConfigLoader.Load(p), typeof(BridgeConfigException));
    }

    private static IEnumerable<(string What, byte[]? Bytes)> Damaged(byte[] valid)
    {
        yield return ("empty", []);
        int cuts = Math.Min(valid.Length - 1, 150);
        for (int i = 1; i <= cuts; i++) yield return ($"cut at {valid.Length * i / (cuts + 1)}", valid[..(valid.Length * i / (cuts + 1))]);
        var random = new Random(12);
        for (int i = 0; i < 150; i++)
        {
            var bytes = valid.ToArray();
            int at = random.Next(bytes.Length);
            byte was = bytes[at];
            bytes[at] = (byte)random.Next(256);
            // Text formats also get the characters that break parsers: brackets, quotes, tabs, NUL.
            if (i % 3 == 0) bytes[at] = "[{\"'\t\0-:"u8[i % 8];
            yield return ($"byte {at} 0x{was:X2} -> 0x{bytes[at]:X2}", bytes);
        }
        yield return ("folder", null);
    }

    [TestMethod]
    public void EveryReaderFailsCleanlyOnDamagedFiles()
    {
        string folder = RepoPaths.TempDirectory("fuzz-readers");
        var problems = new List<string>();
        foreach (var reader in Readers(folder))
        {
            int n = 0;
            foreach (var (what, bytes) in Damaged(reader.Valid).Append(("/dev/zero", null)))
            {
                string path = what == "/dev/zero" ? "/dev/zero" : Path.Combine(folder, $"{reader.Extension.TrimStart('.')}-{n++}{reader.Extension}");
                if (what == "folder") Directory.CreateDirectory(path);
                else if (bytes is not null) File.WriteAllBytes(path, bytes);
                try
                {
                    reader.Read(path);
                }
                catch (Exception e) when (reader.Errors.Contains(e.GetType()))
                {
                    if (!e.Message.StartsWith(path, StringComparison.Ordinal)) problems.Add($"{reader.Name}, {what}: the message does not start with the path: {e.Message}");
                }
                catch (Exception e)
                {
                    problems.Add($"{reader.Name}, {what}: {e.GetType().Name}: {e.Message}");
                }
            }
        }
        Assert.AreEqual(0, problems.Count, string.Join("\n", problems.Take(30)));
    }

    [TestMethod]
    public async Task HilRunFoldersWithDamagedFilesAreReportedNotCrashedOn()
    {
        // A manifest and a trace cut short: reading them says so, with the path.
        string folder = RepoPaths.TempDirectory("fuzz-run");
        var directory = RunDirectory.Create(folder);
        File.WriteAllText(directory.ManifestPath, "{\"rig\": \"sim\", \"cel");
        var manifest = Assert.ThrowsExactly<HilInputException>(() => directory.ReadManifest());
        StringAssert.StartsWith(manifest.Message, directory.ManifestPath);
        string trace = directory.TracePath("m@b@current");
        File.WriteAllBytes(trace, "PAR1\0\0\0garbage PAR1"u8.ToArray());
        var e = await Assert.ThrowsExactlyAsync<HilInputException>(() => TraceFile.ReadAsync(trace));
        StringAssert.StartsWith(e.Message, trace + ": not a readable current trace");
    }
}
