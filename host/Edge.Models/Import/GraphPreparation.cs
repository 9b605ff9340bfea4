using Edge.Models.Onnx;
using Edge.Models.Onnx.Proto;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace Edge.Models.Import;

/// <summary>A graph as ONNX Runtime's basic optimisations left it, what that did, and the shapes it inferred for intermediate values.</summary>
internal sealed record PreparedGraph(Model Model, string Note, IReadOnlyDictionary<string, int[]> Shapes);

/// <summary>
/// Graph preparation by ONNX Runtime: with the batch fixed at 1, its basic optimisation level
/// (constant folding, redundant node elimination, Conv+Add/Mul/BatchNormalization fusion,
/// documented as semantics-preserving) rewrites the graph, which ONNX Runtime saves with the
/// shapes it inferred for every intermediate value. Used when a graph as exported does not
/// import, and for the shapes `inspect --onnx` needs to keep checking past a node that does not.
/// </summary>
internal static class GraphPreparation
{
    public static PreparedGraph? Prepare(Model model, string source)
    {
        var fixedBatch = model.Clone();
        var initializers = fixedBatch.Graph.Initializer.Select(i => i.Name).ToHashSet();
        foreach (var value in fixedBatch.Graph.Input.Where(i => !initializers.Contains(i.Name)).Concat(fixedBatch.Graph.Output))
        {
            var dims = value.Type?.TensorType?.Shape?.Dim;
            if (dims is { Count: > 0 } && dims[0].ValueCase != Shape.Types.Dimension.ValueOneofCase.DimValue) dims[0] = new Shape.Types.Dimension { DimValue = 1 };
        }
        string folder = Path.Combine(Path.GetTempPath(), "edge-prepare-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string optimized = Path.Combine(folder, "prepared.onnx");
        try
        {
            using (var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_BASIC, OptimizedModelFilePath = optimized, IntraOpNumThreads = 1, InterOpNumThreads = 1 })
            using (new InferenceSession(fixedBatch.ToByteArray(), options))
            {
            }
            var prepared = OnnxModelFile.Parse(File.ReadAllBytes(optimized), source + " (as prepared by ONNX Runtime)");
            var shapes = new Dictionary<string, int[]>(StringComparer.Ordinal);
            foreach (var value in prepared.Graph.ValueInfo.Concat(prepared.Graph.Output))
            {
                var dims = value.Type?.TensorType?.Shape?.Dim;
                if (dims is null || dims.Any(d => d.ValueCase != Shape.Types.Dimension.ValueOneofCase.DimValue)) continue;
                var shape = dims.Select(d => (int)d.DimValue).ToArray();
                if (shape.Length == 0 || shape[0] != 1) shape = shape.Prepend(1).ToArray();
                shapes[value.Name] = shape;
            }
            var before = model.Graph.Node.GroupBy(n => n.OpType).ToDictionary(g => g.Key, g => g.Count());
            var after = prepared.Graph.Node.GroupBy(n => n.OpType).ToDictionary(g => g.Key, g => g.Count());
            var removed = before.Select(p => (Op: p.Key, Count: p.Value - after.GetValueOrDefault(p.Key))).Where(p => p.Count > 0).OrderByDescending(p => p.Count).ToList();
            string note = $"prepared by ONNX Runtime (basic graph optimisations, batch 1): {model.Graph.Node.Count} nodes became {prepared.Graph.Node.Count}" +
                (removed.Count > 0 ? $" (folded or fused: {string.Join(", ", removed.Select(r => $"{r.Count} {r.Op}"))})" : "");
            return new PreparedGraph(prepared, note, shapes);
        }
        catch (Exception e) when (e is OnnxRuntimeException or ModelImportException or IOException or InvalidProtocolBufferException)
        {
            return null;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
