using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// ONNX GRU, forward, batch 1, zero initial state, default activations, over the input
    /// [steps][input size] (int8), with int8 weights per row and the state in Q15 (see
    /// <see cref="RecurrentCell"/>): per step, with gates in ONNX order z, r, h,
    /// z = σ(Wz·x + Rz·h + bz), r = σ(Wr·x + Rr·h + br), n = tanh(Wh·x + r⊙(Rh·h + Rbh) + Wbh)
    /// (linear_before_reset = 1) or tanh(Wh·x + Rh·(r⊙h) + Rbh + Wbh) (= 0), h = n + z⊙(h - n).
    /// The output is every step's h [steps][hidden] or the last one [hidden], requantised to int8.
    /// </summary>
    public static class GruInt8
    {
        public const int Steps = 0;
        public const int InputSize = 1;
        public const int Hidden = 2;
        public const int ReturnSequences = 3;
        public const int LinearBeforeReset = 4;
        public const int InputOffset = 5;            // -zp_in
        public const int WeightsAt = 6;              // [3·Hidden][InputSize] int8, gates z, r, h
        public const int RecurrentAt = 7;            // [3·Hidden][Hidden] int8
        public const int InputMultipliersAt = 8;     // 3·Hidden: s_in·s_w[row]·2^12
        public const int InputShiftsAt = 9;
        public const int RecurrentMultipliersAt = 10; // 3·Hidden: s_r[row]·2^12/2^15
        public const int RecurrentShiftsAt = 11;
        public const int InputBiasAt = 12;           // 3·Hidden, Q12 (Wb)
        public const int RecurrentBiasAt = 13;       // 3·Hidden, Q12 (Rb)
        public const int SigmoidTableAt = 14;
        public const int TanhTableAt = 15;
        public const int OutputMultiplier = 16;      // 2^-15/s_out
        public const int OutputShift = 17;
        public const int OutputZeroPoint = 18;
        public const int StateAt = 19;               // int32 arena: 3·Hidden (h, new h, r⊙h)
        public const int ParameterCount = 20;

        public static void Check(ModelCheck c)
        {
            int[] p = c.P;
            RecurrentCell.Check(c, 3, p[Steps], p[InputSize], p[Hidden], p[ReturnSequences], p[InputOffset], p[WeightsAt], p[RecurrentAt],
                p[InputMultipliersAt], p[InputShiftsAt], p[RecurrentMultipliersAt], p[RecurrentShiftsAt], p[SigmoidTableAt], p[TanhTableAt],
                p[OutputShift], p[OutputZeroPoint], p[StateAt], 3 * p[Hidden]);
            c.InRange(p[LinearBeforeReset], 0, 1, "linear-before-reset flag");
            c.Ints(p[InputBiasAt], 3 * p[Hidden], "input biases");
            c.Ints(p[RecurrentBiasAt], 3 * p[Hidden], "recurrent biases");
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32, int input, int output)
        {
            int steps = p[Steps];
            int size = p[InputSize];
            int hidden = p[Hidden];
            bool sequences = p[ReturnSequences] != 0;
            bool beforeReset = p[LinearBeforeReset] != 0;
            int h = p[StateAt];
            int next = h + hidden;
            int gated = next + hidden;
            int sigmoid = p[SigmoidTableAt];
            int tanh = p[TanhTableAt];
            for (int j = 0; j < hidden; j++) arena32[h + j] = 0;
            for (int t = 0; t < steps; t++)
            {
                int x = input + t * size;
                if (!beforeReset)
                {
                    // Rh acts on r⊙h: every r first.
                    for (int j = 0; j < hidden; j++)
                    {
                        int r = RecurrentCell.Lookup(ints, sigmoid, Gate(p, weights, ints, arena8, arena32, x, h, hidden + j, size, hidden));
                        arena32[gated + j] = RecurrentCell.MulQ15(r, arena32[h + j]);
                    }
                }
                for (int j = 0; j < hidden; j++)
                {
                    int z = RecurrentCell.Lookup(ints, sigmoid, Gate(p, weights, ints, arena8, arena32, x, h, j, size, hidden));
                    int row = 2 * hidden + j;
                    int fromInput = RecurrentCell.InputGate(weights, p[WeightsAt] + row * size, arena8, x, p[InputOffset], size,
                        ints[p[InputMultipliersAt] + row], ints[p[InputShiftsAt] + row]) + ints[p[InputBiasAt] + row];
                    int fromState;
                    if (beforeReset)
                    {
                        int r = RecurrentCell.Lookup(ints, sigmoid, Gate(p, weights, ints, arena8, arena32, x, h, hidden + j, size, hidden));
                        int linear = RecurrentCell.StateGate(weights, p[RecurrentAt] + row * hidden, arena32, h, hidden,
                            ints[p[RecurrentMultipliersAt] + row], ints[p[RecurrentShiftsAt] + row]) + ints[p[RecurrentBiasAt] + row];
                        fromState = RecurrentCell.MulQ15(r, linear);
                    }
                    else
                    {
                        fromState = RecurrentCell.StateGate(weights, p[RecurrentAt] + row * hidden, arena32, gated, hidden,
                            ints[p[RecurrentMultipliersAt] + row], ints[p[RecurrentShiftsAt] + row]) + ints[p[RecurrentBiasAt] + row];
                    }
                    int n = RecurrentCell.Lookup(ints, tanh, fromInput + fromState);
                    arena32[next + j] = n + RecurrentCell.MulQ15(z, arena32[h + j] - n);
                }
                for (int j = 0; j < hidden; j++)
                {
                    arena32[h + j] = arena32[next + j];
                    if (sequences) arena8[output + t * hidden + j] = RecurrentCell.Output(arena32[h + j], p[OutputMultiplier], p[OutputShift], p[OutputZeroPoint]);
                }
            }
            if (!sequences)
            {
                for (int j = 0; j < hidden; j++) arena8[output + j] = RecurrentCell.Output(arena32[h + j], p[OutputMultiplier], p[OutputShift], p[OutputZeroPoint]);
            }
        }

        /// <summary>The pre-activation of weight row <paramref name="row"/> (a z or r gate): input part + state part + both biases, Q12.</summary>
        [HotPath]
        private static int Gate(int[] p, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32, int x, int h, int row, int size, int hidden)
        {
            return RecurrentCell.InputGate(weights, p[WeightsAt] + row * size, arena8, x, p[InputOffset], size, ints[p[InputMultipliersAt] + row], ints[p[InputShiftsAt] + row])
                + RecurrentCell.StateGate(weights, p[RecurrentAt] + row * hidden, arena32, h, hidden, ints[p[RecurrentMultipliersAt] + row], ints[p[RecurrentShiftsAt] + row])
                + ints[p[InputBiasAt] + row] + ints[p[RecurrentBiasAt] + row];
        }
    }
}
