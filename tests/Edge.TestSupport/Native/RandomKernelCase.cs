using Edge.Device.Inference;
using Edge.Device.Model;

namespace Edge.TestSupport.Native;

/// <summary>
/// One op with everything it reads: constants, arenas, parameters. <see cref="Random"/> draws
/// cases the managed kernel runs without an exception (indices inside the arrays, every pooling
/// window non-empty, softmax tables summing above zero, trees whose walks end) but otherwise
/// anything: shapes that are not multiples of four, zero points and offsets across their range
/// and past it, multipliers and shifts including INT32_MIN and the extreme shifts, accumulators
/// that wrap, outputs overlapping inputs.
/// </summary>
public sealed partial record RandomKernelCase(int Seed, HarnessOp Op, sbyte[] Weights, int[] Ints, sbyte[] Arena8, int[] Arena32)
{
    public static readonly int[] Codes =
    [
        OpCode.FullyConnected, OpCode.Conv1D, OpCode.MaxPool1D, OpCode.AveragePool1D, OpCode.Clamp, OpCode.Add,
        OpCode.Mul, OpCode.LookupTable, OpCode.Softmax, OpCode.Reshape, OpCode.TreeEnsemble, OpCode.Conv2D, OpCode.MaxPool2D,
        OpCode.AveragePool2D, OpCode.Pad, OpCode.StridedCopy, OpCode.Reduce, OpCode.PRelu, OpCode.ArgMax, OpCode.MatMul, OpCode.Gru,
        OpCode.Lstm,
    ];

    public static string Name(int code) => code switch
    {
        OpCode.FullyConnected => "FullyConnected", OpCode.Conv1D => "Conv1D", OpCode.MaxPool1D => "MaxPool1D",
        OpCode.AveragePool1D => "AveragePool1D", OpCode.Clamp => "Clamp", OpCode.Add => "Add", OpCode.Mul => "Mul",
        OpCode.LookupTable => "LookupTable", OpCode.Softmax => "Softmax", OpCode.Reshape => "Reshape",
        OpCode.TreeEnsemble => "TreeEnsemble", OpCode.Conv2D => "Conv2D", OpCode.MaxPool2D => "MaxPool2D",
        OpCode.AveragePool2D => "AveragePool2D", OpCode.Pad => "Pad", OpCode.StridedCopy => "StridedCopy", OpCode.Reduce => "Reduce",
        OpCode.PRelu => "PRelu", OpCode.ArgMax => "ArgMax", OpCode.MatMul => "MatMul", OpCode.Gru => "Gru", OpCode.Lstm => "Lstm",
        _ => code.ToString(),
    };

    /// <summary>The arenas after <paramref name="kernels"/> ran the op on copies of this case's.</summary>
    public (sbyte[] Arena8, int[] Arena32) RunOn(Int8Kernels kernels)
    {
        var a8 = (sbyte[])Arena8.Clone();
        var a32 = (int[])Arena32.Clone();
        GraphRunner.Run([Op], kernels, Weights, Ints, a8, a32);
        return (a8, a32);
    }

    /// <summary>
    /// <see cref="RunOn"/>, or the name of the exception it threw: the reference kernels' only
    /// failures on a bad case (an index outside an array, a divide by zero), which every other
    /// kernel set must reproduce.
    /// </summary>
    public (sbyte[] Arena8, int[] Arena32, string? Error) Outcome(Int8Kernels kernels)
    {
        try
        {
            var (a8, a32) = RunOn(kernels);
            return (a8, a32, null);
        }
        catch (Exception e) when (e is IndexOutOfRangeException or DivideByZeroException)
        {
            return ([], [], e.GetType().Name);
        }
    }

    public override string ToString() => $"{Name(Op.Code)} seed {Seed} p=[{string.Join(",", Op.Parameters)}] in {Op.Input0},{Op.Input1} out {Op.Output}";

