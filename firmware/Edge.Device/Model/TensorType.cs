namespace Edge.Device.Model
{
    /// <summary>Element types of tensors in the arena.</summary>
    public static class TensorType
    {
        /// <summary>Affine int8: real = scale * (q - zeroPoint). Lives in the int8 arena.</summary>
        public const int Int8 = 1;

        /// <summary>
        /// float32 mapped to int32 by an order-preserving bijection (see <c>Inference.FloatKey</c>), so
        /// tree splits compare integers and still decide exactly as float32 does. Lives in the int32 arena.
        /// </summary>
        public const int Float32Key = 2;

        public static string Name(int type)
        {
            switch (type)
            {
                case Int8: return "int8";
                case Float32Key: return "f32key";
                default: return "type " + type.ToString();
            }
        }

        /// <summary>Bytes one element takes in its arena.</summary>
        public static int ElementSize(int type)
        {
            return type == Int8 ? 1 : 4;
        }
    }
}
