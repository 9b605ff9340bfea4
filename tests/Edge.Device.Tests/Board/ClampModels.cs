using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models.Format;

namespace Edge.Device.Tests.Board;

/// <summary>
/// Models small enough to work by hand: one Clamp op over n int8 values, the input quantised with
/// scale 1 (q = round(x), half away from zero, saturating to int8), the output dequantised with
/// scale 1/2. So output i = round(x_i) / 2 for |x_i| &lt;= 127.5: an engine run whose every output is
/// known without running it.
/// </summary>
public static class ClampModels
{
    public const float OutputScale = 0.5f;

    /// <summary>A fresh interpreter over an n-in, n-out clamp model.</summary>
    public static Interpreter Of(int n)
    {
        var image = new ModelImage();
        image.Tensors.Add(new TensorEntry("x", TensorType.Int8, [1, n], 1f, 0) { ArenaOffset = 0 });
        image.Tensors.Add(new TensorEntry("y", TensorType.Int8, [1, n], OutputScale, 0) { ArenaOffset = n });
        image.Inputs.Add(new InputEntry(0, 1, n, [1f], [0f]));
        image.Outputs.Add(1);
        image.Ops.Add(new OpEntry(OpCode.Clamp, "clip", [0], [1], [n, -128, 127]));
        image.Arena8Length = 2 * n;
        return new Interpreter(ModelReader.Read(EdgeModelWriter.Write(image)));
    }

    /// <summary>The model's output for one input value, worked by hand: round half away from zero, then the output scale.</summary>
    public static float Expected(float x) => (float)Math.Round(x, MidpointRounding.AwayFromZero) * OutputScale;
}
