namespace Edge.Device.Model
{
    /// <summary>
    /// One step of the graph: an <see cref="OpCode"/>, its input and output tensors, and integer
    /// parameters whose meaning each kernel documents (offsets into the constant sections,
    /// requantisation values, geometry).
    /// </summary>
    public sealed class Operation
    {
        public Operation(int code, string name, int[] inputs, int[] outputs, int[] parameters)
        {
            Code = code;
            Name = name;
            Inputs = inputs;
            Outputs = outputs;
            Parameters = parameters;
        }

        public int Code { get; private set; }

        /// <summary>The source node's name, for messages and `edge model inspect`.</summary>
        public string Name { get; private set; }

        public int[] Inputs { get; private set; }

        public int[] Outputs { get; private set; }

        public int[] Parameters { get; private set; }
    }
}
