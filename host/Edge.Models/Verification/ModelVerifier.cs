using Edge.Data;
using Edge.Data.Streaming;
using Edge.Device.Codec;
using Edge.Device.Model;
using Edge.Models.Boards;
using Edge.Models.Format;
using Edge.Models.Graph;
using Edge.Models.Import;

namespace Edge.Models.Verification;

/// <summary>What `edge model verify` is asked to do.</summary>
public sealed record VerifyOptions(string ModelPath, string OnnxPath, string DataPath)
{
    /// <summary>The label column; null uses "label" when the table has one.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>Overrides the columns recorded at conversion.</summary>
    public string? InputColumns { get; init; }

    /// <summary>Decision threshold for single-score models (positive when score >= threshold).</summary>
    public double Threshold { get; init; } = 0.5;

    public MemoryBudget Budget { get; init; } = MemoryBudget.None;

    /// <summary>Also compare every op's output with ONNX Runtime's value of the same name.</summary>
    public bool PerLayer { get; init; }
}

/// <summary>
/// Runs ONNX Runtime (float) and the device engine (int8, the board's own code) on every row, a
/// chunk at a time, and compares them with each other and, where labels are given, with the labels.
/// </summary>
public static class ModelVerifier
{
    public static VerificationReport Verify(VerifyOptions options)
    {
        var model = ModelFile.Read(options.ModelPath);
        var graph = OnnxImporter.Import(options.OnnxPath);
        var input = graph.Inputs[0];
        var modelInput = model.Tensors[model.Inputs[0].Tensor];
        if (modelInput.ElementCount != input.Tensor.ElementCount)
            throw new ModelImportException($"{options.ModelPath} takes {modelInput.ElementCount} input values but {options.OnnxPath} takes {input.Tensor.ElementCount}: not the same model");
        var interpreter = options.Budget.CreateInterpreter(model);
        var engine = new DeviceEngine(interpreter);
        if (interpreter.OutputLength(0) != graph.Outputs[0].Tensor.ElementCount)
            throw new ModelImportException($"{options.ModelPath} has {interpreter.OutputLength(0)} output values but {options.OnnxPath} has {graph.Outputs[0].Tensor.ElementCount}: not the same model");

        var table = TableReader.Open(options.DataPath);
        string? label = options.LabelColumn ?? (table.Has("label") ? "label" : null);
        if (label is not null) table.IndexOf(label);
        var columns = InputMapping.Resolve(table, options.InputColumns ?? model.Metadata("input.columns"), input.Tensor.ElementCount, label);
        string task = model.Metadata("task") ?? "vector";

        // A chunk of rows at a time through both engines: memory holds one chunk, whatever the rows.
        var request = new TableRequest();
        var inputs = new InputMapping.Reader(table, request, columns);
        int labelColumn = label is null ? -1 : request.Number(label);
        using var comparer = new OutputComparer(task, options.Threshold, input, labelled: label is not null);
        using var ort = new OnnxRuntimeModel(options.OnnxPath, input.OnnxName, input.OnnxShape, [graph.Outputs[0].OnnxName]);
        using var cursor = table.Open(request);
        var chunk = new TableChunk(request);
        // --per-layer runs op by op on a bounded sample: the first rows, up to this many.
        const int LayerRows = 4096;
        var layerRows = new List<float[]>();
        while (cursor.Read(chunk))
        {
            var rows = inputs.Rows(chunk);
            if (options.PerLayer && layerRows.Count < LayerRows) layerRows.AddRange(rows.Take(LayerRows - layerRows.Count));
            var reference = ort.Run(rows)[0];
            FiniteReference.Require(reference, options.DataPath, r => chunk.FirstRow + r);
            var candidate = engine.RunAll(rows);
            comparer.Add(reference, candidate, labelColumn < 0 ? default : chunk.Numbers(labelColumn), rows);
        }
        var comparison = comparer.Result();
        return new VerificationReport(options.ModelPath, model.IdHex, options.OnnxPath, options.DataPath, comparison.Agreement.Rows, task, InputMapping.Describe(columns),
            comparison.Agreement, comparison.DecisionAgreement, comparison.DecisionMismatches, comparison.Threshold, comparison.Float is null ? null : label,
            comparison.Float, comparison.Int8, model.ArenaBytes, options.Budget.ToString())
        {
            Layers = options.PerLayer ? LayerComparison.Compare(engine, options.OnnxPath, input.OnnxName, input.OnnxShape, layerRows) : null,
        };
    }

    /// <summary>
    /// Compares int8 outputs (the device engine here; a board in the HIL harness) with ONNX Runtime's
    /// float outputs on the same rows: agreement over every value, then by task (recorded at
    /// conversion) decisions and F1/AUC/accuracy against the labels (1 = positive) when given.
    /// <paramref name="input"/> and <paramref name="rows"/> give a reconstruction's targets.
    /// </summary>
    public static OutputComparison Compare(string task, IReadOnlyList<float[]> reference, IReadOnlyList<float[]> candidate, double[]? labelValues,
        double threshold, GraphInput input, IReadOnlyList<float[]> rows)
    {
        using var comparer = new OutputComparer(task, threshold, input, labelled: labelValues is not null);
        comparer.Add(reference, candidate, labelValues, rows);
        return comparer.Result();
    }
}
