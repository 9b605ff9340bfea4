using System.Text.Json;
using Edge.Data;
using Edge.Device.Codec;
using Edge.Device.Model;
using Edge.Hil.Plan;
using Edge.Common.Files;
using Edge.Models;
using Edge.Models.Format;
using Edge.Models.Import;
using Edge.Models.Verification;

namespace Edge.Hil.Inputs;

/// <summary>
/// Makes each model ready once per run: converts its ONNX file with <see cref="ModelConverter"/>
/// (calibrated on its `--calib` table; kept in the run's models/ folder and reused while the ONNX
/// file and table are unchanged), picks its data table, takes the accuracy rows evenly over the
/// table, and runs ONNX Runtime on them.
/// </summary>
public sealed class ModelPreparer(DataCatalog data, DataCatalog calibration, string modelsFolder, MeasurementPlan measurement, FileHashes hashes)
{
    /// <summary>
    /// Finds the model's tables (cheap: the ONNX graph and table headers): the calibration table
    /// for an ONNX model, the data table holding the columns it will record, or those an .edgem
    /// recorded. Throws <see cref="HilInputException"/> when a table is missing or ambiguous.
    /// </summary>
    public ModelPlan Plan(ModelSource source)
    {
        var graph = OnnxImporter.Import(source.OnnxPath);
        // The bench feeds each model from one table as one vector; a model with several inputs would
        // be fed its first one only, so it is refused here (its cells fail with this reason).
        if (graph.Inputs.Count != 1)
            throw new ModelImportException($"{source.OnnxPath} has {graph.Inputs.Count} inputs ({string.Join(", ", graph.Inputs.Select(i => i.OnnxName))}): " +
                "the bench measures models with one input; check this one on the host with `edge model verify`, which reads every input");
        int inputs = graph.Inputs[0].Tensor.ElementCount;
        if (source.EdgemPath is { } given)
            return new ModelPlan(source, graph, data.For(source.Name, inputs, ReadGiven(given).Model.Metadata("input.columns")), null);
        var calib = calibration.For(source.Name, inputs, null);
        return new ModelPlan(source, graph, data.For(source.Name, inputs, calib.Columns), calib);
    }

    /// <summary>Converts (or reads) the model, takes its accuracy rows and runs ONNX Runtime on them.</summary>
    public PreparedModel Prepare(ModelPlan plan)
    {
        var source = plan.Source;
        var input = plan.Input;
        int inputs = input.Tensor.ElementCount;
        string onnxSha = hashes.Of(source.OnnxPath);
        var (edgem, edgemPath, provenance) = source.EdgemPath is { } given
            ? (ReadGiven(given).Bytes, given, "given")
            : Convert(source, plan.Calibration!, onnxSha);
        var model = ModelReader.Read(edgem);
        if (model.Tensors[model.Inputs[0].Tensor].ElementCount != inputs)
            throw new HilInputException($"{edgemPath} takes {model.Tensors[model.Inputs[0].Tensor].ElementCount} input values but {source.OnnxPath} takes {inputs}: not the same model");
        if (model.Tensors[model.Outputs[0]].ElementCount != plan.Graph.Outputs[0].Tensor.ElementCount)
            throw new HilInputException($"{edgemPath} and {source.OnnxPath} have different output sizes: not the same model");

        var choice = plan.Data;
        var table = TableReader.Read(choice.Path);
        var all = InputMapping.Rows(table, InputMapping.Expand(choice.Columns));
        var picked = Spread(table.RowCount, measurement.AccuracyRows);
        var rows = picked.Select(i => all[i]).ToArray();
        double[]? labelColumn = table.Has("label") ? table.Numbers("label") : null;
        double[]? labels = labelColumn is null ? null : picked.Select(i => labelColumn[i]).ToArray();
        using var ort = new OnnxRuntimeModel(source.OnnxPath, input.OnnxName, input.OnnxShape, [plan.Graph.Outputs[0].OnnxName]);
        var reference = ort.Run(rows)[0];
        FiniteReference.Require(reference, choice.Path, r => picked[r] + 1);
        return new PreparedModel
        {
            Source = source,
            OnnxSha256 = onnxSha,
            Edgem = edgem,
            EdgemSha256 = FileHashes.Of(edgem),
            EdgemPath = edgemPath,
            Model = model,
            Provenance = provenance,
            Data = choice,
            DataSha256 = hashes.Of(choice.Path),
            Rows = rows,
            Labels = labels,
            Reference = reference,
            Input = input,
        };
    }

    /// <summary><paramref name="count"/> row indices spread evenly over the table (all rows when it has fewer).</summary>
    public static int[] Spread(int rowCount, int count)
    {
        int n = Math.Min(rowCount, count);
        return Enumerable.Range(0, n).Select(i => (int)((long)i * rowCount / n)).ToArray();
    }

    private static (byte[] Bytes, EdgeModel Model) ReadGiven(string path)
    {
        try
        {
            var model = ModelFile.Read(path, out var bytes);
            return (bytes, model);
        }
        catch (EdgeFormatException e)
        {
            throw new HilInputException($"{path}: not a valid Edge model: {e.Message}", e);
        }
    }

    private (byte[] Bytes, string Path, string Provenance) Convert(ModelSource source, DataChoice calib, string onnxSha)
    {
        string calibSha = hashes.Of(calib.Path);
        string output = Path.Combine(modelsFolder, source.Name + ".edgem");
        string record = Path.Combine(modelsFolder, source.Name + ".source.json");
        var wanted = new ConversionRecord(onnxSha, calibSha, calib.Columns, "");
        string provenance = $"converted, calibrated on {Path.GetFileName(calib.Path)} ({calib.Columns})";
        if (File.Exists(output) && File.Exists(record) && ReadRecord(record) is { } known && known with { EdgemSha256 = "" } == wanted)
        {
            var cached = InputFile.ReadAllBytes(output, ModelFile.MaxBytes, "a model file (.edgem)");
            if (FileHashes.Of(cached) == known.EdgemSha256) return (cached, output, provenance);
        }
        var converted = ModelConverter.Convert(new ConvertOptions(source.OnnxPath, calib.Path, output) { InputColumns = calib.Columns });
        AtomicFile.Write(output, converted.Bytes);
        AtomicFile.Write(record, JsonSerializer.SerializeToUtf8Bytes(wanted with { EdgemSha256 = FileHashes.Of(converted.Bytes) }));
        return (converted.Bytes, output, provenance);
    }

    private static ConversionRecord? ReadRecord(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ConversionRecord>(InputFile.ReadAllBytes(path, 1 << 20, "a conversion record"));
        }
        catch (Exception e) when (e is JsonException or InputFileException)
        {
            return null; // converted again
        }
    }

    /// <summary>What a cached conversion was made from.</summary>
    private sealed record ConversionRecord(string OnnxSha256, string CalibrationSha256, string Columns, string EdgemSha256);
}