    /// <param name="maxRows">most input rows of a fully connected case (the SIMD kernels take four at a time)</param>
    public static RandomKernelCase Random(int code, int seed, int maxRows = 3)
    {
        var g = new Draw(new Random(seed));
        return code switch
        {
            OpCode.FullyConnected => FullyConnected(seed, g, maxRows),
            OpCode.Conv1D => Conv1D(seed, g),
            OpCode.MaxPool1D => Pool(seed, g, false),
            OpCode.AveragePool1D => Pool(seed, g, true),
            OpCode.Clamp => Clamp(seed, g),
            OpCode.Add => Add(seed, g),
            OpCode.Mul => Mul(seed, g),
            OpCode.LookupTable => LookupTable(seed, g),
            OpCode.Softmax => Softmax(seed, g),
            OpCode.Reshape => Reshape(seed, g),
            OpCode.TreeEnsemble => Tree(seed, g),
            _ => Layer(code, seed, g),
        };
    }

    private static RandomKernelCase Layer(int code, int seed, Draw g)
    {
        return code switch
        {
            OpCode.Conv2D => Conv2D(seed, g),
            OpCode.MaxPool2D => Pool2D(seed, g, false),
            OpCode.AveragePool2D => Pool2D(seed, g, true),
            OpCode.Pad => Pad(seed, g),
            OpCode.StridedCopy => StridedCopy(seed, g),
            OpCode.Reduce => Reduce(seed, g),
            OpCode.PRelu => PRelu(seed, g),
            OpCode.ArgMax => ArgMax(seed, g),
            OpCode.MatMul => MatMul(seed, g),
            OpCode.Gru => Recurrent(seed, g, gru: true),
            OpCode.Lstm => Recurrent(seed, g, gru: false),
            _ => throw new ArgumentException($"op code {code}"),
        };
    }

    private static RandomKernelCase FullyConnected(int seed, Draw g, int maxRows)
    {
        int rows = g.Int(1, maxRows), depth = g.Pick(1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 64, g.Int(1, 300)), channels = g.Pick(1, 2, 3, 4, 5, 7, 8, 9, 13, g.Int(1, 40));
        int inputCount = rows * depth, outputCount = rows * channels;
        var (arena8, input, output) = g.Arena(inputCount, outputCount, allowOverlap: g.Chance(0.1));
        var weights = g.Weights(channels * depth + g.Int(0, 8), out int weightsAt, channels * depth);
        var ints = new List<int>();
        int biasAt = g.Pad(ints);
        ints.AddRange(Enumerable.Range(0, channels).Select(_ => g.Accumulator()));
        int multipliersAt = ints.Count;
        ints.AddRange(Enumerable.Range(0, channels).Select(_ => g.Multiplier()));
        int shiftsAt = ints.Count;
        ints.AddRange(Enumerable.Range(0, channels).Select(_ => g.Shift()));
        var (min, max) = g.ActivationRange();
        int[] p = [rows, depth, channels, weightsAt, biasAt, multipliersAt, shiftsAt, g.ZeroPoint(), min, max];
        return new RandomKernelCase(seed, new HarnessOp(OpCode.FullyConnected, input, 0, output, p), weights, [.. ints], arena8, []);
    }

    private static RandomKernelCase Conv1D(int seed, Draw g)
    {
        // Now and then a filter too large for the column path (in channels x kernel > 256).
        bool large = g.Chance(0.1);
        int inChannels = large ? g.Int(20, 40) : g.Int(1, 6);
        int kernel = large ? g.Int(9, 16) : g.Pick(1, 2, 3, 4, 5, 9, 25, g.Int(1, 12));
        int inLength = g.Int(Math.Max(1, kernel - 3), kernel + 40);
        int stride = g.Int(1, 4);
        int pad = g.Int(0, kernel - 1);
        int padEnd = g.Int(0, kernel - 1);
        int outLength = (inLength + pad + padEnd - kernel) / stride + 1;
        if (outLength < 1) { pad = kernel - 1; outLength = Math.Max(1, (inLength + pad + padEnd - kernel) / stride + 1); }
        int outChannels = g.Pick(1, 2, 3, 4, 5, 8, 9, 16, g.Int(1, 20));
        var (arena8, input, output) = g.Arena(inChannels * inLength, outChannels * outLength, allowOverlap: g.Chance(0.05));
        var weights = g.Weights(outChannels * inChannels * kernel + g.Int(0, 8), out int weightsAt, outChannels * inChannels * kernel);
        var ints = new List<int>();
        int biasAt = g.Pad(ints);
        ints.AddRange(Enumerable.Range(0, outChannels).Select(_ => g.Accumulator()));
        int multipliersAt = ints.Count;
        ints.AddRange(Enumerable.Range(0, outChannels).Select(_ => g.Multiplier()));
        int shiftsAt = ints.Count;
        ints.AddRange(Enumerable.Range(0, outChannels).Select(_ => g.Shift()));
        // A model's input offset is -zp_in, -127..128; past it the native code takes its other paths.
        int inputOffset = g.Chance(0.85) ? g.Pick(-127, 128, 0, g.Int(-127, 128)) : g.Pick(129, -128, 1000, -40000, 32767, int.MinValue / 4);
        var (min, max) = g.ActivationRange();
        int[] p = [inChannels, inLength, outChannels, outLength, kernel, stride, pad, weightsAt, biasAt, multipliersAt, shiftsAt, inputOffset, g.ZeroPoint(), min, max];
        return new RandomKernelCase(seed, new HarnessOp(OpCode.Conv1D, input, 0, output, p), weights, [.. ints], arena8, []);
    }

