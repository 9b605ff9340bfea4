using Edge.Device.Model;
using Edge.Models.Format;
using Edge.Models.Graph;
using Edge.Models.Import;
using Edge.Models.Quantization;
using Edge.Models.Verification;

namespace Edge.Models.Tests.Support;

/// <summary>Imports a test model and compares the float graph and the int8 engine with ONNX Runtime.</summary>
internal static class GraphCheck
{
    public static float[][] Rows(int count, int width, int seed, double scale = 1) =>
        Enumerable.Range(0, count).Select(r => new Random(seed * 7919 + r)).Select(random => Enumerable.Range(0, width).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale)).ToArray()).ToArray();

    public static ModelGraph Import(OnnxModelBuilder builder, string file, out string path)
    {
        path = builder.Save(file);
        return OnnxImporter.Import(path);
    }

    public static float[][] Ort(string path, ModelGraph graph, float[][] rows)
    {
        var input = graph.Inputs[0];
        using var ort = new OnnxRuntimeModel(path, input.OnnxName, input.OnnxShape, [graph.Outputs[0].OnnxName]);
        return ort.Run(rows)[0];
    }

    /// <summary>The folded float graph computes what ONNX Runtime computes on the original nodes.</summary>
    public static void FloatMatchesOrt(ModelGraph graph, string path, float[][] rows, double tolerance = 1e-4)
    {
        var reference = Ort(path, graph, rows);
        for (int r = 0; r < rows.Length; r++)
        {
            var actual = graph.Execute(rows[r])[graph.Outputs[0].Tensor];
            Assert.HasCount(reference[r].Length, actual);
            for (int i = 0; i < actual.Length; i++)
                Assert.AreEqual(reference[r][i], actual[i], tolerance * Math.Max(1, Math.Abs(reference[r][i])), $"row {r} value {i}");
        }
    }

    /// <summary>Quantises on the rows and runs the device engine; returns its agreement with ONNX Runtime.</summary>
    public static AgreementMetrics Int8AgainstOrt(ModelGraph graph, string path, float[][] rows) =>
        AgreementMetrics.Compute(Ort(path, graph, rows), Int8(graph, rows));

    /// <summary>Quantises on the rows and runs the device engine on them (first output, dequantised).</summary>
    public static float[][] Int8(ModelGraph graph, float[][] rows)
    {
        var image = Quantizer.Quantize(graph, TensorRanges.Calibrate(graph, rows));
        var engine = new DeviceEngine(ModelReader.Read(EdgeModelWriter.Write(image)));
        return engine.RunAll(rows);
    }
}
