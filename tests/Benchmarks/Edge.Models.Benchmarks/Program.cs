using System.Diagnostics;
using System.Reflection;
using Edge.Data;
using Edge.Device.Model;
using Edge.Models;
using Edge.Models.Import;
using Edge.Models.Verification;

// Converts each motor-flux model on train_164V, then times one inference at a time on test_164V
// rows: the int8 device engine (set input, invoke, read output) and ONNX Runtime's float session
// (one row per Run, single thread). Median of 15 rounds after a warm-up; figures for this machine.
string samples = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Samples").Value!;
string scratch = Directory.CreateTempSubdirectory("edge-bench-").FullName;
Console.WriteLine($"| model | ops | MACs | arena B | model file B | int8 engine ns/inference | ONNX Runtime float ns/inference |");
Console.WriteLine($"|---|---:|---:|---:|---:|---:|---:|");
foreach (var (name, kind) in new[] { ("flux_mlp", "features"), ("flux_cnn1d", "windows"), ("flux_iforest", "features"), ("flux_autoencoder", "features") })
{
    string onnx = Path.Combine(samples, $"{name}.onnx");
    var converted = ModelConverter.Convert(new ConvertOptions(onnx, Path.Combine(samples, $"train_164V.{kind}.csv"), Path.Combine(scratch, $"{name}.edgem")));
    var graph = OnnxImporter.Import(onnx);
    var table = TableReader.Read(Path.Combine(samples, $"test_164V.{kind}.csv"));
    var rows = InputMapping.Rows(table, InputMapping.Expand(converted.Model.Metadata("input.columns")!)).Take(500).ToArray();

    var engine = new DeviceEngine(converted.Model);
    double int8 = Time(rows, row => engine.Run(row));
    using var ort = new OnnxRuntimeModel(onnx, graph.Inputs[0].OnnxName, graph.Inputs[0].OnnxShape, [graph.Outputs[0].OnnxName]);
    double reference = Time(rows, row => ort.RunOne(row));
    Console.WriteLine($"| {name} | {converted.Model.Operations.Length} | {converted.Report.Macs:N0} | {converted.Model.ArenaBytes:N0} | {converted.Bytes.Length:N0} | {int8:N0} | {reference:N0} |");
}
Directory.Delete(scratch, recursive: true);

static double Time(float[][] rows, Action<float[]> infer)
{
    for (int i = 0; i < 2 * rows.Length; i++) infer(rows[i % rows.Length]);
    var rounds = new List<double>();
    for (int round = 0; round < 15; round++)
    {
        var watch = Stopwatch.StartNew();
        foreach (var row in rows) infer(row);
        rounds.Add(watch.Elapsed.TotalNanoseconds / rows.Length);
    }
    rounds.Sort();
    return rounds[rounds.Count / 2];
}
