using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models.Graph;

namespace Edge.Models.Quantization.Lowering;

/// <summary>
/// GRU and LSTM for <see cref="GruInt8"/> / <see cref="LstmInt8"/>: int8 weights per row
/// (symmetric, like fully connected), each matrix-vector product rescaled into Q12 pre-activations,
/// biases in Q12, the state in Q15 in the int32 scratch, sigmoid and tanh as 257-entry Q15 tables
/// over [-8, 8]; the output h is requantised into its calibrated int8 quantisation.
/// </summary>
internal static class RecurrentLowering
{
    private const double Q12 = 1 << 12;
    private const double Q15 = 1 << 15;

    /// <summary>int32 scratch the cell needs while it runs: h, the next h, and r⊙h (GRU) or c (LSTM).</summary>
    public static int Scratch(RecurrentOp op) => 3 * op.Hidden;

    public static void Recurrent(RecurrentOp op, LoweringContext context)
    {
        var inputQ = context.Quantization(op.Inputs[0]);
        context.AddCalibrated(op.Output);
        var outputQ = context.Quantization(op.Output);
        int rows = op.Gates * op.Hidden;
        var (w, ws) = LinearLowering.PerChannel(op.W, rows, op.InputSize);
        var (r, rs) = LinearLowering.PerChannel(op.R, rows, op.Hidden);
        var inputMultipliers = new int[rows];
        var inputShifts = new int[rows];
        var stateMultipliers = new int[rows];
        var stateShifts = new int[rows];
        for (int k = 0; k < rows; k++)
        {
            (inputMultipliers[k], inputShifts[k]) = QuantizedMultiplier.From((double)inputQ.Scale * ws[k] * Q12);
            (stateMultipliers[k], stateShifts[k]) = QuantizedMultiplier.From(rs[k] * Q12 / Q15);
        }
        var image = context.Image;
        bool gru = op.Cell == RecurrentCellKind.Gru;
        var p = new int[gru ? GruInt8.ParameterCount : LstmInt8.ParameterCount];
        // The two kernels share parameters 0-3 and, shifted by GRU's linear-before-reset flag, the rest up to the biases.
        int shift = gru ? 1 : 0;
        p[GruInt8.Steps] = op.Steps;
        p[GruInt8.InputSize] = op.InputSize;
        p[GruInt8.Hidden] = op.Hidden;
        p[GruInt8.ReturnSequences] = op.ReturnSequences ? 1 : 0;
        if (gru) p[GruInt8.LinearBeforeReset] = op.LinearBeforeReset ? 1 : 0;
        p[LstmInt8.InputOffset + shift] = -inputQ.ZeroPoint;
        p[LstmInt8.WeightsAt + shift] = image.AddWeights(w);
        p[LstmInt8.RecurrentAt + shift] = image.AddWeights(r);
        p[LstmInt8.InputMultipliersAt + shift] = image.AddInts(inputMultipliers);
        p[LstmInt8.InputShiftsAt + shift] = image.AddInts(inputShifts);
        p[LstmInt8.RecurrentMultipliersAt + shift] = image.AddInts(stateMultipliers);
        p[LstmInt8.RecurrentShiftsAt + shift] = image.AddInts(stateShifts);
        var (outputMultiplier, outputShift) = QuantizedMultiplier.From(1 / (Q15 * outputQ.Scale));
        if (gru)
        {
            p[GruInt8.InputBiasAt] = image.AddInts(ToQ12(op.Wb, op));
            p[GruInt8.RecurrentBiasAt] = image.AddInts(ToQ12(op.Rb, op));
            p[GruInt8.SigmoidTableAt] = image.AddInts(Table(x => 1 / (1 + Math.Exp(-x))));
            p[GruInt8.TanhTableAt] = image.AddInts(Table(Math.Tanh));
            p[GruInt8.OutputMultiplier] = outputMultiplier;
            p[GruInt8.OutputShift] = outputShift;
            p[GruInt8.OutputZeroPoint] = outputQ.ZeroPoint;
        }
        else
        {
            p[LstmInt8.BiasAt] = image.AddInts(ToQ12(op.Wb.Zip(op.Rb, (a, b) => a + b).ToArray(), op));
            p[LstmInt8.SigmoidTableAt] = image.AddInts(Table(x => 1 / (1 + Math.Exp(-x))));
            p[LstmInt8.TanhTableAt] = image.AddInts(Table(Math.Tanh));
            p[LstmInt8.OutputMultiplier] = outputMultiplier;
            p[LstmInt8.OutputShift] = outputShift;
            p[LstmInt8.OutputZeroPoint] = outputQ.ZeroPoint;
        }
        image.Ops.Add(context.Op(gru ? OpCode.Gru : OpCode.Lstm, op, p));
    }

    /// <summary>Where the scratch goes once the planner has placed the arena.</summary>
    public static int StateParameter(int code) => code == OpCode.Gru ? GruInt8.StateAt : LstmInt8.StateAt;

    private static int[] ToQ12(double[] values, RecurrentOp op) => values.Select(v => LoweringContext.ToInt32(v * Q12, op, "bias")).ToArray();

    /// <summary>f at -8 + i/16 for i = 0..256, in Q15.</summary>
    private static int[] Table(Func<double, double> f) =>
        Enumerable.Range(0, RecurrentCell.TableLength).Select(i => (int)Math.Round(f(-8 + i / 16.0) * Q15, MidpointRounding.AwayFromZero)).ToArray();
}