    private static RandomKernelCase Pool(int seed, Draw g, bool average)
    {
        int channels = g.Int(1, 6), kernel = g.Int(1, 12), inLength = g.Int(1, 50), stride = g.Int(1, 5), pad = g.Int(0, kernel - 1);
        // Every window holds at least one real element: its start lies in [1 - kernel, inLength - 1].
        int outLength = Math.Max(1, (inLength - 1 + pad) / stride + 1);
        var (arena8, input, output) = g.Arena(channels * inLength, channels * outLength, allowOverlap: false);
        var (min, max) = g.ActivationRange();
        int[] p = average
            ? [channels, inLength, outLength, kernel, stride, pad, g.Int(0, 1), min, max]
            : [channels, inLength, outLength, kernel, stride, pad, min, max];
        return new RandomKernelCase(seed, new HarnessOp(average ? OpCode.AveragePool1D : OpCode.MaxPool1D, input, 0, output, p), [], [], arena8, []);
    }

    private static RandomKernelCase Clamp(int seed, Draw g)
    {
        int count = g.Int(1, 100);
        var (arena8, input, output) = g.Arena(count, count, allowOverlap: g.Chance(0.3));
        var (min, max) = g.ActivationRange();
        return new RandomKernelCase(seed, new HarnessOp(OpCode.Clamp, input, 0, output, [count, min, max]), [], [], arena8, []);
    }

    private static RandomKernelCase Add(int seed, Draw g)
    {
        int count = g.Int(1, 100);
        var (arena8, input1, input2, output) = g.Arena2(count, g.Chance(0.3));
        var (min, max) = g.ActivationRange();
        int[] p = [count, -g.ZeroPoint(), -g.ZeroPoint(), g.Pick(20, 0, g.Int(0, 20)), g.Multiplier(), g.Int(-31, 0), g.Multiplier(), g.Int(-31, 0),
            g.Multiplier(), g.Shift(), g.ZeroPoint(), min, max];
        return new RandomKernelCase(seed, new HarnessOp(OpCode.Add, input1, input2, output, p), [], [], arena8, []);
    }

    private static RandomKernelCase Mul(int seed, Draw g)
    {
        int count = g.Int(1, 100);
        var (arena8, input1, input2, output) = g.Arena2(count, g.Chance(0.3));
        var (min, max) = g.ActivationRange();
        int[] p = [count, -g.ZeroPoint(), -g.ZeroPoint(), g.Multiplier(), g.Shift(), g.ZeroPoint(), min, max];
        return new RandomKernelCase(seed, new HarnessOp(OpCode.Mul, input1, input2, output, p), [], [], arena8, []);
    }

    private static RandomKernelCase LookupTable(int seed, Draw g)
    {
        int count = g.Int(1, 300);
        var (arena8, input, output) = g.Arena(count, count, allowOverlap: g.Chance(0.3));
        var weights = g.Weights(256 + g.Int(0, 20), out int tableAt, 256);
        return new RandomKernelCase(seed, new HarnessOp(OpCode.LookupTable, input, 0, output, [count, tableAt]), weights, [], arena8, []);
    }

