using Edge.Device.Inference;
using Edge.Device.Model;

namespace Edge.TestSupport.Native;

/// <summary>
/// Random cases of the op codes added after the first eleven (Conv2D with groups and dilation,
/// 2-D pools, Pad, StridedCopy, Reduce, PRelu, ArgMax, MatMul, GRU, LSTM), drawn as the others
/// are: geometry the load-time check accepts, everything else across its range and past it.
/// </summary>
public sealed partial record RandomKernelCase
{
    private static RandomKernelCase Conv2D(int seed, Draw g)
    {
        // Now and then a receptive field larger than the DSP path's column (group channels x kernel > 256).
        bool large = g.Chance(0.08);
        int groups = large ? 1 : g.Pick(1, 1, 2, 3, g.Int(1, 8));
        int groupIn = large ? g.Int(30, 40) : g.Pick(1, 1, 2, 3, g.Int(1, 6));
        bool depthwise = g.Chance(0.3);
        if (depthwise) groupIn = 1;
        int groupOut = depthwise ? g.Pick(1, 1, 2) : g.Pick(1, 2, 3, 4, 5, 8, 9, g.Int(1, 12));
        int inChannels = groups * groupIn, outChannels = groups * groupOut;
        int kh = large ? 3 : g.Pick(1, 1, 2, 3, g.Int(1, 5)), kw = large ? 3 : g.Pick(1, 3, 5, 9, g.Int(1, 12));
        int sh = g.Int(1, 3), sw = g.Int(1, 3), dh = g.Pick(1, 1, 2, g.Int(1, 3)), dw = g.Pick(1, 1, 2, 4, g.Int(1, 3));
        int ekh = (kh - 1) * dh + 1, ekw = (kw - 1) * dw + 1;
        int pt = g.Int(0, ekh - 1), pb = g.Int(0, ekh - 1), pl = g.Int(0, ekw - 1), pr = g.Int(0, ekw - 1);
        int inH = g.Chance(0.3) ? 1 : g.Int(Math.Max(1, ekh - pt - pb), ekh + 6);
        if (inH + pt + pb < ekh) pb = ekh - inH - pt;
        int inW = g.Int(Math.Max(1, ekw - pl - pr), ekw + 20);
        if (inW + pl + pr < ekw) pr = ekw - inW - pl;
        if (pb > ekh - 1 || pr > ekw - 1) return Conv2D(seed, g);
        int outH = (inH + pt + pb - ekh) / sh + 1, outW = (inW + pl + pr - ekw) / sw + 1;
        int taps = groupIn * kh * kw;
        // Small enough that 1,500 cases run in seconds on the managed kernel.
        if ((long)outChannels * outH * outW * taps > 60_000 || inChannels * inH * inW > 20_000) return Conv2D(seed, g);
        var (arena8, input, output) = g.Arena(inChannels * inH * inW, outChannels * outH * outW, allowOverlap: g.Chance(0.05));
        var weights = g.Weights(outChannels * taps + g.Int(0, 8), out int weightsAt, outChannels * taps);
        var ints = new List<int>();
        int biasAt = g.Pad(ints);
        ints.AddRange(Enumerable.Range(0, outChannels).Select(_ => g.Accumulator()));
        int multipliersAt = ints.Count;
        ints.AddRange(Enumerable.Range(0, outChannels).Select(_ => g.Multiplier()));
        int shiftsAt = ints.Count;
        ints.AddRange(Enumerable.Range(0, outChannels).Select(_ => g.Shift()));
        int inputOffset = g.Chance(0.85) ? g.Pick(-127, 128, 0, g.Int(-127, 128)) : g.Pick(129, -128, 1000, -40000, 32767, int.MinValue / 4);
        var (min, max) = g.ActivationRange();
        int[] p = [inChannels, inH, inW, outChannels, outH, outW, kh, kw, sh, sw, dh, dw, pt, pl, groups, weightsAt, biasAt, multipliersAt, shiftsAt,
            inputOffset, g.ZeroPoint(), min, max];
        return new RandomKernelCase(seed, new HarnessOp(OpCode.Conv2D, input, 0, output, p), weights, [.. ints], arena8, []);
    }

