using Edge.Data;
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
/// Runs ONNX Runtime (float) and the device engine (int8, the board's own code) on every row and
/// compares them with each other and, where labels are given, with the labels.
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

        var table = TableReader.Read(options.DataPath);
        string? label = options.LabelColumn ?? (table.Has("label") ? "label" : null);
        if (label is not null) table.Column(label);
        var columns = InputMapping.Resolve(table, options.InputColumns ?? model.Metadata("input.columns"), input.Tensor.ElementCount, label);
        var rows = InputMapping.Rows(table, columns);

        using var ort = new OnnxRuntimeModel(options.OnnxPath, input.OnnxName, input.OnnxShape, [graph.Outputs[0].OnnxName]);
        var reference = ort.Run(rows)[0];
        FiniteReference.Require(reference, options.DataPath, r => r + 1);
        var candidate = engine.RunAll(rows);

        string task = model.Metadata("task") ?? "vector";
        double[]? labelValues = label is null ? null : table.Numbers(label);
        var comparison = Compare(task, reference, candidate, labelValues, options.Threshold, input, rows);
        return new VerificationReport(options.ModelPath, model.IdHex, options.OnnxPath, options.DataPath, rows.Length, task, InputMapping.Describe(columns),
            comparison.Agreement, comparison.DecisionAgreement, comparison.DecisionMismatches, comparison.Threshold, comparison.Float is null ? null : label,
            comparison.Float, comparison.Int8, model.ArenaBytes, options.Budget.ToString())
        {
            Layers = options.PerLayer ? LayerComparison.Compare(engine, options.OnnxPath, input.OnnxName, input.OnnxShape, rows) : null,
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
        var agreement = AgreementMetrics.Compute(reference, candidate);
        bool[]? labels = labelValues?.Select(v => v == 1).ToArray();
        double? decisionAgreement = null, usedThreshold = null;
        int? mismatches = null;
        TaskScores? floatScores = null, int8Scores = null;
        switch (task)
        {
            case "score":
                usedThreshold = threshold;
                var fs = reference.Select(r => (double)r[0]).ToArray();
                var qs = candidate.Select(r => (double)r[0]).ToArray();
                mismatches = fs.Zip(qs).Count(p => p.First >= threshold != p.Second >= threshold);
                if (labels is not null)
                {
                    floatScores = new TaskScores(TaskMetrics.F1(fs.Select(s => s >= threshold).ToList(), labels), Auc(fs, labels), null);
                    int8Scores = new TaskScores(TaskMetrics.F1(qs.Select(s => s >= threshold).ToList(), labels), Auc(qs, labels), null);
                }
                break;
            case "classes":
                var fc = reference.Select(ArgMax).ToArray();
                var qc = candidate.Select(ArgMax).ToArray();
                mismatches = fc.Zip(qc).Count(p => p.First != p.Second);
                if (labelValues is not null)
                {
                    floatScores = new TaskScores(null, null, fc.Zip(labelValues).Count(p => p.First == p.Second) / (double)reference.Count);
                    int8Scores = new TaskScores(null, null, qc.Zip(labelValues).Count(p => p.First == p.Second) / (double)reference.Count);
                }
                break;
            case "reconstruction" when labels is not null:
                // Anomaly score: mean squared distance between the reconstruction and the model's own normalised input.
                var targets = rows.Select(input.Apply).ToArray();
                floatScores = new TaskScores(null, Auc(Errors(reference, targets), labels), null);
                int8Scores = new TaskScores(null, Auc(Errors(candidate, targets), labels), null);
                break;
        }
        if (mismatches is { } m) decisionAgreement = 1 - m / (double)reference.Count;
        return new OutputComparison(agreement, decisionAgreement, mismatches, usedThreshold, floatScores, int8Scores);
    }

    private static double? Auc(double[] scores, bool[] labels) => TaskMetrics.Auc(scores, labels) is var auc && double.IsNaN(auc) ? null : auc;

    private static int ArgMax(float[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    private static double[] Errors(IReadOnlyList<float[]> outputs, float[][] targets) =>
        outputs.Select((o, r) => o.Select((v, i) => (double)(v - targets[r][i]) * (v - targets[r][i])).Average()).ToArray();
}
