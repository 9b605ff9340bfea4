using System.Text.Json;
using Edge.Data;
using Edge.Device.Codec;
using Edge.Device.Model;
using Edge.Hil.Plan;
using Edge.Hil.Storage;
using Edge.Models;
using Edge.Models.Import;
using Edge.Models.Verification;

namespace Edge.Hil.Inputs;

/// <summary>
/// Makes each model ready once per run: converts its ONNX file with <see cref="ModelConverter"/>
/// (calibrated on its `--calib` table; kept in the run's models/ folder and reused while the ONNX
/// file and table are unchanged), picks its data table, takes the accuracy rows evenly over the
/// table, and runs ONNX Runtime on them.
/// </summary>
public sealed class ModelPreparer(DataCatalog data, DataCatalog calibration, string modelsFolder, MeasurementPlan plan, FileHashes hashes)
{
    public PreparedModel Prepare(ModelSource source)
    {
        var graph = OnnxImporter.Import(source.OnnxPath);
        var input = graph.Inputs[0];
        int inputs = input.Tensor.ElementCount;
        string onnxSha = hashes.Of(source.OnnxPath);
        var (edgem, edgemPath, provenance) = source.EdgemPath is { } given
            ? (ReadGiven(given), given, "given")
            : Convert(source, inputs, onnxSha);
        var model = ModelReader.Read(edgem);
        if (model.Tensors[model.Inputs[0].Tensor].ElementCount != inputs)
            throw new HilInputException($"{edgemPath} takes {model.Tensors[model.Inputs[0].Tensor].ElementCount} input values but {source.OnnxPath} takes {inputs}: not the same model");
        if (model.Tensors[model.Outputs[0]].ElementCount != graph.Outputs[0].Tensor.ElementCount)
            throw new HilInputException($"{edgemPath} and {source.OnnxPath} have different output sizes: not the same model");

        var choice = data.For(source.Name, inputs, model.Metadata("input.columns"));
        var table = TableReader.Read(choice.Path);
        var all = InputMapping.Rows(table, InputMapping.Expand(choice.Columns));
        var picked = Spread(table.RowCount, plan.AccuracyRows);
        var rows = picked.Select(i => all[i]).ToArray();
        double[]? labelColumn = table.Has("label") ? table.Numbers("label") : null;
        double[]? labels = labelColumn is null ? null : picked.Select(i => labelColumn[i]).ToArray();
        using var ort = new OnnxRuntimeModel(source.OnnxPath, input.OnnxName, input.OnnxShape, [graph.Outputs[0].OnnxName]);
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
            Reference = ort.Run(rows)[0],
            Input = input,
        };
    }

    /// <summary><paramref name="count"/> row indices spread evenly over the table (all rows when it has fewer).</summary>
    public static int[] Spread(int rowCount, int count)
    {
        int n = Math.Min(rowCount, count);
        return Enumerable.Range(0, n).Select(i => (int)((long)i * rowCount / n)).ToArray();
    }

    private static byte[] ReadGiven(string path)
    {
        try
        {
            var bytes = File.ReadAllBytes(path);
            ModelReader.Read(bytes);
            return bytes;
        }
        catch (EdgeFormatException e)
        {
            throw new HilInputException($"{path}: not a valid Edge model: {e.Message}", e);
        }
    }

    private (byte[] Bytes, string Path, string Provenance) Convert(ModelSource source, int inputs, string onnxSha)
    {
        var calib = calibration.For(source.Name, inputs, null);
        string calibSha = hashes.Of(calib.Path);
        string output = Path.Combine(modelsFolder, source.Name + ".edgem");
        string record = Path.Combine(modelsFolder, source.Name + ".source.json");
        var wanted = new ConversionRecord(onnxSha, calibSha, calib.Columns, "");
        string provenance = $"converted, calibrated on {Path.GetFileName(calib.Path)} ({calib.Columns})";
        if (File.Exists(output) && File.Exists(record) && ReadRecord(record) is { } known && known with { EdgemSha256 = "" } == wanted)
        {
            var cached = File.ReadAllBytes(output);
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
            return JsonSerializer.Deserialize<ConversionRecord>(File.ReadAllBytes(path));
        }
        catch (JsonException)
        {
            return null; // converted again
        }
    }

    /// <summary>What a cached conversion was made from.</summary>
    private sealed record ConversionRecord(string OnnxSha256, string CalibrationSha256, string Columns, string EdgemSha256);
}
