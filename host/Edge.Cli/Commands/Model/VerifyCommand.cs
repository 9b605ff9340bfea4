using System.CommandLine;
using Edge.Cli.Grammar;
using Edge.Models.Verification;

namespace Edge.Cli.Commands.Model;

/// <summary>`edge model verify`: the int8 engine against ONNX Runtime (and labels) on every row.</summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model.edgem") { Description = "The converted model." };
        var onnx = new Option<string>("--onnx") { Description = "The float ONNX model it was converted from.", Required = true };
        var data = new Option<string[]>("--data", "-d") { Description = "Rows to compare on (CSV or Parquet). Repeat it for a model whose inputs come from several tables read side by side.", Required = true };
        var label = new Option<string?>("--label") { Description = "Label column (1 = positive) for F1/AUC/accuracy. Default: 'label' when the table has it." };
        var columns = new Option<string[]>("--input-columns", "-i") { Description = "Input columns, as for convert (INPUT=COLUMNS per input for several inputs). Default: the columns recorded at conversion." };
        var threshold = new Option<double>("--threshold") { Description = "Decision threshold for single-score models (positive when score >= threshold).", DefaultValueFactory = _ => 0.5 }.Unbounded("any number: a score threshold");
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var perLayer = new Option<bool>("--per-layer") { Description = "Also compare every board op's output with ONNX Runtime's intermediate value of the same name (on the first 4,096 rows)." };
        var budget = new BudgetOptions();
        var command = new Command("verify", """
            Run ONNX Runtime (float) and the int8 device engine (the board's own code) on every row and
            report how closely they agree: max |error|, RMSE, L2 relative error, cosine similarity,
            decision agreement, and F1/AUC (or accuracy) of both against the labels.

            Examples:
              edge model verify flux_mlp.edgem --onnx flux_mlp.onnx --data test_164V.features.csv
              edge model verify flux_cnn1d.edgem --onnx flux_cnn1d.onnx -d test_164V.windows.csv --label label --json
              edge model verify flux_cnn1d.edgem --onnx flux_cnn1d.onnx -d test_164V.windows.csv --per-layer
              edge model verify twobranch3.edgem --onnx twobranch3.onnx -d test_164V.features.csv -d test_164V.windows.csv
            """)
        {
            model,
        };
        foreach (var option in new Option[] { onnx, data, label, columns, threshold, perLayer, json }) command.Options.Add(option);
        budget.AddTo(command);
        command.SetHandler((result, io) =>
        {
            var report = ModelVerifier.Verify(new VerifyOptions(result.GetValue(model)!, result.GetValue(onnx)!, result.GetValue(data)![0])
            {
                LabelColumn = result.GetValue(label),
                MoreDataPaths = result.GetValue(data)![1..],
                InputColumns = result.GetValue(columns) is { Length: > 0 } specs ? string.Join(";", specs) : null,
                Threshold = result.GetValue(threshold),
                Budget = budget.Read(result),
                PerLayer = result.GetValue(perLayer),
            });
            if (result.GetValue(json)) io.Out.WriteLine(report.ToJson());
            else report.WriteText(io.Out);
            return ExitCode.Ok;
        });
        return command;
    }
}
