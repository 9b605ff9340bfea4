using Edge.Device.Codec;
using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models.Format;

namespace Edge.Inference.Tests;

/// <summary>
/// The int8 kernels' load-time checks, through the board's own reader: one-op models built by hand
/// (ModelImage, written by EdgeModelWriter, read by ModelReader) that lie exactly on each bound the
/// kernels document (TFLM's shift range [-31, 30], padding below the kernel, every pooling window
/// holding a real element, int8 zero points and activation bounds, softmax's Q15 exp table and
/// 2^15 depth) load, and one step past each is refused with a message naming the parameter, its
/// value and what it must be. A check that is missing lets the kernel index outside its arrays on
/// the board.
/// </summary>
[TestClass]
public sealed class KernelLoadCheckTests
{
    /// <summary>kernel, edits ("name=value;..."), the refusal expected (null: the model loads).</summary>
    public static IEnumerable<object?[]> Cases =>
    [
        // FullyConnected: 2 rows of 3 features to 4; ints = 4 biases, 4 multipliers, 4 shifts.
        ["fc", "", null],
        ["fc", "p7=-128;p8=-128;p9=-128", null],
        ["fc", "p7=127;p8=127;p9=127", null],
        ["fc", "p0=0", "rows is 0, must be positive"],
        ["fc", "p1=0", "input features is 0, must be positive"],
        ["fc", "p2=0", "output features is 0, must be positive"],
        ["fc", "p0=3", "input elements is 6, expected 9"],
        ["fc", "p1=4", "input elements is 6, expected 8"],
        ["fc", "in.shape=1,6;p0=1;p1=6;out.shape=1,4", "weights [0, +24) lies outside the weights (12)"],
        ["fc", "out.shape=2,5", "output elements is 10, expected 8"],
        ["fc", "p3=1", "weights [1, +12) lies outside the weights (12)"],
        ["fc", "p4=9", "biases [9, +4) lies outside the int32 data (12)"],
        ["fc", "p5=9", "multipliers [9, +4) lies outside the int32 data (12)"],
        ["fc", "p6=9", "shifts [9, +4) lies outside the int32 data (12)"],
        ["fc", "i11=31", "shift 3 is 31, must be in [-31, 30]"],
        ["fc", "p7=128", "output zero point is 128, must be in [-128, 127]"],
        ["fc", "p7=-129", "output zero point is -129, must be in [-128, 127]"],
        ["fc", "p8=-129", "activation min is -129, must be in [-128, 127]"],
        ["fc", "p9=128", "activation max is 128, must be in [-128, 127]"],
        ["fc", "p8=10;p9=9", "activation min is 10, must be in [-128, 9]"],
        ["fc", "in.type=2", "input 'x0' is f32key, expected int8"],

        // Conv1D: 2 channels of 7 to 3 channels of 5, kernel 3, stride 1; ints = 3 biases, multipliers, shifts.
        ["conv", "", null],
        ["conv", "p6=2;p11=128;p12=-128", null],
        ["conv", "p11=-127;p12=127", null],
        ["conv", "p0=0", "input channels is 0, must be positive"],
        ["conv", "p1=0", "input length is 0, must be positive"],
        ["conv", "p2=0", "output channels is 0, must be positive"],
        ["conv", "p3=0", "output length is 0, must be positive"],
        ["conv", "p4=0", "kernel is 0, must be positive"],
        ["conv", "p5=0", "stride is 0, must be positive"],
        ["conv", "p6=3", "padding is 3, must be in [0, 2]"],
        ["conv", "p6=-1", "padding is -1, must be in [0, 2]"],
        ["conv", "p1=8", "input elements is 14, expected 16"],
        ["conv", "p0=3", "input elements is 14, expected 21"],
        ["conv", "p3=6", "output elements is 15, expected 18"],
        ["conv", "p2=4", "output elements is 15, expected 20"],
        ["conv", "p7=1", "weights [1, +18) lies outside the weights (18)"],
        ["conv", "p4=4", "weights [0, +24) lies outside the weights (18)"],
        ["conv", "p8=7", "biases [7, +3) lies outside the int32 data (9)"],
        ["conv", "p9=7", "multipliers [7, +3) lies outside the int32 data (9)"],
        ["conv", "p10=7", "shifts [7, +3) lies outside the int32 data (9)"],
        ["conv", "i8=-32", "shift 2 is -32, must be in [-31, 30]"],
        ["conv", "p11=129", "input offset is 129, must be in [-127, 128]"],
        ["conv", "p11=-128", "input offset is -128, must be in [-127, 128]"],
        ["conv", "p12=128", "output zero point is 128, must be in [-128, 127]"],
        ["conv", "p12=-129", "output zero point is -129, must be in [-128, 127]"],
        ["conv", "p14=128", "activation max is 128, must be in [-128, 127]"],

        // MaxPool1D and AveragePool1D: 2 channels of 10 to 4, kernel 3, stride 3, padding 1 (windows start at -1, 2, 5, 8).
        ["max", "", null],
        ["avg", "", null],
        ["avg", "p6=1", null],
        ["max", "p5=0;p2=4", null],
        ["max", "p5=2;p2=1;p4=1;out.shape=2,1", null],          // the only window starts at -2: one real element
        ["max", "p5=0;p4=3;p2=4", null],                           // the last window starts at 9, the last element
        ["max", "p0=0", "channels is 0, must be positive"],
        ["max", "p1=0", "input length is 0, must be positive"],
        ["max", "p2=0", "output length is 0, must be positive"],
        ["max", "p3=0", "kernel is 0, must be positive"],
        ["max", "p4=0", "stride is 0, must be positive"],
        ["max", "p5=3", "padding is 3, must be in [0, 2]"],
        ["max", "p5=-1", "padding is -1, must be in [0, 2]"],
        ["max", "p2=5;out.shape=2,5", "last window start is 11, must be in [-2, 9]"],
        ["max", "p5=0;p1=9;in.shape=2,9;p4=3;p2=4", "last window start is 9, must be in [-2, 8]"],
        ["max", "p1=11", "input elements is 20, expected 22"],
        ["max", "p0=3", "input elements is 20, expected 30"],
        ["max", "out.shape=2,3;p2=4", "output elements is 6, expected 8"],
        ["max", "out.zp=3", "output zero point (pooling keeps the input's quantisation) is 3, expected 0"],
        ["max", "p6=-129", "activation min is -129, must be in [-128, 127]"],
        ["max", "p7=128", "activation max is 128, must be in [-128, 127]"],
        ["avg", "p6=2", "count-include-pad flag is 2, must be in [0, 1]"],
        ["avg", "p6=-1", "count-include-pad flag is -1, must be in [0, 1]"],
        ["avg", "p5=3", "padding is 3, must be in [0, 2]"],
        ["avg", "out.zp=-3", "output zero point (pooling keeps the input's quantisation) is -3, expected 0"],
        ["avg", "p7=-129", "activation min is -129, must be in [-128, 127]"],
        ["avg", "p8=128", "activation max is 128, must be in [-128, 127]"],

        // Clamp of 6 values to [-10, 20].
        ["clamp", "", null],
        ["clamp", "p1=-128;p2=-128", null],
        ["clamp", "p1=127;p2=127", null],
        ["clamp", "p0=0", "element count is 0, must be positive"],
        ["clamp", "p0=7", "input elements is 6, expected 7"],
        ["clamp", "out.zp=1", "output zero point (the op keeps its input's quantisation) is 1, expected 0"],
        ["clamp", "p1=-129", "min is -129, must be in [-128, 20]"],
        ["clamp", "p1=21", "min is 21, must be in [-128, 20]"],
        ["clamp", "p2=128", "max is 128, must be in [-10, 127]"],

        // Add and Mul of two tensors of 4.
        ["add", "", null],
        ["add", "p3=0;p5=-31;p7=-31;p9=-31", null],
        ["add", "p3=20;p5=0;p7=0;p9=30", null],
        ["add", "p0=0", "element count is 0, must be positive"],
        ["add", "in2.shape=5", "input 2 elements is 5, expected 4"],
        ["add", "p3=21", "left shift is 21, must be in [0, 20]"],
        ["add", "p3=-1", "left shift is -1, must be in [0, 20]"],
        ["add", "p5=1", "input 1 shift is 1, must be in [-31, 0]"],
        ["add", "p5=-32", "input 1 shift is -32, must be in [-31, 0]"],
        ["add", "p7=1", "input 2 shift is 1, must be in [-31, 0]"],
        ["add", "p7=-32", "input 2 shift is -32, must be in [-31, 0]"],
        ["add", "p9=31", "output shift is 31, must be in [-31, 30]"],
        ["add", "p9=-32", "output shift is -32, must be in [-31, 30]"],
        ["add", "p11=-129", "activation min is -129, must be in [-128, 127]"],
        ["add", "p12=128", "activation max is 128, must be in [-128, 127]"],
        ["mul", "", null],
        ["mul", "p4=-31", null],
        ["mul", "p4=30", null],
        ["mul", "p0=0", "element count is 0, must be positive"],
        ["mul", "p4=31", "output shift is 31, must be in [-31, 30]"],
        ["mul", "p4=-32", "output shift is -32, must be in [-31, 30]"],
        ["mul", "p6=-129", "activation min is -129, must be in [-128, 127]"],
        ["mul", "p7=128", "activation max is 128, must be in [-128, 127]"],

        // LookupTable of 5 values through 256 weights; its output has its own quantisation.
        ["table", "", null],
        ["table", "out.zp=-128", null],
        ["table", "p0=0", "element count is 0, must be positive"],
        ["table", "p0=6", "input elements is 5, expected 6"],
        ["table", "p1=1", "table [1, +256) lies outside the weights (256)"],

        // Softmax of 2 rows of 3 through a 256-entry Q15 exp table.
        ["softmax", "", null],
        ["softmax", "i5=0;i255=32768", null],
        ["softmax", "p0=1;p1=32768;in.shape=32768;out.shape=32768", null],
        ["softmax", "p0=0", "rows is 0, must be positive"],
        ["softmax", "p1=0", "depth is 0, must be in [1, 32768]"],
        ["softmax", "p1=32769", "depth is 32769, must be in [1, 32768]"],
        ["softmax", "p0=3", "input elements is 6, expected 9"],
        ["softmax", "out.shape=7", "output elements is 7, expected 6"],
        ["softmax", "out.zp=0", "output zero point is 0, expected -128"],
        ["softmax", "p2=1", "exp table [1, +256) lies outside the int32 data (256)"],
        ["softmax", "i5=32769", "exp table entry is 32769, must be in [0, 32768]"],
        ["softmax", "i255=-1", "exp table entry is -1, must be in [0, 32768]"],
        ["softmax", "i0=32767", "exp table entry 0 is 32767, expected 32768"],
    ];