    private static RandomKernelCase Softmax(int seed, Draw g)
    {
        int rows = g.Int(1, 4), depth = g.Pick(1, 2, 3, 10, g.Int(1, 60));
        var (arena8, input, output) = g.Arena(rows * depth, rows * depth, allowOverlap: g.Chance(0.2));
        var ints = new List<int>();
        int tableAt = g.Pad(ints);
        double scale = 0.01 + g.Random.NextDouble() * 0.5;
        ints.AddRange(Enumerable.Range(0, 256).Select(d => d == 0 ? 1 << 15 : g.Chance(0.1) ? g.Int(0, 1 << 15) : (int)Math.Round(Math.Exp(-d * scale) * (1 << 15))));
        return new RandomKernelCase(seed, new HarnessOp(OpCode.Softmax, input, 0, output, [rows, depth, tableAt]), [], [.. ints], arena8, []);
    }

    private static RandomKernelCase Reshape(int seed, Draw g)
    {
        int count = g.Int(0, 100);
        var (arena8, input, output) = g.Arena(count, count, allowOverlap: g.Chance(0.5));
        return new RandomKernelCase(seed, new HarnessOp(OpCode.Reshape, input, 0, output, [count]), [], [], arena8, []);
    }

    private static RandomKernelCase Tree(int seed, Draw g)
    {
        int features = g.Int(1, 10), targets = g.Int(1, 4), trees = g.Int(1, 6), fraction = g.Int(0, 24);
        var ints = new List<int>();
        var roots = new List<int>();
        var nodes = new List<int>();
        var leafWeights = new List<int>();
        // Each tree: a random binary tree laid out depth-first, children after their parent.
        for (int t = 0; t < trees; t++)
        {
            roots.Add(nodes.Count / 3);
            BuildNode(g, nodes, leafWeights, features, targets, g.Int(0, 5));
        }
        int rootsAt = g.Pad(ints);
        ints.AddRange(roots);
        int nodesAt = ints.Count;
        ints.AddRange(nodes);
        int leafAt = ints.Count;
        ints.AddRange(leafWeights);
        int baseAt = ints.Count;
        ints.AddRange(Enumerable.Range(0, targets).Select(_ => g.Int(-(1 << 20), 1 << 20)));
        int arena32Length = features + targets + g.Int(0, 4);
        var arena32 = Enumerable.Range(0, arena32Length).Select(_ => FloatKey.FromBits(g.Random.Next(int.MinValue, int.MaxValue))).ToArray();
        int accumulatorsAt = features + g.Int(0, arena32Length - features - targets);
        var (arena8, _, output) = g.Arena(0, targets, allowOverlap: false);
        int[] p = [features, trees, rootsAt, nodesAt, nodes.Count / 3, leafAt, leafWeights.Count / 2, targets, baseAt, fraction, g.ZeroPoint(), accumulatorsAt];
        return new RandomKernelCase(seed, new HarnessOp(OpCode.TreeEnsemble, 0, 0, output, p), [], [.. ints], arena8, arena32);
    }

    private static void BuildNode(Draw g, List<int> nodes, List<int> leafWeights, int features, int targets, int depth)
    {
        int at = nodes.Count;
        nodes.AddRange([0, 0, 0]);
        if (depth == 0 || g.Chance(0.25))
        {
            int pairs = g.Int(0, 3);
            nodes[at] = leafWeights.Count / 2;
            nodes[at + 1] = TreeEnsembleInt8.Leaf << 24 | pairs;
            for (int i = 0; i < pairs; i++) leafWeights.AddRange([g.Int(0, targets - 1), g.Int(-(1 << 22), 1 << 22)]);
            return;
        }
        int feature = g.Int(0, features - 1);
        nodes[at] = FloatKey.FromBits(g.Random.Next(int.MinValue, int.MaxValue));
        nodes[at + 1] = g.Int(TreeEnsembleInt8.BranchLeq, TreeEnsembleInt8.BranchNeq) << 24 | feature;
        BuildNode(g, nodes, leafWeights, features, targets, depth - 1);
        int falseChild = nodes.Count / 3 - at / 3;
        BuildNode(g, nodes, leafWeights, features, targets, depth - 1);
        nodes[at + 2] = 1 | falseChild << 16;
    }

