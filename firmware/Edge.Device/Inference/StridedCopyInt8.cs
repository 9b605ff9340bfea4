using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// Moves int8 values along strides, for Transpose, Slice (any step, negative too), Split,
    /// Gather with constant indices and each input of a Concat: over up to four loop counters
    /// i0..i3, out[OutputStart + Σ i_k·OutputStride_k] = f(in[InputStart + Σ i_k·InputStride_k]).
    /// f is the identity when Multiplier is 0 (same quantisation), else the requantisation
    /// clamp(MBQM(x - zp_in, M, shift) + zp_out), so that each piece of a Concat keeps its own
    /// scale until it lands in the output.
    /// </summary>
    public static class StridedCopyInt8
    {
        public const int Count0 = 0;          // loop extents, outermost first
        public const int Count1 = 1;
        public const int Count2 = 2;
        public const int Count3 = 3;
        public const int InputStart = 4;
        public const int InputStride0 = 5;
        public const int InputStride1 = 6;
        public const int InputStride2 = 7;
        public const int InputStride3 = 8;
        public const int OutputStart = 9;
        public const int OutputStride0 = 10;
        public const int OutputStride1 = 11;
        public const int OutputStride2 = 12;
        public const int OutputStride3 = 13;
        public const int InputOffset = 14;    // -zp_in (requantisation only)
        public const int Multiplier = 15;     // 0: copy the bytes
        public const int Shift = 16;
        public const int OutputZeroPoint = 17;
        public const int ParameterCount = 18;

        public static void Check(ModelCheck c)
        {
            int[] p = c.P;
            for (int k = 0; k < 4; k++) c.Positive(p[Count0 + k], "count " + k.ToString());
            TensorInfo input = c.Input(0, TensorType.Int8);
            TensorInfo output = c.Output(0, TensorType.Int8);
            Reach(c, p, InputStart, InputStride0, input.ElementCount, "input");
            Reach(c, p, OutputStart, OutputStride0, output.ElementCount, "output");
            if (p[Multiplier] == 0)
            {
                c.Equal(output.ZeroPoint, input.ZeroPoint, "output zero point (a plain copy keeps the quantisation)");
                return;
            }
            c.InRange(p[InputOffset], -QuantMath.Int8Max, -QuantMath.Int8Min, "input offset");
            c.InRange(p[Shift], -31, 30, "shift");
            c.InRange(p[OutputZeroPoint], QuantMath.Int8Min, QuantMath.Int8Max, "output zero point");
        }

        /// <summary>Every index the loops reach lies in [0, length).</summary>
        private static void Reach(ModelCheck c, int[] p, int start, int stride0, int length, string what)
        {
            long low = p[start];
            long high = p[start];
            for (int k = 0; k < 4; k++)
            {
                long span = (long)(p[Count0 + k] - 1) * p[stride0 + k];
                if (span < 0) low += span;
                else high += span;
            }
            if (low < 0 || high >= length)
                throw c.Fail(what + " indices [" + low.ToString() + ", " + high.ToString() + "] fall outside the " + what + " (" + length.ToString() + " elements)");
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] arena, int input, int output)
        {
            int c1 = p[Count1];
            int c2 = p[Count2];
            int c3 = p[Count3];
            int is3 = p[InputStride3];
            int os3 = p[OutputStride3];
            int multiplier = p[Multiplier];
            int shift = p[Shift];
            int inputOffset = p[InputOffset];
            int zeroPoint = p[OutputZeroPoint];
            for (int i0 = 0; i0 < p[Count0]; i0++)
            {
                for (int i1 = 0; i1 < c1; i1++)
                {
                    for (int i2 = 0; i2 < c2; i2++)
                    {
                        int x = input + p[InputStart] + i0 * p[InputStride0] + i1 * p[InputStride1] + i2 * p[InputStride2];
                        int y = output + p[OutputStart] + i0 * p[OutputStride0] + i1 * p[OutputStride1] + i2 * p[OutputStride2];
                        if (multiplier == 0)
                        {
                            for (int i3 = 0; i3 < c3; i3++) arena[y + i3 * os3] = arena[x + i3 * is3];
                            continue;
                        }
                        for (int i3 = 0; i3 < c3; i3++)
                        {
                            int v = QuantMath.MultiplyByQuantizedMultiplier(arena[x + i3 * is3] + inputOffset, multiplier, shift) + zeroPoint;
                            arena[y + i3 * os3] = (sbyte)QuantMath.Clamp(v, QuantMath.Int8Min, QuantMath.Int8Max);
                        }
                    }
                }
            }
        }
    }
}
