using System;
using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// Runs an <see cref="EdgeModel"/>: allocates its arena once, then each <see cref="Invoke"/>
    /// walks the operations in order without allocating, each through the chosen
    /// <see cref="Int8Kernels"/> (native where the firmware has them, else managed). Inputs are
    /// written and outputs read through the boundary methods (float in and out, or raw int8 /
    /// float32 bits).
    /// </summary>
    public sealed class Interpreter
    {
        private readonly sbyte[] _arena8;
        private readonly int[] _arena32;
        private readonly sbyte[] _weights;
        private readonly int[] _ints;
        private readonly Int8Kernels _kernels;

        // Per operation, flattened so the hot loop reads arrays only.
        private readonly int[] _codes;
        private readonly int[][] _parameters;
        private readonly int[] _input0;
        private readonly int[] _input1;
        private readonly int[] _output;

        // For kernels that run ops in one call: per op, the flattened run of ops that starts there
        // (null where none starts) and the index after its last op.
        private readonly int[][] _runGraph;
        private readonly int[] _runEnd;

        // Per graph input and output.
        private readonly int[] _inputAt;
        private readonly int[] _inputCount;
        private readonly int[] _inputType;
        private readonly int[] _inputInner;
        private readonly float[][] _inputA;
        private readonly float[][] _inputB;
        private readonly int[] _outputAt;
        private readonly int[] _outputCount;
        private readonly float[] _outputScale;
        private readonly int[] _outputZeroPoint;

        public Interpreter(EdgeModel model) : this(model, 0)
        {
        }

        /// <summary>Allocates the arena; with a positive <paramref name="arenaBudgetBytes"/>, refuses a model that needs more.</summary>
        public Interpreter(EdgeModel model, int arenaBudgetBytes) : this(model, arenaBudgetBytes, Int8Kernels.Default)
        {
        }

        /// <summary>As above, running <paramref name="kernels"/> (<see cref="Int8Kernels.Reference"/>, or the native set).</summary>
        public Interpreter(EdgeModel model, int arenaBudgetBytes, Int8Kernels kernels)
        {
            if (model == null) throw new ArgumentNullException("model");
            if (kernels == null) throw new ArgumentNullException("kernels");
            if (arenaBudgetBytes > 0 && model.ArenaBytes > arenaBudgetBytes) throw new ArenaBudgetException(model.ArenaBytes, arenaBudgetBytes);
            Model = model;
            _kernels = kernels;
            _arena8 = new sbyte[model.Arena8Length];
            _arena32 = new int[model.Arena32Length];
            _weights = model.Weights;
            _ints = model.Ints;

            Operation[] ops = model.Operations;
            _codes = new int[ops.Length];
            _parameters = new int[ops.Length][];
            _input0 = new int[ops.Length];
            _input1 = new int[ops.Length];
            _output = new int[ops.Length];
            for (int i = 0; i < ops.Length; i++)
            {
                _codes[i] = ops[i].Code;
                _parameters[i] = ops[i].Parameters;
                _input0[i] = model.Tensors[ops[i].Inputs[0]].ArenaOffset;
                _input1[i] = ops[i].Inputs.Length > 1 ? model.Tensors[ops[i].Inputs[1]].ArenaOffset : 0;
                _output[i] = model.Tensors[ops[i].Outputs[0]].ArenaOffset;
            }

            _runGraph = new int[ops.Length][];
            _runEnd = new int[ops.Length];
            if (kernels.InvokesGraphs) FlattenRuns(ops, kernels);

            InputQuantizer[] inputs = model.Inputs;
            _inputAt = new int[inputs.Length];
            _inputCount = new int[inputs.Length];
            _inputType = new int[inputs.Length];
            _inputInner = new int[inputs.Length];
            _inputA = new float[inputs.Length][];
            _inputB = new float[inputs.Length][];
            for (int i = 0; i < inputs.Length; i++)
            {
                TensorInfo t = model.Tensors[inputs[i].Tensor];
                _inputAt[i] = t.ArenaOffset;
                _inputCount[i] = t.ElementCount;
                _inputType[i] = t.Type;
                _inputInner[i] = inputs[i].InnerSize;
                _inputA[i] = inputs[i].A;
                _inputB[i] = inputs[i].B;
            }

            _outputAt = new int[model.Outputs.Length];
            _outputCount = new int[model.Outputs.Length];
            _outputScale = new float[model.Outputs.Length];
            _outputZeroPoint = new int[model.Outputs.Length];
            for (int i = 0; i < model.Outputs.Length; i++)
            {
                TensorInfo t = model.Tensors[model.Outputs[i]];
                if (t.Type != TensorType.Int8) throw new NotSupportedException("output '" + t.Name + "' is not int8");
                _outputAt[i] = t.ArenaOffset;
                _outputCount[i] = t.ElementCount;
                _outputScale[i] = t.Scale;
                _outputZeroPoint[i] = t.ZeroPoint;
            }
        }

        public EdgeModel Model { get; private set; }

        /// <summary>The kernels this interpreter runs.</summary>
        public Int8Kernels Kernels { get { return _kernels; } }

        /// <summary>Elements of graph input <paramref name="input"/>.</summary>
        public int InputLength(int input)
        {
            return _inputCount[input];
        }

        public int OutputLength(int output)
        {
            return _outputCount[output];
        }

        /// <summary>
        /// Elements of every graph input together: a row (a stored vector, a link vector) holds the
        /// inputs one after another in the model's input order (<see cref="SetInputs"/>).
        /// </summary>
        public int InputsLength
        {
            get
            {
                int total = 0;
                for (int i = 0; i < _inputCount.Length; i++) total += _inputCount[i];
                return total;
            }
        }

        /// <summary>Values of every graph output together, in output order (<see cref="GetOutputs"/>).</summary>
        public int OutputsLength
        {
            get
            {
                int total = 0;
                for (int i = 0; i < _outputCount.Length; i++) total += _outputCount[i];
                return total;
            }
        }

        /// <summary>Operations in the graph.</summary>
        public int OperationCount { get { return _codes.Length; } }

        /// <summary>Runs every operation once on the current inputs.</summary>
        [HotPath]
        public void Invoke()
        {
            Run(0, _codes.Length);
        }

        /// <summary>
        /// Runs operations [<paramref name="from"/>, <paramref name="to"/>) in order (the host's
        /// per-layer report reads each op's output after it ran). A run of ops the kernels take in
        /// one call is used when it lies wholly inside the range; otherwise its ops run one by one
        /// through the same kernels.
        /// </summary>
        [HotPath]
        public void Run(int from, int to)
        {
            sbyte[] a8 = _arena8;
            int[] a32 = _arena32;
            int i = from;
            while (i < to)
            {
                int[] graph = _runGraph[i];
                if (graph != null && _runEnd[i] <= to)
                {
                    _kernels.Invoke(graph, _weights, _ints, a8, a32);
                    i = _runEnd[i];
                    continue;
                }
                _kernels.Run(_codes[i], _parameters[i], _weights, _ints, a8, a32, _input0[i], _input1[i], _output[i]);
                i++;
            }
        }

        /// <summary>
        /// Flattens each maximal run of ops the kernels invoke in one call as
        /// <see cref="Int8Kernels.Invoke"/> takes it: count, then code, input 0, input 1, output,
        /// parameter count, parameters of each.
        /// </summary>
        private void FlattenRuns(Operation[] ops, Int8Kernels kernels)
        {
            int start = 0;
            while (start < ops.Length)
            {
                if (!kernels.InvokesInGraph(_codes[start]))
                {
                    start++;
                    continue;
                }
                int end = start;
                int length = 1;
                while (end < ops.Length && kernels.InvokesInGraph(_codes[end]))
                {
                    length += 5 + _parameters[end].Length;
                    end++;
                }
                int[] graph = new int[length];
                graph[0] = end - start;
                int at = 1;
                for (int i = start; i < end; i++)
                {
                    graph[at] = _codes[i];
                    graph[at + 1] = _input0[i];
                    graph[at + 2] = _input1[i];
                    graph[at + 3] = _output[i];
                    graph[at + 4] = _parameters[i].Length;
                    Array.Copy(_parameters[i], 0, graph, at + 5, _parameters[i].Length);
                    at += 5 + _parameters[i].Length;
                }
                _runGraph[start] = graph;
                _runEnd[start] = end;
                start = end;
            }
        }

        /// <summary>
        /// Quantises float values into an int8 input: q = clamp(round(x·A[c] + B[c])), rounding half
        /// away from zero, c = element / InnerSize. The float boundary of the board (FPU on F4/F7).
        /// </summary>
        [NoAlloc]
        public void SetInput(int input, float[] values, int offset)
        {
            if (_inputType[input] != TensorType.Int8) throw new InvalidOperationException("this input takes float32 bits: use SetInputFloat32Bits");
            sbyte[] arena = _arena8;
            int at = _inputAt[input];
            int count = _inputCount[input];
            int inner = _inputInner[input];
            float[] a = _inputA[input];
            float[] b = _inputB[input];
            for (int i = 0; i < count; i++)
            {
                int c = i / inner;
                float v = values[offset + i] * a[c] + b[c];
                arena[at + i] = (sbyte)RoundToInt8(v);
            }
        }

        /// <summary>Writes already-quantised int8 values into an int8 input.</summary>
        [HotPath]
        public void SetInputInt8(int input, sbyte[] values, int offset)
        {
            if (_inputType[input] != TensorType.Int8) throw new InvalidOperationException("this input takes float32 bits: use SetInputFloat32Bits");
            Array.Copy(values, offset, _arena8, _inputAt[input], _inputCount[input]);
        }

        /// <summary>
        /// Writes float32 values, given as their IEEE-754 bit patterns (as they arrive in a frame),
        /// into a float-key input. Integer only: no floating point on the board for tree models.
        /// </summary>
        [HotPath]
        public void SetInputFloat32Bits(int input, int[] bits, int offset)
        {
            if (_inputType[input] != TensorType.Float32Key) throw new InvalidOperationException("this input is int8: use SetInput or SetInputInt8");
            int[] arena = _arena32;
            int at = _inputAt[input];
            int count = _inputCount[input];
            for (int i = 0; i < count; i++) arena[at + i] = FloatKey.FromBits(bits[offset + i]);
        }

        /// <summary>
        /// Fills every graph input from one row that holds them one after another in input order:
        /// int8 inputs from <paramref name="values"/> (<see cref="SetInput"/>), float-key inputs from
        /// the same positions of <paramref name="bits"/> (<see cref="SetInputFloat32Bits"/>). The
        /// board keeps both forms of a row; a model with one input reads exactly what it read before.
        /// </summary>
        [NoAlloc]
        public void SetInputs(float[] values, int[] bits, int offset)
        {
            int at = offset;
            for (int i = 0; i < _inputCount.Length; i++)
            {
                if (_inputType[i] == TensorType.Float32Key) SetInputFloat32Bits(i, bits, at);
                else SetInput(i, values, at);
                at += _inputCount[i];
            }
        }

        /// <summary>Dequantises every output into <paramref name="destination"/>, one after another in output order.</summary>
        [NoAlloc]
        public void GetOutputs(float[] destination, int offset)
        {
            int at = offset;
            for (int i = 0; i < _outputCount.Length; i++)
            {
                GetOutput(i, destination, at);
                at += _outputCount[i];
            }
        }

        /// <summary>Dequantises an output: real = scale · (q - zero point).</summary>
        [NoAlloc]
        public void GetOutput(int output, float[] destination, int offset)
        {
            sbyte[] arena = _arena8;
            int at = _outputAt[output];
            int count = _outputCount[output];
            float scale = _outputScale[output];
            int zeroPoint = _outputZeroPoint[output];
            for (int i = 0; i < count; i++) destination[offset + i] = scale * (arena[at + i] - zeroPoint);
        }

        /// <summary>Copies an output's raw int8 values.</summary>
        [HotPath]
        public void GetOutputInt8(int output, sbyte[] destination, int offset)
        {
            Array.Copy(_arena8, _outputAt[output], destination, offset, _outputCount[output]);
        }

        /// <summary>
        /// Dequantises any int8 tensor of the model as it is in the arena now (after
        /// <see cref="Run"/> of the op that writes it, before a later op reuses its place). For the
        /// host's per-layer report, never on the board's inference path (so not [NoAlloc]).
        /// </summary>
        public void GetTensor(int tensor, float[] destination, int offset)
        {
            TensorInfo t = Model.Tensors[tensor];
            if (t.Type != TensorType.Int8) throw new InvalidOperationException("tensor '" + t.Name + "' is not int8");
            sbyte[] arena = _arena8;
            int at = t.ArenaOffset;
            int count = t.ElementCount;
            float scale = t.Scale;
            int zeroPoint = t.ZeroPoint;
            for (int i = 0; i < count; i++) destination[offset + i] = scale * (arena[at + i] - zeroPoint);
        }

        /// <summary>Round half away from zero, saturating to int8; NaN maps to -128.</summary>
        [NoAlloc]
        public static int RoundToInt8(float v)
        {
            if (!(v > -128.5f)) return QuantMath.Int8Min;
            if (v >= 127.5f) return QuantMath.Int8Max;
            int t = (int)v;
            float fraction = v - t;
            if (fraction >= 0.5f) t++;
            else if (fraction <= -0.5f) t--;
            return t;
        }
    }
}
