namespace Edge.Device.Model
{
    /// <summary>
    /// How a graph input is filled from float32 values. For an int8 input, each element is mapped
    /// q = clamp(round(x * A[c] + B[c]), -128, 127), where c is the element's channel: per-channel
    /// coefficients let the converter fold input normalisation (Sub/Div on constants) and
    /// per-feature scales into this one step. For a float-key input, values are taken bit for bit.
    /// </summary>
    public sealed class InputQuantizer
    {
        public InputQuantizer(int tensor, int channels, int innerSize, float[] a, float[] b)
        {
            Tensor = tensor;
            Channels = channels;
            InnerSize = innerSize;
            A = a;
            B = b;
        }

        /// <summary>Index of the input tensor.</summary>
        public int Tensor { get; private set; }

        /// <summary>Number of coefficient pairs; 1 means per-tensor, 0 means a float-key input.</summary>
        public int Channels { get; private set; }

        /// <summary>Elements that share one channel's coefficients, consecutive in memory.</summary>
        public int InnerSize { get; private set; }

        public float[] A { get; private set; }

        public float[] B { get; private set; }
    }
}
