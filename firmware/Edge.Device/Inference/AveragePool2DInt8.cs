using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// 2-D average pooling over [channels][height][width], input and output sharing scale and zero
    /// point (TFLM's rule). The sum of the window's int8 values is divided with rounding half away
    /// from zero, as TFLM's AveragePool does. Taps in the padding are skipped and, unless
    /// CountIncludePad, not counted (ONNX's default); with CountIncludePad each counts as a real
    /// zero (the zero point), as ONNX's count_include_pad=1 and an explicit constant Pad ask.
    /// </summary>
    public static class AveragePool2DInt8
    {
        public const int Channels = Pool2DGeometry.Channels;
        public const int InHeight = Pool2DGeometry.InHeight;
        public const int InWidth = Pool2DGeometry.InWidth;
        public const int OutHeight = Pool2DGeometry.OutHeight;
        public const int OutWidth = Pool2DGeometry.OutWidth;
        public const int KernelHeight = Pool2DGeometry.KernelHeight;
        public const int KernelWidth = Pool2DGeometry.KernelWidth;
        public const int StrideHeight = Pool2DGeometry.StrideHeight;
        public const int StrideWidth = Pool2DGeometry.StrideWidth;
        public const int PadTop = Pool2DGeometry.PadTop;
        public const int PadLeft = Pool2DGeometry.PadLeft;
        public const int CountIncludePad = 11;  // 1: divide by the kernel area, padding counted as the zero point
        public const int ZeroPoint = 12;        // the input's (and output's) zero point
        public const int ActivationMin = 13;
        public const int ActivationMax = 14;
        public const int ParameterCount = 15;

        public static void Check(ModelCheck c)
        {
            Pool2DGeometry.Check(c);
            c.InRange(c.P[CountIncludePad], 0, 1, "count-include-pad flag");
            c.Equal(c.P[ZeroPoint], c.Input(0, TensorType.Int8).ZeroPoint, "zero point");
            c.ActivationRange(c.P[ActivationMin], c.P[ActivationMax]);
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] arena, int input, int output)
        {
            int channels = p[Channels];
            int inHeight = p[InHeight];
            int inWidth = p[InWidth];
            int outHeight = p[OutHeight];
            int outWidth = p[OutWidth];
            int kernelHeight = p[KernelHeight];
            int kernelWidth = p[KernelWidth];
            bool includePad = p[CountIncludePad] != 0;
            int zeroPoint = p[ZeroPoint];
            int y = output;
            for (int ch = 0; ch < channels; ch++)
            {
                int plane = input + ch * inHeight * inWidth;
                for (int oy = 0; oy < outHeight; oy++)
                {
                    int top = oy * p[StrideHeight] - p[PadTop];
                    int yFrom = top < 0 ? 0 : top;
                    int yTo = top + kernelHeight > inHeight ? inHeight : top + kernelHeight;
                    for (int ox = 0; ox < outWidth; ox++)
                    {
                        int left = ox * p[StrideWidth] - p[PadLeft];
                        int xFrom = left < 0 ? 0 : left;
                        int xTo = left + kernelWidth > inWidth ? inWidth : left + kernelWidth;
                        int sum = 0;
                        for (int iy = yFrom; iy < yTo; iy++)
                        {
                            int row = plane + iy * inWidth;
                            for (int ix = xFrom; ix < xTo; ix++) sum += arena[row + ix];
                        }
                        int count = (yTo - yFrom) * (xTo - xFrom);
                        if (includePad)
                        {
                            sum += zeroPoint * (kernelHeight * kernelWidth - count);
                            count = kernelHeight * kernelWidth;
                        }
                        int avg = sum > 0 ? (sum + count / 2) / count : (sum - count / 2) / count;
                        arena[y++] = (sbyte)QuantMath.Clamp(avg, p[ActivationMin], p[ActivationMax]);
                    }
                }
            }
        }
    }
}
