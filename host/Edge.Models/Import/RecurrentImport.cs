using Edge.Models.Graph;
using Edge.Models.Onnx;

namespace Edge.Models.Import;

/// <summary>
/// GRU and LSTM, forward, with a zero (or absent) initial state and the default activations, as
/// torch exports nn.GRU / nn.LSTM for one layer. Batch 1 makes layout 0 and 1 the same data.
/// The op returns the whole sequence when Y is read and only the last state otherwise; Y_h
/// next to Y is a copy of Y's last step.
/// </summary>
internal static class RecurrentImport
{
    public static void Gru(OnnxNode node, ImportContext context) => Import(node, context, RecurrentCellKind.Gru);

    public static void Lstm(OnnxNode node, ImportContext context) => Import(node, context, RecurrentCellKind.Lstm);

    private static void Import(OnnxNode node, ImportContext context, RecurrentCellKind cell)
    {
        int gates = cell == RecurrentCellKind.Gru ? 3 : 4;
        string direction = node.String("direction", "forward");
        if (direction != "forward") throw node.Fail($"direction={direction} is not supported (forward only)");
        if (node.Has("clip")) throw node.Fail("clip is not supported");
        var activations = node.Strings("activations");
        var defaults = cell == RecurrentCellKind.Gru ? new[] { "Sigmoid", "Tanh" } : ["Sigmoid", "Tanh", "Tanh"];
        if (activations.Length > 0 && !activations.SequenceEqual(defaults, StringComparer.OrdinalIgnoreCase))
            throw node.Fail($"activations [{string.Join(",", activations)}] are not supported (only the defaults {string.Join(",", defaults)})");
        if (cell == RecurrentCellKind.Lstm && node.Int("input_forget", 0) != 0) throw node.Fail("input_forget=1 is not supported");
        int hidden = (int)node.Int("hidden_size", 0);
        var w = context.Const(node, 1, "W");
        var r = context.Const(node, 2, "R");
        if (w.Shape.Length != 3 || w.Shape[0] != 1 || w.Shape[1] != gates * hidden) throw node.Fail($"W [{string.Join(",", w.Shape)}] is not [1, {gates}·{hidden}, input]");
        int inputSize = w.Shape[2];
        if (r.Shape.Length != 3 || r.Shape[1] != gates * hidden || r.Shape[2] != hidden) throw node.Fail($"R [{string.Join(",", r.Shape)}] is not [1, {gates}·{hidden}, {hidden}]");
        if (hidden > Device.Inference.RecurrentCell.MaxHidden) throw node.Fail($"hidden_size {hidden} exceeds {Device.Inference.RecurrentCell.MaxHidden}");
        var wb = new double[gates * hidden];
        var rb = new double[gates * hidden];
        if (context.OptionalConst(node, 3, "B") is { } b)
        {
            if (b.Values.Length != 2 * gates * hidden) throw node.Fail($"B has {b.Values.Length} values, expected {2 * gates * hidden}");
            Array.Copy(b.Values, 0, wb, 0, gates * hidden);
            Array.Copy(b.Values, gates * hidden, rb, 0, gates * hidden);
        }
        RequireZero(node, context, 4, "sequence_lens", allowFull: true);
        RequireZero(node, context, 5, "initial_h", allowFull: false);
        if (cell == RecurrentCellKind.Lstm)
        {
            RequireZero(node, context, 6, "initial_c", allowFull: false);
            RequireZero(node, context, 7, "P (peepholes)", allowFull: false);
            if (node.Outputs.Count > 2 && node.Outputs[2].Length > 0 && !context.Unused(node.Outputs[2])) throw node.Fail("the Y_c output is not supported");
        }
        var x = context.Tensor(node, 0);
        if (x.ElementCount % inputSize != 0) throw node.Fail($"input {x.ShapeText} is not a sequence of {inputSize} values");
        int steps = x.ElementCount / inputSize;
        bool sequences = node.Outputs.Count > 0 && node.Outputs[0].Length > 0 && !context.Unused(node.Outputs[0]);
        bool last = node.Outputs.Count > 1 && node.Outputs[1].Length > 0 && !context.Unused(node.Outputs[1]);
        string name = sequences ? node.Outputs[0] : node.Outputs[1];
        var output = new GraphTensor(name, sequences ? [steps, 1, 1, hidden] : [1, 1, hidden]);
        context.Add(new RecurrentOp(node.Name, x, output, cell, steps, inputSize, hidden, w.Values, r.Values, wb, rb,
            node.Int("linear_before_reset", 0) != 0, sequences), name);
        if (sequences && last)
        {
            var final = new GraphTensor(node.Outputs[1], [1, 1, hidden]);
            context.Add(new StridedCopyOp(node.Name + "/Y_h", node.OpType, output, final, [1, 1, 1, hidden], (steps - 1) * hidden, [0, 0, 0, 1]), node.Outputs[1]);
        }
    }

    /// <summary>An optional input that must be absent or all zeros (or, for sequence lengths, the full length).</summary>
    private static void RequireZero(OnnxNode node, ImportContext context, int input, string what, bool allowFull)
    {
        if (input >= node.Inputs.Count || node.Inputs[input].Length == 0) return;
        var c = context.TryConst(node.Inputs[input]) ?? throw node.Fail($"{what} must be a constant");
        if (allowFull) return;
        if (c.Values.Any(v => v != 0)) throw node.Fail($"a non-zero {what} is not supported (the state starts at zero on every inference)");
    }
}
