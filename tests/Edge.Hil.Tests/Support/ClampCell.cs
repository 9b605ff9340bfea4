using System.Security.Cryptography;
using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Hil.Inputs;
using Edge.Models.Format;
using Edge.Models.Graph;

namespace Edge.Hil.Tests.Support;

/// <summary>
/// A model small enough to work by hand, prepared for a cell without ONNX Runtime or the
/// converter: one Clamp op over n int8 values, input scale 1 (q = round(x), half away from
/// zero), output scale 1/2, so output i = round(x_i) / 2 for |x_i| &lt;= 127. Its arena is the
/// two n-byte tensors (2n bytes) and it carries no weights. The reference outputs are the
/// hand-worked ones, so a board that runs it right agrees with them exactly.
/// </summary>
public static class ClampCell
{
    public static byte[] Edgem(int n)
    {
        var image = new ModelImage();
        image.Tensors.Add(new TensorEntry("x", TensorType.Int8, [1, n], 1f, 0) { ArenaOffset = 0 });
        image.Tensors.Add(new TensorEntry("y", TensorType.Int8, [1, n], 0.5f, 0) { ArenaOffset = n });
        image.Inputs.Add(new InputEntry(0, 1, n, [1f], [0f]));
        image.Outputs.Add(1);
        image.Ops.Add(new OpEntry(OpCode.Clamp, "clip", [0], [1], [n, -128, 127]));
        image.Arena8Length = 2 * n;
        return EdgeModelWriter.Write(image);
    }

    /// <summary>The model's output for one input value, worked by hand.</summary>
    public static float Expected(float x) => (float)Math.Round(x, MidpointRounding.AwayFromZero) / 2;

    /// <summary>Rows of n values: row r holds r + 0.25·i (each row distinct, all within int8).</summary>
    public static float[][] Rows(int count, int n) =>
        Enumerable.Range(0, count).Select(r => Enumerable.Range(0, n).Select(i => (float)(r + 0.25 * i - 20)).ToArray()).ToArray();

    /// <summary>The clamp model over n values, with <paramref name="rows"/> accuracy rows and their hand-worked outputs as the reference.</summary>
    public static PreparedModel Prepare(int n = 8, int rows = 7, string name = "clamp", string folder = "/nonexistent/models")
    {
        byte[] bytes = Edgem(n);
        var input = Rows(rows, n);
        return new PreparedModel
        {
            Source = new ModelSource(name, Path.Combine(folder, name + ".onnx"), null),
            OnnxSha256 = new string('0', 64),
            Edgem = bytes,
            EdgemSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            EdgemPath = Path.Combine(folder, name + ".edgem"),
            Model = ModelReader.Read(bytes),
            Provenance = "given",
            Data = new DataChoice(Path.Combine(folder, "rows.csv"), $"f0..f{n - 1}"),
            DataSha256 = new string('1', 64),
            Rows = input,
            Labels = null,
            Reference = input.Select(r => r.Select(Expected).ToArray()).ToArray(),
            Input = new GraphInput("x", [1, n], new GraphTensor("x", [1, n]), n, 1),
        };
    }
}
