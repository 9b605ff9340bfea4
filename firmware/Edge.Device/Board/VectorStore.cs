namespace Edge.Device.Board
{
    /// <summary>Input vectors kept for `infer` (MLPerf-style runs), as floats and as their IEEE-754 bits; sized when a model loads.</summary>
    public sealed class VectorStore
    {
        public VectorStore(int slots)
        {
            Slots = slots;
        }

        public int Slots { get; private set; }

        /// <summary>Elements per vector: the model's input length.</summary>
        public int Length;

        public float[] Floats = new float[0];
        public int[] Bits = new int[0];

        public void Resize(int length)
        {
            Length = length;
            Floats = new float[Slots * length];
            Bits = new int[Slots * length];
        }
    }
}
