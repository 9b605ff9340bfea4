using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// 1-D max pooling over [channels][length]; input and output share scale and zero point, so
    /// the maximum of the int8 values is the quantised maximum. Padding never wins (ONNX pads
    /// MaxPool with -infinity). Global max pooling is kernel = length.
    /// </summary>
    public static class MaxPool1DInt8
    {
        public const int Channels = 0;
        public const int InLength = 1;
        public const int OutLength = 2;
        public const int Kernel = 3;
        public const int Stride = 4;
        public const int PadBegin = 5;
        public const int ActivationMin = 6;
        public const int ActivationMax = 7;
        public const int ParameterCount = 8;

        public static void Check(ModelCheck c)
        {
            PoolGeometry.Check(c, c.P[Channels], c.P[InLength], c.P[OutLength], c.P[Kernel], c.P[Stride], c.P[PadBegin]);
            c.ActivationRange(c.P[ActivationMin], c.P[ActivationMax]);
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] arena, int input, int output)
        {
            int channels = p[Channels];
            int inLength = p[InLength];
            int outLength = p[OutLength];
            int kernel = p[Kernel];
            int stride = p[Stride];
            int pad = p[PadBegin];
            for (int ch = 0; ch < channels; ch++)
            {
                int x = input + ch * inLength;
                for (int t = 0; t < outLength; t++)
                {
                    int start = t * stride - pad;
                    int from = start < 0 ? 0 : start;
                    int to = start + kernel > inLength ? inLength : start + kernel;
                    int best = QuantMath.Int8Min;
                    for (int i = from; i < to; i++)
                    {
                        int v = arena[x + i];
                        if (v > best) best = v;
                    }
                    arena[output + ch * outLength + t] = (sbyte)QuantMath.Clamp(best, p[ActivationMin], p[ActivationMax]);
                }
            }
        }
    }
}
