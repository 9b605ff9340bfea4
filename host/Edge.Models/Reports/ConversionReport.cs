using Edge.Device.Model;
using Edge.Models.Boards;
using Edge.Models.Graph;

namespace Edge.Models.Reports;

/// <summary>One converted operation as the convert report lists it.</summary>
public sealed record OpReport(int Index, string Kind, string Node, string FromOnnx, string Output, long Parameters, long Macs);

/// <summary>
/// What `edge model convert` reports: ops, parameters, MACs, arena and model bytes (the figures
/// ST's analyze and TFLM users look at), what was folded where, and the budget check.
/// </summary>
public sealed record ConversionReport(
    string Source,
    string Output,
    string ModelId,
    IReadOnlyList<OpReport> Ops,
    IReadOnlyList<string> Folds,
    long Parameters,
    long Macs,
    int ArenaBytes,
    int ModelBytes,
    int ResidentBytes,
    string InputColumns,
    string InputQuantisation,
    int CalibrationRows,
    string Calibration,
    string Budget)
{
    public static ConversionReport Create(string source, string output, ModelGraph graph, EdgeModel model, int modelBytes,
        string inputColumns, int calibrationRows, string calibration, MemoryBudget budget)
    {
        var ops = graph.Ops.Select((op, i) => new OpReport(i, op.Kind, op.Name, op.SourceOps, op.Output.ShapeText, op.Parameters, op.Macs)).ToList();
        string Quantisation(int i)
        {
            var input = model.Tensors[model.Inputs[i].Tensor];
            return input.Type == TensorType.Float32Key ? "float32 keys (trees compare exactly)"
                : model.Metadata($"input.{graph.Inputs[i].OnnxName}.quantisation") == "per-feature" ? "int8 per feature"
                : $"int8 per tensor (scale {input.Scale:G4}, zero point {input.ZeroPoint})";
        }
        string inputQuantisation = graph.Inputs.Count == 1 ? Quantisation(0)
            : string.Join("; ", graph.Inputs.Select((input, i) => $"{input.OnnxName}: {Quantisation(i)}"));
        return new ConversionReport(source, output, model.IdHex, ops, graph.Folds, graph.Parameters, graph.Macs, model.ArenaBytes, modelBytes,
            model.ResidentBytes, inputColumns, inputQuantisation, calibrationRows, calibration,
            budget.FitOf(model, modelBytes) is { } fit ? budget + "; " + fit.Verdict() : budget.ToString());
    }

    public string ToJson() => ReportJson.Serialize(this);

    public void WriteText(TextWriter w)
    {
        w.WriteLine($"{Source} -> {Output}  (model id {ModelId})");
        w.WriteLine();
        var table = new TextTable("#", "op", "onnx node", "from", "output", "params", "MACs");
        foreach (var op in Ops) table.Add(op.Index.ToString(), op.Kind, op.Node, op.FromOnnx, op.Output, op.Parameters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), op.Macs.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        table.Write(w);
        if (Folds.Count > 0)
        {
            w.WriteLine();
            foreach (var fold in Folds) w.WriteLine($"folded: {fold}");
        }
        w.WriteLine();
        w.WriteLine($"ops           {Ops.Count}");
        w.WriteLine($"parameters    {Parameters:N0}");
        w.WriteLine($"MACs          {Macs:N0} per inference");
        w.WriteLine($"arena         {ArenaBytes:N0} bytes");
        w.WriteLine($"model file    {ModelBytes:N0} bytes ({ResidentBytes:N0} resident after loading)");
        w.WriteLine($"input         {InputColumns}; {InputQuantisation}");
        w.WriteLine($"calibration   {CalibrationRows:N0} rows, {Calibration}");
        w.WriteLine($"budget        {Budget}");
    }
}
