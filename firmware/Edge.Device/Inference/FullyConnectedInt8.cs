using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// Fully connected (Gemm, MatMul+Add) with per-output-channel int8 weights, as TFLM's
    /// FullyConnectedPerChannel: out[r,c] = clamp(MBQM(bias[c] + Σ_d w[c,d]·(x[r,d] - zp_in), M[c], s[c]) + zp_out).
    /// The converter stores bias[c] - zp_in·Σ_d w[c,d] as the bias (CMSIS-NN's kernel sum), so the
    /// loop is a plain dot product; the int32 result is the same.
    /// </summary>
    public static class FullyConnectedInt8
    {
        // Parameters.
        public const int Rows = 0;           // rows of the input, each of InFeatures elements
        public const int InFeatures = 1;
        public const int OutFeatures = 2;
        public const int WeightsAt = 3;      // weights offset: [OutFeatures][InFeatures] int8
        public const int BiasAt = 4;         // int32 data offset: OutFeatures effective biases
        public const int MultipliersAt = 5;  // int32 data offset: OutFeatures multipliers
        public const int ShiftsAt = 6;       // int32 data offset: OutFeatures shifts
        public const int OutputZeroPoint = 7;
        public const int ActivationMin = 8;
        public const int ActivationMax = 9;
        public const int ParameterCount = 10;

        public static void Check(ModelCheck c)
        {
            int[] p = c.P;
            c.Positive(p[Rows], "rows");
            c.Positive(p[InFeatures], "input features");
            c.Positive(p[OutFeatures], "output features");
            TensorInfo input = c.Input(0, TensorType.Int8);
            TensorInfo output = c.Output(0, TensorType.Int8);
            c.Equal(input.ElementCount, p[Rows] * p[InFeatures], "input elements");
            c.Equal(output.ElementCount, p[Rows] * p[OutFeatures], "output elements");
            c.Weights(p[WeightsAt], (long)p[InFeatures] * p[OutFeatures], "weights");
            c.Ints(p[BiasAt], p[OutFeatures], "biases");
            c.Ints(p[MultipliersAt], p[OutFeatures], "multipliers");
            c.Shifts(p[ShiftsAt], p[OutFeatures]);
            c.InRange(p[OutputZeroPoint], QuantMath.Int8Min, QuantMath.Int8Max, "output zero point");
            c.ActivationRange(p[ActivationMin], p[ActivationMax]);
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
        {
            int rows = p[Rows];
            int depth = p[InFeatures];
            int channels = p[OutFeatures];
            int weightsAt = p[WeightsAt];
            int biasAt = p[BiasAt];
            int multipliersAt = p[MultipliersAt];
            int shiftsAt = p[ShiftsAt];
            int zeroPoint = p[OutputZeroPoint];
            int min = p[ActivationMin];
            int max = p[ActivationMax];
            for (int r = 0; r < rows; r++)
            {
                int x = input + r * depth;
                int y = output + r * channels;
                int w = weightsAt;
                for (int c = 0; c < channels; c++)
                {
                    int acc = DotProductInt8.Accumulate(ints[biasAt + c], weights, w, arena, x, depth);
                    w += depth;
                    acc = QuantMath.MultiplyByQuantizedMultiplier(acc, ints[multipliersAt + c], ints[shiftsAt + c]) + zeroPoint;
                    arena[y + c] = (sbyte)QuantMath.Clamp(acc, min, max);
                }
            }
        }
    }
}