    private static RandomKernelCase Pool2D(int seed, Draw g, bool average)
    {
        int channels = g.Int(1, 5), kh = g.Int(1, 4), kw = g.Int(1, 6), sh = g.Int(1, 3), sw = g.Int(1, 4);
        int pt = g.Int(0, kh - 1), pl = g.Int(0, kw - 1), inH = g.Int(1, 10), inW = g.Int(1, 20);
        // Every window holds at least one real element: its start lies in [1 - kernel, in - 1].
        int outH = Math.Max(1, (inH - 1 + pt) / sh + 1), outW = Math.Max(1, (inW - 1 + pl) / sw + 1);
        var (arena8, input, output) = g.Arena(channels * inH * inW, channels * outH * outW, allowOverlap: g.Chance(0.05));
        var (min, max) = g.ActivationRange();
        int[] p = average
            ? [channels, inH, inW, outH, outW, kh, kw, sh, sw, pt, pl, g.Int(0, 1), g.ZeroPoint(), min, max]
            : [channels, inH, inW, outH, outW, kh, kw, sh, sw, pt, pl, min, max];
        return new RandomKernelCase(seed, new HarnessOp(average ? OpCode.AveragePool2D : OpCode.MaxPool2D, input, 0, output, p), [], [], arena8, []);
    }

    private static RandomKernelCase Pad(int seed, Draw g)
    {
        int mode = g.Int(PadInt8.ModeConstant, PadInt8.ModeEdge);
        var dims = new int[4];
        var begins = new int[4];
        var outs = new int[4];
        for (int a = 0; a < 4; a++)
        {
            dims[a] = g.Pick(1, 1, 2, g.Int(1, 8));
            // Reflect mirrors without the edge element: at most n - 1 on each side.
            int most = mode == PadInt8.ModeReflect ? Math.Min(3, dims[a] - 1) : 3;
            begins[a] = g.Int(0, most);
            outs[a] = dims[a] + begins[a] + g.Int(0, most);
        }
        int inCount = dims.Aggregate(1, (x, y) => x * y), outCount = outs.Aggregate(1, (x, y) => x * y);
        var (arena8, input, output) = g.Arena(inCount, outCount, allowOverlap: false);
        int[] p = [.. dims, .. begins, .. outs, mode, g.Int8()];
        return new RandomKernelCase(seed, new HarnessOp(OpCode.Pad, input, 0, output, p), [], [], arena8, []);
    }

    private static RandomKernelCase StridedCopy(int seed, Draw g)
    {
        // A transpose of a dense [d0][d1][d2][d3] tensor, maybe with one axis reversed and a
        // window of it (Slice), written densely; now and then requantised.
        var dims = Enumerable.Range(0, 4).Select(_ => g.Pick(1, 2, 3, g.Int(1, 7))).ToArray();
        var strides = new int[4];
        strides[3] = 1;
        for (int a = 2; a >= 0; a--) strides[a] = strides[a + 1] * dims[a + 1];
        var perm = Enumerable.Range(0, 4).OrderBy(_ => g.Random.Next()).ToArray();
        var counts = perm.Select(a => dims[a]).ToArray();
        var inStrides = perm.Select(a => strides[a]).ToArray();
        int inStart = 0;
        int reversed = g.Int(-1, 3);
        if (reversed >= 0)
        {
            inStart += (counts[reversed] - 1) * inStrides[reversed];
            inStrides[reversed] = -inStrides[reversed];
        }
        int inCount = dims.Aggregate(1, (x, y) => x * y);
        var outStrides = new int[4];
        outStrides[3] = 1;
        for (int a = 2; a >= 0; a--) outStrides[a] = outStrides[a + 1] * counts[a + 1];
        var (arena8, input, output) = g.Arena(inCount, inCount, allowOverlap: g.Chance(0.05));
        bool requantise = g.Chance(0.4);
        int[] p = [.. counts, inStart, .. inStrides, 0, .. outStrides, -g.ZeroPoint(), requantise ? g.Multiplier() : 0, g.Shift(), g.ZeroPoint()];
        if (requantise && p[StridedCopyInt8.Multiplier] == 0) p[StridedCopyInt8.Multiplier] = 1 << 30;
        return new RandomKernelCase(seed, new HarnessOp(OpCode.StridedCopy, input, 0, output, p), [], [], arena8, []);
    }