    [TestMethod]
    [DynamicData(nameof(Cases))]
    public void EachBoundLoadsAndOneStepPastIsRefusedByName(string kernel, string edits, string? refusal)
    {
        var model = OneOpModel.Of(kernel);
        model.Apply(edits);
        string? actual = model.Refusal();
        if (refusal == null)
        {
            Assert.IsNull(actual, $"{kernel} {edits}");
            return;
        }
        Assert.IsNotNull(actual, $"{kernel} {edits}: loaded, expected the refusal '{refusal}'");
        Assert.AreEqual($"model: operation 0 ({OpCode.Name(model.Code)} 'op'): {refusal}", actual);
    }

    /// <summary>A one-op model: int8 inputs and one int8 output placed one after another in the arena.</summary>
    private sealed class OneOpModel
    {
        public int Code;
        public int[] P = [];
        public List<(int[] Shape, int ZeroPoint, int Type)> Inputs = [];
        public int[] OutShape = [];
        public int OutZeroPoint;
        public sbyte[] Weights = [];
        public int[] Ints = [];

        public static OneOpModel Of(string kernel) => kernel switch
        {
            "fc" => new OneOpModel
            {
                Code = OpCode.FullyConnected, P = [2, 3, 4, 0, 0, 4, 8, 0, -128, 127],
                Inputs = [([2, 3], 0, TensorType.Int8)], OutShape = [2, 4], Weights = new sbyte[12],
                Ints = [.. new int[4], .. Enumerable.Repeat(1 << 30, 4), .. Enumerable.Repeat(-1, 4)],
            },
            "conv" => new OneOpModel
            {
                Code = OpCode.Conv1D, P = [2, 7, 3, 5, 3, 1, 0, 0, 0, 3, 6, 0, 0, -128, 127],
                Inputs = [([2, 7], 0, TensorType.Int8)], OutShape = [3, 5], Weights = new sbyte[18],
                Ints = [.. new int[3], .. Enumerable.Repeat(1 << 30, 3), .. Enumerable.Repeat(-1, 3)],
            },
            "max" => new OneOpModel
            {
                Code = OpCode.MaxPool1D, P = [2, 10, 4, 3, 3, 1, -128, 127],
                Inputs = [([2, 10], 0, TensorType.Int8)], OutShape = [2, 4],
            },
            "avg" => new OneOpModel
            {
                Code = OpCode.AveragePool1D, P = [2, 10, 4, 3, 3, 1, 0, -128, 127],
                Inputs = [([2, 10], 0, TensorType.Int8)], OutShape = [2, 4],
            },
            "clamp" => new OneOpModel { Code = OpCode.Clamp, P = [6, -10, 20], Inputs = [([6], 0, TensorType.Int8)], OutShape = [6] },
            "add" => new OneOpModel
            {
                Code = OpCode.Add, P = [4, 3, -3, 20, 1 << 30, -1, 1 << 30, -1, 1 << 30, -20, 0, -128, 127],
                Inputs = [([4], -3, TensorType.Int8), ([4], 3, TensorType.Int8)], OutShape = [4],
            },
            "mul" => new OneOpModel
            {
                Code = OpCode.Mul, P = [4, 0, 0, 1 << 30, -6, 0, -128, 127],
                Inputs = [([4], 0, TensorType.Int8), ([4], 0, TensorType.Int8)], OutShape = [4],
            },
            "table" => new OneOpModel
            {
                Code = OpCode.LookupTable, P = [5, 0], Inputs = [([5], 0, TensorType.Int8)], OutShape = [5], OutZeroPoint = 7,
                Weights = new sbyte[256],
            },
            "softmax" => new OneOpModel
            {
                Code = OpCode.Softmax, P = [2, 3, 0], Inputs = [([2, 3], 0, TensorType.Int8)], OutShape = [2, 3], OutZeroPoint = -128,
                Ints = Enumerable.Range(0, 256).Select(d => (int)Math.Round(32768 * Math.Exp(-d / 16.0))).ToArray(),
            },
            _ => throw new ArgumentException(kernel),
        };

