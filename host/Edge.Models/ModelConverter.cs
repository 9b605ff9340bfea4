using Edge.Data;
using Edge.Device.Drift;
using Edge.Device.Model;
using Edge.Drift.Profiles;
using Edge.Models.Boards;
using Edge.Models.Format;
using Edge.Models.Import;
using Edge.Models.Quantization;
using Edge.Models.Reports;
using Edge.Models.Verification;

namespace Edge.Models;

/// <summary>What `edge model convert` is asked to do.</summary>
public sealed record ConvertOptions(string OnnxPath, string CalibrationPath, string OutputPath)
{
    /// <summary>Which columns fill the inputs: "f0..f63" for a one-input model, "features=f0..f63;windows=s0..s255" for several; null finds them by name.</summary>
    public string? InputColumns { get; init; }

    /// <summary>Further tables read side by side with <see cref="CalibrationPath"/> (row i of each is the same sample), for inputs whose columns live there.</summary>
    public IReadOnlyList<string> MoreCalibrationPaths { get; init; } = [];

    public string? LabelColumn { get; init; } = "label";

    public Calibration Calibration { get; init; } = Calibration.Mse;

    public bool BiasCorrection { get; init; } = true;

    public MemoryBudget Budget { get; init; } = MemoryBudget.None;

    /// <summary>An EDGP drift profile to carry in the model file, or null.</summary>
    public string? DriftProfilePath { get; init; }
}

/// <summary>The converted model: its bytes, the device's reading of them, and the report.</summary>
public sealed record ConversionResult(byte[] Bytes, EdgeModel Model, ConversionReport Report);

/// <summary>ONNX + calibration table in, checked .edgem bytes out: import, calibrate, correct, quantise, write, read back.</summary>
public static class ModelConverter
{
    public static ConversionResult Convert(ConvertOptions options)
    {
        var graph = OnnxImporter.Import(options.OnnxPath);
        var tables = options.MoreCalibrationPaths.Prepend(options.CalibrationPath).Select(TableReader.Read).ToList();
        var table = tables[0];
        string? label = options.LabelColumn is { } l && tables.Any(t => t.Has(l)) ? l : null;
        var inputs = ModelInputColumns.Resolve(tables, ModelInputColumns.Of(graph), options.InputColumns, label);
        var rows = ModelInputColumns.ReadAll(inputs);

        var ranges = TensorRanges.Calibrate(graph, rows);
        if (options.BiasCorrection) EmpiricalBiasCorrection.Apply(graph, ranges, rows, options.Calibration);
        var image = Quantizer.Quantize(graph, ranges, options.Calibration);
        string columnText = ModelInputColumns.Describe(inputs);
        image.Metadata.Add(("producer", "edge model convert"));
        image.Metadata.Add(("source", Path.GetFileName(options.OnnxPath)));
        image.Metadata.Add(("onnx.input", string.Join(",", graph.Inputs.Select(i => i.OnnxName))));
        image.Metadata.Add(("task", Task(graph)));
        // Work per inference, for cost models (the simulated board times inferences from these).
        image.Metadata.Add(("work.macs", graph.Macs.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        image.Metadata.Add(("work.splits", graph.Ops.OfType<Graph.TreeEnsembleOp>().Sum(t => t.MaxSplitsPerInference).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        image.Metadata.Add(("work.elements", graph.Ops.Sum(o => (long)o.Output.ElementCount).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (columnText.Length <= 255) image.Metadata.Add(("input.columns", columnText));
        image.Metadata.Add(("calibration", $"{string.Join(" + ", tables.Select(t => Path.GetFileName(t.Source)))}, {rows.Length} rows, {options.Calibration.ToString().ToLowerInvariant()}{(options.BiasCorrection ? ", bias corrected" : "")}"));
        if (options.DriftProfilePath is { } drift) image.DriftProfile = ReadDriftProfile(drift, table);
        if (graph.Outputs.Count > 1) image.Metadata.Add(("onnx.output", string.Join(",", graph.Outputs.Select(o => o.OnnxName))));

        var bytes = EdgeModelWriter.Write(image);
        var model = ModelReader.Read(bytes);   // the device's own reader checks what was written
        if (options.Budget.IsSet) options.Budget.CreateInterpreter(model, bytes.Length);
        var report = ConversionReport.Create(options.OnnxPath, options.OutputPath, graph, model, bytes.Length, columnText, rows.Length,
            $"{options.Calibration.ToString().ToLowerInvariant()} ranges{(options.BiasCorrection ? ", bias correction" : "")}", options.Budget);
        return new ConversionResult(bytes, model, report);
    }

    /// <summary>How verify reads the output: one score, class scores, or a reconstruction of the input.</summary>
    public static string Task(Graph.ModelGraph graph)
    {
        var output = graph.Outputs[0].Tensor;
        var last = graph.Ops.Last(o => o.Output == output);
        if (output.ElementCount == 1) return "score";
        if (last is Graph.SoftmaxOp || (last is Graph.TreeEnsembleOp tree && tree.SourceOps.Contains("Classifier"))) return "classes";
        if (graph.Inputs.Count == 1 && output.ElementCount == graph.Inputs[0].Tensor.ElementCount) return "reconstruction";
        return "vector";
    }

    /// <summary>
    /// The profile to embed, read and checked as the board will (magic, version, CRC-32, every
    /// field), and built for this data: every feature it monitors is a column of the calibration
    /// table. (Prediction columns are the model's own outputs.)
    /// </summary>
    private static byte[] ReadDriftProfile(string path, Table calibration)
    {
        var profile = ProfileFile.Read(path, out var bytes);
        var missing = profile.Columns.Where(c => c.Kind is ColumnKind.Numeric or ColumnKind.Categorical && !calibration.Has(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
            throw new DataFileException(path, $"monitors {missing.Count} column(s) the calibration data {calibration.Source} does not have " +
                $"({string.Join(", ", missing.Take(8))}{(missing.Count > 8 ? ", ..." : "")}): it was built for other data; build it from this table with `edge drift profile`");
        return bytes;
    }
}
