using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models.Graph;
using Edge.Models.Import;

namespace Edge.Models.Quantization.Lowering;

/// <summary>
/// Table ops. A function's output range is taken over every value the int8 input can hold (not
/// only calibrated ones), or fixed where TFLite fixes it (sigmoid 1/256 at -128, tanh 1/128 at 0);
/// softmax gets TFLite's fixed 1/256 at -128 and an exp table in Q15.
/// </summary>
internal static class TableLowering
{
    public static void Function(UnaryFunctionOp op, LoweringContext context)
    {
        var inputQ = context.Quantization(op.Inputs[0]);
        var values = new double[LookupTableInt8.TableLength];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = op.Apply(inputQ.Dequantize(i - 128));
            if (!double.IsFinite(values[i])) throw new ModelImportException($"op LookupTable '{op.Name}': {op.Function} is not finite at {inputQ.Dequantize(i - 128):G4}, inside the input's range");
        }
        var outputQ = FixedOutput(op) ?? AffineQuantization.FromRange(values.Min(), values.Max());
        context.AddTensor(op.Output, TensorType.Int8, outputQ);
        var p = new int[LookupTableInt8.ParameterCount];
        p[LookupTableInt8.Count] = op.Output.ElementCount;
        p[LookupTableInt8.TableAt] = context.Image.AddWeights(values.Select(v => (sbyte)outputQ.Quantize(v)));
        context.Image.Ops.Add(context.Op(OpCode.LookupTable, op, p));
    }

    /// <summary>TFLite's fixed output quantisation of sigmoid (1/256 at -128) and tanh (1/128 at 0), or null.</summary>
    public static AffineQuantization? FixedOutput(UnaryFunctionOp op) => op.Function switch
    {
        "sigmoid" => new AffineQuantization(1f / 256, -128),
        "tanh" => new AffineQuantization(1f / 128, 0),
        _ => null,
    };

    public static void Softmax(SoftmaxOp op, LoweringContext context)
    {
        if (op.Depth > SoftmaxInt8.MaxDepth) throw new ModelImportException($"op Softmax '{op.Name}': depth {op.Depth} exceeds {SoftmaxInt8.MaxDepth}");
        var inputQ = context.Quantization(op.Inputs[0]);
        context.AddTensor(op.Output, TensorType.Int8, new AffineQuantization(1f / 256, -128));
        var table = Enumerable.Range(0, SoftmaxInt8.TableLength)
            .Select(d => (int)Math.Round(Math.Exp(-d * (double)inputQ.Scale) * (1 << 15), MidpointRounding.AwayFromZero));
        var p = new int[SoftmaxInt8.ParameterCount];
        p[SoftmaxInt8.Rows] = op.Rows;
        p[SoftmaxInt8.Depth] = op.Depth;
        p[SoftmaxInt8.ExpTableAt] = context.Image.AddInts(table);
        context.Image.Ops.Add(context.Op(OpCode.Softmax, op, p));
    }
}
