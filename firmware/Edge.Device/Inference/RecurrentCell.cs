using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// Fixed-point pieces shared by <see cref="GruInt8"/> and <see cref="LstmInt8"/>. The hidden
    /// (and cell) state is int32 in Q15 (1.0 = 32768), gate pre-activations are int32 in Q12,
    /// sigmoid and tanh come from 257-entry Q15 tables over [-8, 8] in steps of 1/16 with linear
    /// interpolation (the converter fills them; the largest table error is below 2e-4 for
    /// sigmoid and 4e-4 for tanh). Inputs are int8 with a zero point, weights int8 per row with
    /// their own scale; each matrix-vector product is rescaled into Q12 by a TFLM multiplier.
    /// </summary>
    public static class RecurrentCell
    {
        public const int TableLength = 257;
        public const int One = 1 << 15;

        /// <summary>Largest hidden size: keeps Σ 127·32768 over a row inside int32.</summary>
        public const int MaxHidden = 256;

        /// <summary>The table's value at a Q12 argument (clamped to [-8, 8)), linearly interpolated.</summary>
        [HotPath]
        public static int Lookup(int[] ints, int table, int q12)
        {
            int x = q12 + (8 << 12);
            if (x < 0) x = 0;
            if (x > (16 << 12) - 1) x = (16 << 12) - 1;
            int i = x >> 8;
            int f = x & 255;
            int a = ints[table + i];
            int b = ints[table + i + 1];
            return a + (((b - a) * f + 128) >> 8);
        }

        /// <summary>round(q15·x / 2^15), ties toward +infinity, in 64 bits (x may be any int32).</summary>
        [HotPath]
        public static int MulQ15(int q15, int x)
        {
            return (int)(((long)q15 * x + (1 << 14)) >> 15);
        }

        /// <summary>One row of the input weights against x (int8, offset -zp): Σ w·(x + offset), rescaled into Q12.</summary>
        [HotPath]
        public static int InputGate(sbyte[] weights, int w, sbyte[] arena, int x, int inputOffset, int size, int multiplier, int shift)
        {
            int acc = 0;
            int sum = 0;
            for (int k = 0; k < size; k++)
            {
                int weight = weights[w + k];
                acc += weight * arena[x + k];
                sum += weight;
            }
            return QuantMath.MultiplyByQuantizedMultiplier(acc + inputOffset * sum, multiplier, shift);
        }

        /// <summary>One row of the recurrent weights against a Q15 state vector, rescaled into Q12.</summary>
        [HotPath]
        public static int StateGate(sbyte[] weights, int w, int[] state, int h, int size, int multiplier, int shift)
        {
            int acc = 0;
            for (int k = 0; k < size; k++) acc += weights[w + k] * state[h + k];
            return QuantMath.MultiplyByQuantizedMultiplier(acc, multiplier, shift);
        }

        /// <summary>A Q15 state value requantised to the int8 output.</summary>
        [HotPath]
        public static sbyte Output(int q15, int multiplier, int shift, int zeroPoint)
        {
            return (sbyte)QuantMath.Clamp(QuantMath.MultiplyByQuantizedMultiplier(q15, multiplier, shift) + zeroPoint, QuantMath.Int8Min, QuantMath.Int8Max);
        }

        /// <summary>Load-time checks common to both cells; <paramref name="gates"/> rows of weights per hidden unit.</summary>
        public static void Check(ModelCheck c, int gates, int steps, int inputSize, int hidden, int returnSequences, int inputOffset,
            int weightsAt, int recurrentAt, int inputMultipliersAt, int inputShiftsAt, int recurrentMultipliersAt, int recurrentShiftsAt,
            int sigmoidAt, int tanhAt, int outputShift, int outputZeroPoint, int stateAt, int stateLength)
        {
            c.Positive(steps, "steps");
            c.Positive(inputSize, "input size");
            c.InRange(hidden, 1, MaxHidden, "hidden size");
            c.InRange(returnSequences, 0, 1, "return-sequences flag");
            c.InRange(inputOffset, -QuantMath.Int8Max, -QuantMath.Int8Min, "input offset");
            int rows = gates * hidden;
            c.Weights(weightsAt, (long)rows * inputSize, "input weights");
            c.Weights(recurrentAt, (long)rows * hidden, "recurrent weights");
            c.Ints(inputMultipliersAt, rows, "input multipliers");
            c.Shifts(inputShiftsAt, rows);
            c.Ints(recurrentMultipliersAt, rows, "recurrent multipliers");
            c.Shifts(recurrentShiftsAt, rows);
            Table(c, sigmoidAt, 0, "sigmoid table");
            Table(c, tanhAt, -One, "tanh table");
            c.InRange(outputShift, -31, 30, "output shift");
            c.InRange(outputZeroPoint, QuantMath.Int8Min, QuantMath.Int8Max, "output zero point");
            c.Arena32(stateAt, stateLength, "state");
            c.Equal(c.Input(0, TensorType.Int8).ElementCount, steps * inputSize, "input elements");
            c.Equal(c.Output(0, TensorType.Int8).ElementCount, returnSequences == 1 ? steps * hidden : hidden, "output elements");
        }

        private static void Table(ModelCheck c, int at, int min, string what)
        {
            c.Ints(at, TableLength, what);
            for (int i = 0; i < TableLength; i++) c.InRange(c.IntAt(at + i), min, One, what + " entry");
        }
    }
}
