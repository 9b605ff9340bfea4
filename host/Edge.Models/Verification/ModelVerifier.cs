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

    /// <summary>Further tables read side by side with <see cref="DataPath"/> (row i of each is the same sample), for inputs whose columns live there.</summary>
    public IReadOnlyList<string> MoreDataPaths { get; init; } = [];

    public IReadOnlyList<string> DataPaths => [DataPath, .. MoreDataPaths];

    /// <summary>Overrides the columns recorded at conversion ("f0..f63", or "features=f0..f63;windows=s0..s255").</summary>
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
        if (model.Inputs.Length != graph.Inputs.Count || model.Outputs.Length != graph.Outputs.Count)
            throw new ModelImportException($"{options.ModelPath} has {model.Inputs.Length} input(s) and {model.Outputs.Length} output(s) but {options.OnnxPath} has {graph.Inputs.Count} and {graph.Outputs.Count}: not the same model");
        for (int i = 0; i < graph.Inputs.Count; i++)
        {
            var modelInput = model.Tensors[model.Inputs[i].Tensor];
            if (modelInput.ElementCount != graph.Inputs[i].Tensor.ElementCount)
                throw new ModelImportException($"{options.ModelPath} input {i} takes {modelInput.ElementCount} values but {options.OnnxPath}'s '{graph.Inputs[i].OnnxName}' takes {graph.Inputs[i].Tensor.ElementCount}: not the same model");
        }
        var interpreter = options.Budget.CreateInterpreter(model);
        var engine = new DeviceEngine(interpreter);
        for (int o = 0; o < graph.Outputs.Count; o++)
            if (interpreter.OutputLength(o) != graph.Outputs[o].Tensor.ElementCount)
                throw new ModelImportException($"{options.ModelPath} has {interpreter.OutputLength(o)} values in output {o} but {options.OnnxPath}'s '{graph.Outputs[o].OnnxName}' has {graph.Outputs[o].Tensor.ElementCount}: not the same model");

        var tables = options.DataPaths.Select(p => (TableSource)TableReader.Open(p)).ToList();
        string? label = options.LabelColumn ?? (tables.Any(t => t.Has("label")) ? "label" : null);
        var labelTable = label is null ? null : tables.FirstOrDefault(t => t.Has(label)) ?? throw new DataFileException(tables[0].Name, $"has no label column '{label}'", column: label);
        var inputs = ModelInputColumns.Resolve(tables, ModelInputColumns.Of(graph), options.InputColumns ?? model.Metadata("input.columns"), label);
        string task = model.Metadata("task") ?? "vector";

        // A chunk of rows at a time through both engines: memory holds one chunk, whatever the rows.
        using var comparer = new OutputComparer(task, options.Threshold, input, labelled: label is not null);
        var others = graph.Outputs.Skip(1).Select(o => new OutputAgreement.Accumulator(o.OnnxName)).ToList();
        using var ort = new OnnxRuntimeModel(options.OnnxPath, graph.Inputs.Select(i => (i.OnnxName, i.OnnxShape)).ToList(), graph.Outputs.Select(o => o.OnnxName).ToList());
        using var reader = new JoinedInputRows(inputs, labelTable, label);
        // --per-layer runs op by op on a bounded sample: the first rows, up to this many.
        const int LayerRows = 4096;
        var layerRows = new List<float[]>();
        while (reader.Read() is { } batch)
        {
            var rows = batch.Rows;
            if (options.PerLayer && layerRows.Count < LayerRows) layerRows.AddRange(rows.Take(LayerRows - layerRows.Count));
            var reference = ort.Run(rows);
            foreach (var output in reference) FiniteReference.Require(output, string.Join(" + ", options.DataPaths), r => batch.FirstRow + r);
            var candidate = engine.RunAllOutputs(rows);
            comparer.Add(reference[0], candidate[0], batch.Labels, rows);
            for (int o = 0; o < others.Count; o++) others[o].Add(reference[o + 1], candidate[o + 1]);
        }
        var comparison = comparer.Result();
        return new VerificationReport(options.ModelPath, model.IdHex, options.OnnxPath, string.Join(" + ", options.DataPaths), comparison.Agreement.Rows, task, ModelInputColumns.Describe(inputs),
            comparison.Agreement, comparison.DecisionAgreement, comparison.DecisionMismatches, comparison.Threshold, comparison.Float is null ? null : label,
            comparison.Float, comparison.Int8, model.ArenaBytes, options.Budget.ToString())
        {
            Layers = options.PerLayer ? LayerComparison.Compare(engine, options.OnnxPath, graph.Inputs.Select(i => (i.OnnxName, i.OnnxShape)).ToList(), layerRows) : null,
            FirstOutput = graph.Outputs.Count > 1 ? graph.Outputs[0].OnnxName : null,
            OtherOutputs = others.Select(o => o.Result()).ToList(),
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
