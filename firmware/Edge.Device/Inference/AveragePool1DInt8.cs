using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// 1-D average pooling over [channels][length], input and output sharing scale and zero point
    /// (TFLM's rule). The sum is divided with rounding half away from zero, as TFLM's AveragePool
    /// does. Taps in the padding are skipped and, unless CountIncludePad, not counted (ONNX's
    /// default). Global average pooling is kernel = length.
    /// </summary>
    public static class AveragePool1DInt8
    {
        public const int Channels = 0;
        public const int InLength = 1;
        public const int OutLength = 2;
        public const int Kernel = 3;
        public const int Stride = 4;
        public const int PadBegin = 5;
        public const int CountIncludePad = 6;  // 1: divide by the kernel size even at the edges
        public const int ActivationMin = 7;
        public const int ActivationMax = 8;
        public const int ParameterCount = 9;

        public static void Check(ModelCheck c)
        {
            PoolGeometry.Check(c, c.P[Channels], c.P[InLength], c.P[OutLength], c.P[Kernel], c.P[Stride], c.P[PadBegin]);
            c.InRange(c.P[CountIncludePad], 0, 1, "count-include-pad flag");
            c.ActivationRange(c.P[ActivationMin], c.P[ActivationMax]);
            // Padding counted as zero real value means counting zp_in; keeping it simple, the
            // converter only emits CountIncludePad without padding or with zp 0.
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
            bool includePad = p[CountIncludePad] != 0;
            for (int ch = 0; ch < channels; ch++)
            {
                int x = input + ch * inLength;
                for (int t = 0; t < outLength; t++)
                {
                    int start = t * stride - pad;
                    int from = start < 0 ? 0 : start;
                    int to = start + kernel > inLength ? inLength : start + kernel;
                    int sum = 0;
                    for (int i = from; i < to; i++) sum += arena[x + i];
                    int count = includePad ? kernel : to - from;
                    int avg = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
                    arena[output + ch * outLength + t] = (sbyte)QuantMath.Clamp(avg, p[ActivationMin], p[ActivationMax]);
                }
            }
        }
    }
}
