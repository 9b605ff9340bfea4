namespace Edge.Device.Model
{
    /// <summary>One tensor of the graph: its shape, quantisation and where it lives in its arena.</summary>
    public sealed class TensorInfo
    {
        public TensorInfo(string name, int type, int[] shape, float scale, int zeroPoint, int arenaOffset)
        {
            Name = name;
            Type = type;
            Shape = shape;
            Scale = scale;
            ZeroPoint = zeroPoint;
            ArenaOffset = arenaOffset;
            int count = 1;
            for (int i = 0; i < shape.Length; i++) count *= shape[i];
            ElementCount = count;
        }

        public string Name { get; private set; }

        /// <summary>A <see cref="TensorType"/> value.</summary>
        public int Type { get; private set; }

        public int[] Shape { get; private set; }

        public int ElementCount { get; private set; }

        /// <summary>real = Scale * (q - ZeroPoint) for int8 tensors; unused (1) for float keys.</summary>
        public float Scale { get; private set; }

        public int ZeroPoint { get; private set; }

        /// <summary>Element offset in the arena of this tensor's type.</summary>
        public int ArenaOffset { get; private set; }
    }
}
