using System.CommandLine;
using Edge.Common.Files;
using Edge.Models;
using Edge.Models.Quantization;

namespace Edge.Cli.Commands.Model;

/// <summary>`edge model convert`: ONNX + calibration data -> int8 .edgem, with a report.</summary>
public static class ConvertCommand
{
    public static Command Create()
    {
        var onnx = new Argument<string>("model.onnx") { Description = "The float model as exported by PyTorch, scikit-learn (skl2onnx) or another ONNX exporter." };
        var calib = new Option<string[]>("--calib") { Description = "Calibration data (CSV or Parquet): rows like the ones the board will see. Repeat it for a model whose inputs come from several tables read side by side (row i of each is the same sample).", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the .edgem file.", Required = true };
        var columns = new Option<string[]>("--input-columns", "-i") { Description = "Table columns that fill the input, in order: names and ranges, e.g. 'f0..f63' or 's0..s255'; for a model with several inputs one INPUT=COLUMNS per input, e.g. -i features=f0..f63 -i windows=s0..s255. Default: per input, the one family of numbered columns (f0, f1, ...) with as many columns as the input has values." };
        var label = new Option<string>("--label") { Description = "Label column to leave out of the default input columns.", DefaultValueFactory = _ => "label" };
        var calibration = new Option<Calibration>("--calibration") { Description = "How activation ranges are chosen: Mse (clip where the int8 round trip loses least) or MinMax.", DefaultValueFactory = _ => Calibration.Mse };
        var noBias = new Option<bool>("--no-bias-correction") { Description = "Skip the empirical bias correction (measured per layer on the device engine)." };
        var drift = new Option<string?>("--drift-profile") { Description = "An EDGP drift profile (from `edge drift profile`, built on the same data) to carry inside the model file; read and checked as the board will." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var budget = new BudgetOptions();
        var command = new Command("convert", """
            Convert an ONNX model to an int8 .edgem file for the board: calibrate activation ranges on
            the data, quantise (int8 per-channel weights, TFLM double-rounding requantisation), fold
            Sub/Div/Mul/Add on constants and BatchNormalization into neighbours, and print ops,
            parameters, MACs, arena and model bytes. An ONNX node edge cannot convert is named.

            Examples:
              edge model convert flux_mlp.onnx --calib train_164V.features.csv -o flux_mlp.edgem
              edge model convert flux_cnn1d.onnx --calib train_164V.windows.csv -i s0..s255 -o flux_cnn1d.edgem --board nucleo-f746zg
              edge model convert flux_mlp.onnx --calib train_164V.features.csv --drift-profile motor.edgp -o flux_mlp.edgem
              edge model convert twobranch3.onnx --calib train_164V.features.csv --calib train_164V.windows.csv -i features=f0..f63 -i windows=s0..s255 -o twobranch3.edgem
            """)
        {
            onnx,
        };
        foreach (var option in new Option[] { calib, output, columns, label, calibration, noBias, drift, json }) command.Options.Add(option);
        budget.AddTo(command);
        command.SetHandler((result, io) =>
        {
            var options = new ConvertOptions(result.GetValue(onnx)!, result.GetValue(calib)![0], result.GetValue(output)!)
            {
                MoreCalibrationPaths = result.GetValue(calib)![1..],
                InputColumns = result.GetValue(columns) is { Length: > 0 } specs ? string.Join(";", specs) : null,
                LabelColumn = result.GetValue(label),
                Calibration = result.GetValue(calibration),
                BiasCorrection = !result.GetValue(noBias),
                Budget = budget.Read(result),
                DriftProfilePath = result.GetValue(drift),
            };
            var converted = ModelConverter.Convert(options);
            AtomicFile.Write(options.OutputPath, converted.Bytes);
            if (result.GetValue(json)) io.Out.WriteLine(converted.Report.ToJson());
            else converted.Report.WriteText(io.Out);
            return ExitCode.Ok;
        });
        return command;
    }
}