        /// <summary>"p3=1" a parameter, "i5=-1" an int32 entry, "in.shape=2,9", "in2.shape=5", "in.type=2", "out.shape=2,5", "out.zp=3".</summary>
        public void Apply(string edits)
        {
            foreach (var edit in edits.Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var (key, value) = (edit[..edit.IndexOf('=')], edit[(edit.IndexOf('=') + 1)..]);
                int[] numbers = value.Split(',').Select(int.Parse).ToArray();
                if (key[0] == 'p') P[int.Parse(key[1..])] = numbers[0];
                else if (key[0] == 'i' && char.IsDigit(key[1])) Ints[int.Parse(key[1..])] = numbers[0];
                else if (key == "in.shape") Inputs[0] = (numbers, Inputs[0].ZeroPoint, Inputs[0].Type);
                else if (key == "in2.shape") Inputs[1] = (numbers, Inputs[1].ZeroPoint, Inputs[1].Type);
                else if (key == "in.type") Inputs[0] = (Inputs[0].Shape, Inputs[0].ZeroPoint, numbers[0]);
                else if (key == "out.shape") OutShape = numbers;
                else if (key == "out.zp") OutZeroPoint = numbers[0];
                else throw new ArgumentException($"unknown edit '{edit}'");
            }
        }

        /// <summary>The reader's refusal, or null when the model loads.</summary>
        public string? Refusal()
        {
            var image = new ModelImage();
            int at = 0;
            var inputs = new List<int>();
            foreach (var (shape, zeroPoint, type) in Inputs)
            {
                inputs.Add(image.Tensors.Count);
                var tensor = new TensorEntry($"x{inputs.Count - 1}", type, shape, 1f, type == TensorType.Int8 ? zeroPoint : 0);
                tensor.ArenaOffset = type == TensorType.Int8 ? at : 0;
                image.Tensors.Add(tensor);
                if (type == TensorType.Int8) at += tensor.ElementCount;
                else image.Arena32Length = tensor.ElementCount;
            }
            var output = new TensorEntry("y", TensorType.Int8, OutShape, 1f / 256, OutZeroPoint) { ArenaOffset = at };
            image.Tensors.Add(output);
            image.Arena8Length = at + output.ElementCount;
            var first = image.Tensors[0];
            image.Inputs.Add(first.Type == TensorType.Int8 ? new InputEntry(0, 1, first.ElementCount, [1f], [0f]) : new InputEntry(0, 0, first.ElementCount, [], []));
            image.Outputs.Add(inputs.Count);
            image.Ops.Add(new OpEntry(Code, "op", [.. inputs], [inputs.Count], P));
            image.AddWeights(Weights);
            image.AddInts(Ints);
            try
            {
                ModelReader.Read(EdgeModelWriter.Write(image));
                return null;
            }
            catch (EdgeFormatException e)
            {
                return e.Message;
            }
        }
    }
}
