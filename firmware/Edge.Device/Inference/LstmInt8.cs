using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// ONNX LSTM, forward, batch 1, zero initial state, no peepholes, default activations, over
    /// the input [steps][input size] (int8), with int8 weights per row and the hidden and cell
    /// state in Q15 (see <see cref="RecurrentCell"/>; the cell is int32 and may exceed 1): per step,
    /// gates in ONNX order i, o, f, c, i = σ(Wi·x + Ri·h + bi), o = σ(...), f = σ(...),
    /// g = tanh(...), c = f⊙c + i⊙g, h = o⊙tanh(c). The output is every step's h
    /// [steps][hidden] or the last one [hidden], requantised to int8.
    /// </summary>
    public static class LstmInt8
    {
        public const int Steps = 0;
        public const int InputSize = 1;
        public const int Hidden = 2;
        public const int ReturnSequences = 3;
        public const int InputOffset = 4;            // -zp_in
        public const int WeightsAt = 5;              // [4·Hidden][InputSize] int8, gates i, o, f, c
        public const int RecurrentAt = 6;            // [4·Hidden][Hidden] int8
        public const int InputMultipliersAt = 7;     // 4·Hidden: s_in·s_w[row]·2^12
        public const int InputShiftsAt = 8;
        public const int RecurrentMultipliersAt = 9; // 4·Hidden: s_r[row]·2^12/2^15
        public const int RecurrentShiftsAt = 10;
        public const int BiasAt = 11;                // 4·Hidden, Q12 (Wb + Rb)
        public const int SigmoidTableAt = 12;
        public const int TanhTableAt = 13;
        public const int OutputMultiplier = 14;      // 2^-15/s_out
        public const int OutputShift = 15;
        public const int OutputZeroPoint = 16;
        public const int StateAt = 17;               // int32 arena: 3·Hidden (h, new h, c)
        public const int ParameterCount = 18;

        public static void Check(ModelCheck c)
        {
            int[] p = c.P;
            RecurrentCell.Check(c, 4, p[Steps], p[InputSize], p[Hidden], p[ReturnSequences], p[InputOffset], p[WeightsAt], p[RecurrentAt],
                p[InputMultipliersAt], p[InputShiftsAt], p[RecurrentMultipliersAt], p[RecurrentShiftsAt], p[SigmoidTableAt], p[TanhTableAt],
                p[OutputShift], p[OutputZeroPoint], p[StateAt], 3 * p[Hidden]);
            c.Ints(p[BiasAt], 4 * p[Hidden], "biases");
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32, int input, int output)
        {
            int steps = p[Steps];
            int size = p[InputSize];
            int hidden = p[Hidden];
            bool sequences = p[ReturnSequences] != 0;
            int h = p[StateAt];
            int next = h + hidden;
            int cell = next + hidden;
            int sigmoid = p[SigmoidTableAt];
            int tanh = p[TanhTableAt];
            for (int j = 0; j < 2 * hidden; j++) arena32[h + j] = 0;
            for (int j = 0; j < hidden; j++) arena32[cell + j] = 0;
            for (int t = 0; t < steps; t++)
            {
                int x = input + t * size;
                for (int j = 0; j < hidden; j++)
                {
                    int i = RecurrentCell.Lookup(ints, sigmoid, Gate(p, weights, ints, arena8, arena32, x, h, j, size, hidden));
                    int o = RecurrentCell.Lookup(ints, sigmoid, Gate(p, weights, ints, arena8, arena32, x, h, hidden + j, size, hidden));
                    int f = RecurrentCell.Lookup(ints, sigmoid, Gate(p, weights, ints, arena8, arena32, x, h, 2 * hidden + j, size, hidden));
                    int g = RecurrentCell.Lookup(ints, tanh, Gate(p, weights, ints, arena8, arena32, x, h, 3 * hidden + j, size, hidden));
                    int c = RecurrentCell.MulQ15(f, arena32[cell + j]) + RecurrentCell.MulQ15(i, g);
                    arena32[cell + j] = c;
                    arena32[next + j] = RecurrentCell.MulQ15(o, RecurrentCell.Lookup(ints, tanh, QuantMath.RoundingDivideByPot(c, 3)));
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

        /// <summary>The pre-activation of weight row <paramref name="row"/>: input part + state part + bias, Q12.</summary>
        [HotPath]
        private static int Gate(int[] p, sbyte[] weights, int[] ints, sbyte[] arena8, int[] arena32, int x, int h, int row, int size, int hidden)
        {
            return RecurrentCell.InputGate(weights, p[WeightsAt] + row * size, arena8, x, p[InputOffset], size, ints[p[InputMultipliersAt] + row], ints[p[InputShiftsAt] + row])
                + RecurrentCell.StateGate(weights, p[RecurrentAt] + row * hidden, arena32, h, hidden, ints[p[RecurrentMultipliersAt] + row], ints[p[RecurrentShiftsAt] + row])
                + ints[p[BiasAt] + row];
        }
    }
}
