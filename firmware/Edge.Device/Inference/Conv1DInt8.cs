using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// 1-D convolution, layout [channels][length] (ONNX NCL with batch 1), group 1, dilation 1, as
    /// TFLM's ConvPerChannel: out[o,t] = clamp(MBQM(bias[o] + Σ_{i,k} w[o,i,k]·(x[i, t·stride+k-pad] - zp_in), M[o], s[o]) + zp_out),
    /// where taps that fall in the padding contribute nothing (zero in real terms).
    /// </summary>
    public static class Conv1DInt8
    {
        public const int InChannels = 0;
        public const int InLength = 1;
        public const int OutChannels = 2;
        public const int OutLength = 3;
        public const int Kernel = 4;
        public const int Stride = 5;
        public const int PadBegin = 6;
        public const int WeightsAt = 7;      // [OutChannels][InChannels][Kernel] int8
        public const int BiasAt = 8;         // int32 data: OutChannels biases (scale in·w[o], zero point 0)
        public const int MultipliersAt = 9;
        public const int ShiftsAt = 10;
        public const int InputOffset = 11;   // -zp_in
        public const int OutputZeroPoint = 12;
        public const int ActivationMin = 13;
        public const int ActivationMax = 14;
        public const int ParameterCount = 15;

        public static void Check(ModelCheck c)
        {
            int[] p = c.P;
            c.Positive(p[InChannels], "input channels");
            c.Positive(p[InLength], "input length");
            c.Positive(p[OutChannels], "output channels");
            c.Positive(p[OutLength], "output length");
            c.Positive(p[Kernel], "kernel");
            c.Positive(p[Stride], "stride");
            c.InRange(p[PadBegin], 0, p[Kernel] - 1, "padding");
            TensorInfo input = c.Input(0, TensorType.Int8);
            TensorInfo output = c.Output(0, TensorType.Int8);
            c.Equal(input.ElementCount, p[InChannels] * p[InLength], "input elements");
            c.Equal(output.ElementCount, p[OutChannels] * p[OutLength], "output elements");
            c.Weights(p[WeightsAt], (long)p[OutChannels] * p[InChannels] * p[Kernel], "weights");
            c.Ints(p[BiasAt], p[OutChannels], "biases");
            c.Ints(p[MultipliersAt], p[OutChannels], "multipliers");
            c.Shifts(p[ShiftsAt], p[OutChannels]);
            c.InRange(p[InputOffset], -QuantMath.Int8Max, -QuantMath.Int8Min, "input offset");
            c.InRange(p[OutputZeroPoint], QuantMath.Int8Min, QuantMath.Int8Max, "output zero point");
            c.ActivationRange(p[ActivationMin], p[ActivationMax]);
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] weights, int[] ints, sbyte[] arena, int input, int output)
        {
            int inChannels = p[InChannels];
            int inLength = p[InLength];
            int outChannels = p[OutChannels];
            int outLength = p[OutLength];
            int kernel = p[Kernel];
            int stride = p[Stride];
            int pad = p[PadBegin];
            int weightsAt = p[WeightsAt];
            int inputOffset = p[InputOffset];
            int zeroPoint = p[OutputZeroPoint];
            int min = p[ActivationMin];
            int max = p[ActivationMax];
            // Σ w·(x + offset) = Σ w·x + offset·Σ w: the inner loop is a plain dot product
            // (DotProductInt8); the offset term uses the weights' sum over the taps that fall inside
            // the input (the whole kernel away from the edges). Integer sums wrap, so the
            // regrouping cannot change the result.
            int taps = inChannels * kernel;
            for (int o = 0; o < outChannels; o++)
            {
                int bias = ints[p[BiasAt] + o];
                int multiplier = ints[p[MultipliersAt] + o];
                int shift = ints[p[ShiftsAt] + o];
                int wo = weightsAt + o * taps;
                int kernelSum = 0;
                for (int j = wo; j < wo + taps; j++) kernelSum += weights[j];
                for (int t = 0; t < outLength; t++)
                {
                    int start = t * stride - pad;
                    // Clip the taps to the input once, instead of testing each tap.
                    int kFrom = start < 0 ? -start : 0;
                    int kTo = start + kernel > inLength ? inLength - start : kernel;
                    int span = kTo - kFrom;
                    int acc = bias;
                    int weightSum = 0;
                    for (int i = 0; i < inChannels; i++)
                    {
                        int w = wo + i * kernel + kFrom;
                        acc = DotProductInt8.Accumulate(acc, weights, w, arena, input + i * inLength + start + kFrom, span);
                        if (span != kernel)
                        {
                            for (int k = w; k < w + span; k++) weightSum += weights[k];
                        }
                    }
                    acc += inputOffset * (span == kernel ? kernelSum : weightSum);
                    acc = QuantMath.MultiplyByQuantizedMultiplier(acc, multiplier, shift) + zeroPoint;
                    arena[output + o * outLength + t] = (sbyte)QuantMath.Clamp(acc, min, max);
                }
            }
        }
    }
}
