namespace Edge.Device.Model
{
    /// <summary>Section identifiers of the .edgem file. Numbers are part of the format: never reuse one.</summary>
    public static class SectionId
    {
        /// <summary>Metadata: key/value strings (producer, source model, input columns, ...).</summary>
        public const int Metadata = 1;

        /// <summary>Tensors: name, type, shape, quantisation parameters and arena placement.</summary>
        public const int Tensors = 2;

        /// <summary>Graph: arena sizes, inputs with their quantisers, outputs, and the operations in order.</summary>
        public const int Graph = 3;

        /// <summary>int8 weights, read in place by the kernels.</summary>
        public const int Weights = 4;

        /// <summary>int32 constants: biases, requantisation multipliers and shifts, tree nodes, tables.</summary>
        public const int Int32Data = 5;

        /// <summary>The drift reference profile (an opaque EDGP blob built by `edge drift profile`).</summary>
        public const int DriftProfile = 6;

        public static string Name(int id)
        {
            switch (id)
            {
                case Metadata: return "metadata";
                case Tensors: return "tensors";
                case Graph: return "graph";
                case Weights: return "weights";
                case Int32Data: return "int32-data";
                case DriftProfile: return "drift-profile";
                default: return "section " + id.ToString();
            }
        }
    }
}
