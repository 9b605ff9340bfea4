namespace Edge.Device.Model
{
    /// <summary>
    /// A model read from an .edgem file. It keeps its own copies of the constant sections, so the
    /// caller may drop the file buffer after <see cref="ModelReader.Read"/>.
    /// </summary>
    public sealed class EdgeModel
    {
        internal EdgeModel(byte[] id, int flags, string[] metadataKeys, string[] metadataValues, TensorInfo[] tensors,
            InputQuantizer[] inputs, int[] outputs, Operation[] operations, int arena8Length, int arena32Length,
            sbyte[] weights, int[] ints, byte[] driftProfile, int fileLength)
        {
            Id = id;
            Flags = flags;
            MetadataKeys = metadataKeys;
            MetadataValues = metadataValues;
            Tensors = tensors;
            Inputs = inputs;
            Outputs = outputs;
            Operations = operations;
            Arena8Length = arena8Length;
            Arena32Length = arena32Length;
            Weights = weights;
            Ints = ints;
            DriftProfile = driftProfile;
            FileLength = fileLength;
        }

        /// <summary>The model id: 8 bytes of the content hash the host wrote (see the format spec).</summary>
        public byte[] Id { get; private set; }

        public int Flags { get; private set; }

        public string[] MetadataKeys { get; private set; }

        public string[] MetadataValues { get; private set; }

        public TensorInfo[] Tensors { get; private set; }

        public InputQuantizer[] Inputs { get; private set; }

        /// <summary>Tensor indices of the graph outputs.</summary>
        public int[] Outputs { get; private set; }

        public Operation[] Operations { get; private set; }

        /// <summary>Elements of the int8 arena (activations).</summary>
        public int Arena8Length { get; private set; }

        /// <summary>Elements of the int32 arena (float keys, accumulators).</summary>
        public int Arena32Length { get; private set; }

        /// <summary>Arena bytes an interpreter allocates for this model.</summary>
        public int ArenaBytes { get { return Arena8Length + 4 * Arena32Length; } }

        public sbyte[] Weights { get; private set; }

        public int[] Ints { get; private set; }

        /// <summary>The drift reference profile carried by the file (EDGP bytes), or an empty array (also when read resident).</summary>
        public byte[] DriftProfile { get; private set; }

        /// <summary>Where the embedded drift profile sits in the file it was read from, and its length (0: none).</summary>
        public int DriftProfileAt { get; private set; }
        public int DriftProfileLength { get; private set; }

        internal void LocateDriftProfile(int at, int length)
        {
            DriftProfileAt = at;
            DriftProfileLength = length;
        }

        public int FileLength { get; private set; }

        /// <summary>Bytes the model keeps resident after loading (constants and tables, not the arena).</summary>
        public int ResidentBytes
        {
            get { return Weights.Length + 4 * Ints.Length + DriftProfile.Length; }
        }

        /// <summary>The model id as 16 lowercase hex digits.</summary>
        public string IdHex
        {
            get
            {
                const string digits = "0123456789abcdef";
                char[] chars = new char[Id.Length * 2];
                for (int i = 0; i < Id.Length; i++)
                {
                    chars[2 * i] = digits[Id[i] >> 4];
                    chars[2 * i + 1] = digits[Id[i] & 0xF];
                }
                return new string(chars);
            }
        }

        /// <summary>The metadata value for <paramref name="key"/>, or null.</summary>
        public string Metadata(string key)
        {
            for (int i = 0; i < MetadataKeys.Length; i++)
            {
                if (MetadataKeys[i] == key) return MetadataValues[i];
            }
            return null;
        }
    }
}
