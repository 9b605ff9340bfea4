using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// 2-D convolution over [channels][height][width] (ONNX NCHW with batch 1) with groups
    /// (depthwise: groups = channels), dilation, stride and padding, as TFLM's ConvPerChannel and
    /// DepthwiseConvPerChannel: out[o,y,x] = clamp(MBQM(bias[o] + Σ w[o,i,ky,kx]·(in[g·Cg+i, y·sh-pt+ky·dh, x·sw-pl+kx·dw] - zp_in), M[o], s[o]) + zp_out),
    /// g = o / (out channels / groups), Cg = in channels / groups; taps that fall in the padding
    /// contribute nothing (zero in real terms). A 1-D convolution with groups or dilation is the
    /// case height = 1. (Plain 1-D convolutions keep <see cref="Conv1DInt8"/>.)
    /// </summary>
    public static class Conv2DInt8
    {
        public const int InChannels = 0;
        public const int InHeight = 1;
        public const int InWidth = 2;
        public const int OutChannels = 3;
        public const int OutHeight = 4;
        public const int OutWidth = 5;
        public const int KernelHeight = 6;
        public const int KernelWidth = 7;
        public const int StrideHeight = 8;
        public const int StrideWidth = 9;
        public const int DilationHeight = 10;
        public const int DilationWidth = 11;
        public const int PadTop = 12;
        public const int PadLeft = 13;
        public const int Groups = 14;
        public const int WeightsAt = 15;     // [OutChannels][InChannels/Groups][KernelHeight][KernelWidth] int8
        public const int BiasAt = 16;        // int32 data: OutChannels biases (scale in·w[o])
        public const int MultipliersAt = 17;
        public const int ShiftsAt = 18;
        public const int InputOffset = 19;   // -zp_in
        public const int OutputZeroPoint = 20;
        public const int ActivationMin = 21;
        public const int ActivationMax = 22;
        public const int ParameterCount = 23;

        public static void Check(ModelCheck c)
        {
            int[] p = c.P;
            c.Positive(p[InChannels], "input channels");
            c.Positive(p[InHeight], "input height");
            c.Positive(p[InWidth], "input width");
            c.Positive(p[OutChannels], "output channels");
            c.Positive(p[OutHeight], "output height");
            c.Positive(p[OutWidth], "output width");
            c.Positive(p[KernelHeight], "kernel height");
            c.Positive(p[KernelWidth], "kernel width");
            c.Positive(p[StrideHeight], "stride height");
            c.Positive(p[StrideWidth], "stride width");
            c.Positive(p[DilationHeight], "dilation height");
            c.Positive(p[DilationWidth], "dilation width");
            c.Positive(p[Groups], "groups");
            c.Equal(p[InChannels] % p[Groups], 0, "input channels modulo groups");
            c.Equal(p[OutChannels] % p[Groups], 0, "output channels modulo groups");
            c.InRange(p[PadTop], 0, (p[KernelHeight] - 1) * p[DilationHeight], "top padding");
            c.InRange(p[PadLeft], 0, (p[KernelWidth] - 1) * p[DilationWidth], "left padding");
            TensorInfo input = c.Input(0, TensorType.Int8);
            TensorInfo output = c.Output(0, TensorType.Int8);
            c.Equal(input.ElementCount, p[InChannels] * p[InHeight] * p[InWidth], "input elements");
            c.Equal(output.ElementCount, p[OutChannels] * p[OutHeight] * p[OutWidth], "output elements");
            c.Weights(p[WeightsAt], (long)p[OutChannels] * (p[InChannels] / p[Groups]) * p[KernelHeight] * p[KernelWidth], "weights");
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
            int inHeight = p[InHeight];
            int inWidth = p[InWidth];
            int outChannels = p[OutChannels];
            int outHeight = p[OutHeight];
            int outWidth = p[OutWidth];
            int kernelHeight = p[KernelHeight];
            int kernelWidth = p[KernelWidth];
            int strideHeight = p[StrideHeight];
            int strideWidth = p[StrideWidth];
            int dilationHeight = p[DilationHeight];
            int dilationWidth = p[DilationWidth];
            int padTop = p[PadTop];
            int padLeft = p[PadLeft];
            int groupIn = p[InChannels] / p[Groups];
            int groupOut = outChannels / p[Groups];
            int inputOffset = p[InputOffset];
            int zeroPoint = p[OutputZeroPoint];
            int min = p[ActivationMin];
            int max = p[ActivationMax];
            int plane = inHeight * inWidth;
            int taps = groupIn * kernelHeight * kernelWidth;
            int y = output;
            for (int o = 0; o < outChannels; o++)
            {
                int bias = ints[p[BiasAt] + o];
                int multiplier = ints[p[MultipliersAt] + o];
                int shift = ints[p[ShiftsAt] + o];
                int firstChannel = input + (o / groupOut) * groupIn * plane;
                int wo = p[WeightsAt] + o * taps;
                for (int oy = 0; oy < outHeight; oy++)
                {
                    int top = oy * strideHeight - padTop;
                    for (int ox = 0; ox < outWidth; ox++)
                    {
                        int left = ox * strideWidth - padLeft;
                        int acc = bias;
                        int w = wo;
                        int x = firstChannel;
                        for (int i = 0; i < groupIn; i++)
                        {
                            for (int ky = 0; ky < kernelHeight; ky++)
                            {
                                int iy = top + ky * dilationHeight;
                                if (iy < 0 || iy >= inHeight)
                                {
                                    w += kernelWidth;
                                    continue;
                                }
                                int row = x + iy * inWidth;
                                for (int kx = 0; kx < kernelWidth; kx++)
                                {
                                    int ix = left + kx * dilationWidth;
                                    if (ix >= 0 && ix < inWidth) acc += weights[w] * (arena[row + ix] + inputOffset);
                                    w++;
                                }
                            }
                            x += plane;
                        }
                        acc = QuantMath.MultiplyByQuantizedMultiplier(acc, multiplier, shift) + zeroPoint;
                        arena[y++] = (sbyte)QuantMath.Clamp(acc, min, max);
                    }
                }
            }
        }
    }
}