    /// <summary>Random values with a taste for edges.</summary>
    private sealed class Draw(Random random)
    {
        public Random Random { get; } = random;

        public int Int(int min, int max) => Random.Next(min, max + 1);

        public bool Chance(double p) => Random.NextDouble() < p;

        public int Pick(params int[] values) => values[Random.Next(values.Length)];

        public sbyte Int8() => (sbyte)Pick(-128, 127, 0, -1, 1, Int(-128, 127), Int(-128, 127), Int(-128, 127));

        public int ZeroPoint() => Pick(-128, 127, 0, Int(-128, 127), Int(-128, 127));

        /// <summary>A bias or accumulator start: mostly model-sized, sometimes at the ends of int32.</summary>
        public int Accumulator() => Chance(0.9) ? Int(-(1 << 20), 1 << 20) : Pick(int.MinValue, int.MaxValue, int.MinValue + 1, 1 << 30, -(1 << 30));

        /// <summary>TFLM's normal form [2^30, 2^31), and now and then anything (INT32_MIN, 0, negative).</summary>
        public int Multiplier() => Chance(0.85) ? (1 << 30) + Random.Next(1 << 30) : Pick(int.MinValue, int.MaxValue, 0, -1, 1 << 30, Random.Next(int.MinValue, int.MaxValue));

        /// <summary>Shifts across TFLM's range [-31, 30], the extremes more often.</summary>
        public int Shift() => Pick(-31, 30, 0, -1, 1, Int(-31, 30), Int(-12, -6), Int(-31, 30));

        public (int Min, int Max) ActivationRange()
        {
            int a = Int(-128, 127), b = Int(-128, 127);
            return Chance(0.4) ? (-128, 127) : (Math.Min(a, b), Math.Max(a, b));
        }

        /// <summary>Zero or a few filler ints before a block, so blocks do not all start at 0.</summary>
        public int Pad(List<int> ints)
        {
            int n = Int(0, 3);
            for (int i = 0; i < n; i++) ints.Add(Random.Next(int.MinValue, int.MaxValue));
            return ints.Count;
        }

        /// <summary>Weights (int8, [-127, 127] with -128 now and then) of which <paramref name="used"/> start at <paramref name="at"/>.</summary>
        public sbyte[] Weights(int total, out int at, int used)
        {
            at = Int(0, total - used);
            var w = new sbyte[total];
            for (int i = 0; i < total; i++) w[i] = Chance(0.02) ? (sbyte)-128 : (sbyte)Pick(-127, 127, 0, Int(-127, 127), Int(-127, 127));
            return w;
        }

        /// <summary>An arena holding an input and an output at random places, apart or (if allowed) overlapping.</summary>
        public (sbyte[] Arena, int Input, int Output) Arena(int inputCount, int outputCount, bool allowOverlap)
        {
            int slack = Int(0, 9);
            int length = inputCount + outputCount + slack;
            int input, output;
            if (allowOverlap)
            {
                length = Math.Max(inputCount, outputCount) + slack + 4;
                input = Int(0, length - inputCount);
                output = Int(0, length - outputCount);
            }
            else if (Chance(0.5))
            {
                input = Int(0, slack);
                output = input + inputCount + Int(0, length - outputCount - input - inputCount);
            }
            else
            {
                output = Int(0, slack);
                input = output + outputCount + Int(0, length - inputCount - output - outputCount);
            }
            var arena = Enumerable.Range(0, length).Select(_ => Int8()).ToArray();
            return (arena, input, output);
        }

        public (sbyte[] Arena, int Input1, int Input2, int Output) Arena2(int count, bool inPlace)
        {
            int length = 3 * count + Int(0, 9);
            var arena = Enumerable.Range(0, length).Select(_ => Int8()).ToArray();
            var starts = new[] { 0, count, 2 * count }.OrderBy(_ => Random.Next()).ToArray();
            int shift = length - 3 * count;
            int input1 = starts[0] + Int(0, shift), input2 = starts[1] + Int(0, shift), output = starts[2] + Int(0, shift);
            input1 = Math.Min(input1, length - count);
            input2 = Math.Min(input2, length - count);
            output = Math.Min(output, length - count);
            if (inPlace) output = Chance(0.5) ? input1 : input2;
            return (arena, input1, input2, output);
        }
    }
}
