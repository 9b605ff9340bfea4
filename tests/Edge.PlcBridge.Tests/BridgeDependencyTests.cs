using System.Reflection;
using System.Text.Json;

namespace Edge.PlcBridge.Tests;

/// <summary>
/// The bridge is a small service: it takes the board link client, not the host tools' data and
/// model stack (ONNX Runtime, protobuf, MathNet, Parquet), which the simulated board and the CLI
/// need. Checked on its restore graph and on the assemblies it references at run time.
/// </summary>
[TestClass]
public sealed class BridgeDependencyTests
{
    private static readonly string[] Heavy = ["Microsoft.ML.OnnxRuntime", "Google.Protobuf", "MathNet.Numerics", "Parquet"];

    [TestMethod]
    public void TheBridgesRestoreGraphHasNoModelOrDataStack()
    {
        string assets = Path.Combine(RepoPaths.Root, "plc-bridge", "Edge.PlcBridge", "obj", "project.assets.json");
        Assert.IsTrue(File.Exists(assets), $"premise: the bridge was restored ({assets})");
        using var json = JsonDocument.Parse(File.ReadAllText(assets));
        var libraries = json.RootElement.GetProperty("libraries").EnumerateObject().Select(p => p.Name.Split('/')[0]).ToList();
        Assert.IsTrue(libraries.Contains("Edge.Board", StringComparer.OrdinalIgnoreCase), "premise: the bridge uses the link client");
        var heavy = libraries.Where(l => Heavy.Any(h => l.StartsWith(h, StringComparison.OrdinalIgnoreCase))).ToList();
        var projects = libraries.Where(l => l is "Edge.Models" or "Edge.Data" or "Edge.Drift" or "Edge.Board.Simulation").ToList();
        Assert.IsEmpty(heavy, "packages in the bridge's restore graph: " + string.Join(", ", heavy));
        Assert.IsEmpty(projects, "host-tool projects in the bridge's restore graph: " + string.Join(", ", projects));
    }

    [TestMethod]
    public void TheBridgesAssembliesReferenceNoModelOrDataStack()
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var queue = new Queue<Assembly>([typeof(Edge.PlcBridge.Boards.BoardSnapshot).Assembly]);
        while (queue.Count > 0)
        {
            var assembly = queue.Dequeue();
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                if (!seen.Add(reference.Name!) || reference.Name!.StartsWith("System", StringComparison.Ordinal) || reference.Name.StartsWith("Microsoft.", StringComparison.Ordinal) && !reference.Name.StartsWith("Microsoft.ML", StringComparison.Ordinal))
                    continue;
                try { queue.Enqueue(Assembly.Load(reference)); }
                catch (FileNotFoundException) { } // not in this test's output: then not needed by anything loaded here either
            }
        }
        Assert.IsTrue(seen.Contains("Edge.Board"), "premise: the bridge references the link client");
        var heavy = seen.Where(n => Heavy.Any(h => n.StartsWith(h, StringComparison.OrdinalIgnoreCase)) || n is "Edge.Models" or "Edge.Data" or "Edge.Drift").ToList();
        Assert.IsEmpty(heavy, "assemblies the bridge references: " + string.Join(", ", heavy));
    }
}