    private static RandomKernelCase Reduce(int seed, Draw g)
    {
        int outer = g.Int(1, 4), n = g.Pick(1, 2, 64, g.Int(1, 30)), inner = g.Pick(1, 1, g.Int(1, 6));
        var (arena8, input, output) = g.Arena(outer * n * inner, outer * inner, allowOverlap: g.Chance(0.05));
        var (min, max) = g.ActivationRange();
        int[] p = [outer, n, inner, g.Int(ReduceInt8.ModeSum, ReduceInt8.ModeMax), -g.ZeroPoint(), g.Multiplier(), g.Int(-31, 30), g.ZeroPoint(), min, max];
        return new RandomKernelCase(seed, new HarnessOp(OpCode.Reduce, input, 0, output, p), [], [], arena8, []);
    }

    private static RandomKernelCase PRelu(int seed, Draw g)
    {
        int outer = g.Int(1, 3), channels = g.Pick(1, g.Int(1, 8)), inner = g.Int(1, 12);
        int count = outer * channels * inner;
        var (arena8, input, output) = g.Arena(count, count, allowOverlap: g.Chance(0.3));
        var weights = g.Weights(channels + g.Int(0, 4), out int alphaAt, channels);
        var ints = new List<int>();
        int multipliersAt = g.Pad(ints);
        ints.AddRange(Enumerable.Range(0, channels).Select(_ => g.Multiplier()));
        int shiftsAt = ints.Count;
        ints.AddRange(Enumerable.Range(0, channels).Select(_ => g.Shift()));
        var (min, max) = g.ActivationRange();
        int[] p = [outer, channels, inner, -g.ZeroPoint(), g.Multiplier(), g.Int(-31, 30), alphaAt, multipliersAt, shiftsAt, g.ZeroPoint(), min, max];
        return new RandomKernelCase(seed, new HarnessOp(OpCode.PRelu, input, 0, output, p), weights, [.. ints], arena8, []);
    }

    private static RandomKernelCase ArgMax(int seed, Draw g)
    {
        int outer = g.Int(1, 3), depth = g.Pick(1, 2, 3, g.Int(1, 40)), inner = g.Pick(1, 1, g.Int(1, 5));
        var (arena8, input, output) = g.Arena(outer * depth * inner, outer * inner, allowOverlap: g.Chance(0.1));
        // Ties are common in int8: a few rows of equal values test first against last index.
        if (g.Chance(0.3))
        {
            sbyte v = g.Int8();
            for (int i = 0; i < outer * depth * inner; i++) if (g.Chance(0.5)) arena8[input + i] = v;
        }
        return new RandomKernelCase(seed, new HarnessOp(OpCode.ArgMax, input, 0, output, [outer, depth, inner, g.Int(0, 1)]), [], [], arena8, []);
    }

    private static RandomKernelCase MatMul(int seed, Draw g)
    {
        int batches = g.Int(1, 3), rows = g.Int(1, 6), depth = g.Chance(0.06) ? g.Int(257, 300) : g.Pick(1, 3, 4, 8, 17, g.Int(1, 64)), columns = g.Int(1, 7);
        int aCount = batches * rows * depth, bCount = batches * depth * columns, yCount = batches * rows * columns;
        var parts = new[] { aCount, bCount, yCount };
        var order = new[] { 0, 1, 2 }.OrderBy(_ => g.Random.Next()).ToArray();
        var at = new int[3];
        int length = g.Int(0, 5);
        foreach (int k in order)
        {
            at[k] = length;
            length += parts[k] + g.Int(0, 5);
        }
        // Now and then the output on top of an operand (the managed order of reads and writes decides).
        if (g.Chance(0.05)) at[2] = g.Chance(0.5) ? at[0] : at[1];
        length = Math.Max(length, at[2] + yCount);
        var arena8 = Enumerable.Range(0, length).Select(_ => g.Int8()).ToArray();
        var (min, max) = g.ActivationRange();
        int[] p = [batches, rows, depth, columns, -g.ZeroPoint(), -g.ZeroPoint(), g.Multiplier(), g.Int(-31, 30), g.ZeroPoint(), min, max];
        return new RandomKernelCase(seed, new HarnessOp(OpCode.MatMul, at[0], at[1], at[2], p), [], [], arena8, []);
    }

