using Edge.Data;
using Edge.Device.Model;
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
    public string? InputColumns { get; init; }

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
    public const string DriftProfileMagic = "EDGP";

    public static ConversionResult Convert(ConvertOptions options)
    {
        var graph = OnnxImporter.Import(options.OnnxPath);
        var input = graph.Inputs[0];
        var table = TableReader.Read(options.CalibrationPath);
        string? label = options.LabelColumn is { } l && table.Has(l) ? l : null;
        var columns = InputMapping.Resolve(table, options.InputColumns, input.Tensor.ElementCount, label);
        var rows = InputMapping.Rows(table, columns);

        var ranges = TensorRanges.Calibrate(graph, rows);
        if (options.BiasCorrection) EmpiricalBiasCorrection.Apply(graph, ranges, rows, options.Calibration);
        var image = Quantizer.Quantize(graph, ranges, options.Calibration);
        string columnText = InputMapping.Describe(columns);
        image.Metadata.Add(("producer", "edge model convert"));
        image.Metadata.Add(("source", Path.GetFileName(options.OnnxPath)));
        image.Metadata.Add(("onnx.input", input.OnnxName));
        image.Metadata.Add(("task", Task(graph)));
        // Work per inference, for cost models (the simulated board times inferences from these).
        image.Metadata.Add(("work.macs", graph.Macs.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        image.Metadata.Add(("work.splits", graph.Ops.OfType<Graph.TreeEnsembleOp>().Sum(t => t.MaxSplitsPerInference).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        image.Metadata.Add(("work.elements", graph.Ops.Sum(o => (long)o.Output.ElementCount).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (columnText.Length <= 255) image.Metadata.Add(("input.columns", columnText));
        image.Metadata.Add(("calibration", $"{Path.GetFileName(options.CalibrationPath)}, {rows.Length} rows, {options.Calibration.ToString().ToLowerInvariant()}{(options.BiasCorrection ? ", bias corrected" : "")}"));
        if (options.DriftProfilePath is { } drift) image.DriftProfile = ReadDriftProfile(drift);

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
        if (output.ElementCount == graph.Inputs[0].Tensor.ElementCount) return "reconstruction";
        return "vector";
    }

    private static byte[] ReadDriftProfile(string path)
    {
        if (!File.Exists(path)) throw new DataFileException(path, "file not found");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 4 || System.Text.Encoding.ASCII.GetString(bytes, 0, 4) != DriftProfileMagic)
            throw new DataFileException(path, $"not a drift profile (no {DriftProfileMagic} magic); build one with `edge drift profile`");
        return bytes;
    }
}
