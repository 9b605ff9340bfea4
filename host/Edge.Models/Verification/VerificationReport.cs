namespace Edge.Models.Verification;

/// <summary>Task metrics of one engine against the labels; null where they do not apply.</summary>
public sealed record TaskScores(double? F1, double? Auc, double? Accuracy);

/// <summary>What `edge model verify` reports (text, or JSON with --json).</summary>
public sealed record VerificationReport(
    string Model,
    string ModelId,
    string Onnx,
    string Data,
    int Rows,
    string Task,
    string InputColumns,
    AgreementMetrics Agreement,
    double? DecisionAgreement,
    int? DecisionMismatches,
    double? Threshold,
    string? LabelColumn,
    TaskScores? Float,
    TaskScores? Int8,
    int ArenaBytes,
    string Budget)
{
    /// <summary>With --per-layer: every board op's output against ONNX Runtime's value of the same name.</summary>
    public IReadOnlyList<LayerError>? Layers { get; init; }

    /// <summary>With several outputs: the first one's name (what the agreement and task lines describe).</summary>
    public string? FirstOutput { get; init; }

    /// <summary>Every output after the first against ONNX Runtime.</summary>
    public IReadOnlyList<OutputAgreement> OtherOutputs { get; init; } = [];

    public string ToJson() => Reports.ReportJson.Serialize(this);

    public void WriteText(TextWriter w)
    {
        w.WriteLine($"{Model} (id {ModelId}) against ONNX Runtime on {Onnx}");
        w.WriteLine($"data          {Data}: {Rows:N0} rows, columns {InputColumns}");
        w.WriteLine($"task          {Task}");
        w.WriteLine();
        w.WriteLine(FirstOutput is null ? "int8 engine vs float (all outputs, all rows)" : $"int8 engine vs float (output '{FirstOutput}', all rows)");
        w.WriteLine($"  max |error|       {Agreement.MaxAbsError:G4}");
        w.WriteLine($"  RMSE              {Agreement.Rmse:G4}");
        w.WriteLine($"  L2 relative error {Agreement.L2RelativeError:G4}");
        w.WriteLine($"  cosine            {Agreement.Cosine:F5}" + (Task == "score" ? "" : $" (lowest row {Agreement.MinRowCosine:F4})"));
        if (DecisionAgreement is { } agreement)
            w.WriteLine($"  decisions         {agreement:P2} agree ({DecisionMismatches} of {Rows:N0} rows differ{(Threshold is { } t ? $", threshold {t:G4}" : "")})");
        foreach (var o in OtherOutputs)
            w.WriteLine($"  output '{o.Name}'{new string(' ', Math.Max(1, 10 - o.Name.Length))}{o.RowsEqual:P2} of rows equal, max |error| {o.MaxAbsError:G4}");
        if (Float is not null && Int8 is not null)
        {
            w.WriteLine();
            w.WriteLine($"against labels ('{LabelColumn}')");
            var table = new Reports.TextTable("metric", "float (ONNX Runtime)", "int8 (device engine)", "difference");
            Row(table, Task == "classes" ? "macro-F1" : "F1", Float.F1, Int8.F1);
            Row(table, "AUC", Float.Auc, Int8.Auc);
            Row(table, "accuracy", Float.Accuracy, Int8.Accuracy);
            table.Write(w);
        }
        if (Layers is { } layers)
        {
            w.WriteLine();
            w.WriteLine("per layer (int8 engine after each op vs ONNX Runtime's value of the same name, all rows)");
            var table = new Reports.TextTable("#", "op", "node", "tensor", "values", "max |error|", "RMSE", "L2 relative", "cosine");
            var c = System.Globalization.CultureInfo.InvariantCulture;
            foreach (var l in layers)
            {
                if (l.Agreement is { } a)
                    table.Add(l.Index.ToString(c), l.Kind, l.Op, l.Tensor, l.Elements.ToString(c), a.MaxAbsError.ToString("G4", c), a.Rmse.ToString("G4", c), a.L2RelativeError.ToString("G4", c), a.Cosine.ToString("F5", c));
                else
                    table.Add(l.Index.ToString(c), l.Kind, l.Op, l.Tensor, l.Elements.ToString(c), "-", "-", "-", "no ONNX value of this name");
            }
            table.Write(w);
        }
        w.WriteLine();
        w.WriteLine($"arena         {ArenaBytes:N0} bytes; budget {Budget}");
    }

    private static void Row(Reports.TextTable table, string name, double? a, double? b)
    {
        if (a is null || b is null) return;
        table.Add(name, a.Value.ToString("F4", System.Globalization.CultureInfo.InvariantCulture), b.Value.ToString("F4", System.Globalization.CultureInfo.InvariantCulture), (b.Value - a.Value).ToString("+0.0000;-0.0000;0.0000", System.Globalization.CultureInfo.InvariantCulture));
    }
}