    private static RandomKernelCase Recurrent(int seed, Draw g, bool gru)
    {
        int gates = gru ? 3 : 4;
        int steps = g.Int(1, 5), size = g.Pick(1, 3, 8, g.Int(1, 20)), hidden = g.Pick(1, 4, 5, 8, g.Int(1, 24), g.Chance(0.1) ? g.Int(60, 80) : 3);
        bool sequences = g.Chance(0.5);
        int rows = gates * hidden;
        var (arena8, input, output) = g.Arena(steps * size, sequences ? steps * hidden : hidden, allowOverlap: g.Chance(0.05));
        var weights = g.Weights(rows * size + rows * hidden + g.Int(0, 8), out int weightsAt, rows * size + rows * hidden);
        int recurrentAt = weightsAt + rows * size;
        var ints = new List<int>();
        int inputMultipliersAt = g.Pad(ints);
        ints.AddRange(Enumerable.Range(0, rows).Select(_ => g.Multiplier()));
        int inputShiftsAt = ints.Count;
        ints.AddRange(Enumerable.Range(0, rows).Select(_ => g.Chance(0.8) ? g.Int(-12, 2) : g.Shift()));
        int recurrentMultipliersAt = ints.Count;
        ints.AddRange(Enumerable.Range(0, rows).Select(_ => g.Multiplier()));
        int recurrentShiftsAt = ints.Count;
        ints.AddRange(Enumerable.Range(0, rows).Select(_ => g.Chance(0.8) ? g.Int(-16, -2) : g.Shift()));
        int biasAt = ints.Count;
        ints.AddRange(Enumerable.Range(0, rows).Select(_ => g.Int(-(1 << 15), 1 << 15)));
        int recurrentBiasAt = ints.Count;
        ints.AddRange(Enumerable.Range(0, rows).Select(_ => g.Int(-(1 << 15), 1 << 15)));
        // Tables as the converter fills them (Q15 over [-8, 8] in steps of 1/16), reaching +1.0 (32768) at the top.
        int sigmoidAt = ints.Count;
        ints.AddRange(Enumerable.Range(0, RecurrentCell.TableLength).Select(i => Table(1 / (1 + Math.Exp(-(i - 128) / 16.0)), g)));
        int tanhAt = ints.Count;
        ints.AddRange(Enumerable.Range(0, RecurrentCell.TableLength).Select(i => Table(Math.Tanh((i - 128) / 16.0), g)));
        int stateAt = g.Int(0, 5);
        var arena32 = Enumerable.Range(0, stateAt + 3 * hidden + g.Int(0, 5)).Select(_ => g.Random.Next(int.MinValue, int.MaxValue)).ToArray();
        int inputOffset = -g.ZeroPoint(), outputMultiplier = g.Multiplier(), outputShift = g.Chance(0.8) ? g.Int(-10, -6) : g.Shift(), zeroPoint = g.ZeroPoint();
        int[] p = gru
            ? [steps, size, hidden, sequences ? 1 : 0, g.Int(0, 1), inputOffset, weightsAt, recurrentAt, inputMultipliersAt, inputShiftsAt,
                recurrentMultipliersAt, recurrentShiftsAt, biasAt, recurrentBiasAt, sigmoidAt, tanhAt, outputMultiplier, outputShift, zeroPoint, stateAt]
            : [steps, size, hidden, sequences ? 1 : 0, inputOffset, weightsAt, recurrentAt, inputMultipliersAt, inputShiftsAt,
                recurrentMultipliersAt, recurrentShiftsAt, biasAt, sigmoidAt, tanhAt, outputMultiplier, outputShift, zeroPoint, stateAt];
        return new RandomKernelCase(seed, new HarnessOp(gru ? OpCode.Gru : OpCode.Lstm, input, 0, output, p), weights, [.. ints], arena8, arena32);
    }

    /// <summary>A table entry: the function in Q15, now and then off by a little (the tables are data).</summary>
    private static int Table(double value, Draw g)
    {
        int q = (int)Math.Round(value * RecurrentCell.One);
        if (g.Chance(0.05)) q += g.Int(-300, 300);
        return Math.Clamp(q, -RecurrentCell.One, RecurrentCell.One);
    }
}
