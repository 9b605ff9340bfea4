using System.CommandLine;
using Edge.Models.Import;
using Edge.Models.Reports;

namespace Edge.Cli.Commands.Model;

/// <summary>`edge model inspect`: what an .edgem file holds.</summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var model = new Argument<string>("model") { Description = "The .edgem file to show, or with --onnx the ONNX model to check." };
        var onnx = new Option<bool>("--onnx") { Description = "Check an ONNX model before converting it: every node with 'ok' (and the board ops it becomes), 'folded', or why it does not convert." };
        var json = new Option<bool>("--json") { Description = "Print as JSON." };
        var board = new Option<string?>("--board") { Description = "Estimate for this board only (nucleo-f746zg, nucleo-f401re, nucleo-f091rc or its nanoFramework target); default: every known board." };
        var command = new Command("inspect", """
            Show an .edgem file: version, model id and checksum, sections, metadata, the graph's
            operations with their kernel parameters, per layer the MACs, parameter bytes and arena
            bytes live (with totals, and the arena as nanoCLR's heap holds it), and every tensor's shape, quantisation
            (scale, zero point) and arena place. Per board: whether it fits the managed heap, and
            the inference time with the firmware's managed kernels and with the native kernel
            library, each from instruction counts measured under QEMU and a stated CPI band
            (estimates: no board has been timed). With --onnx, check an ONNX model instead, before
            anything is written: each node is 'ok', 'folded' (computed at conversion or merged
            into a neighbour), 'unsupported' (with the attribute or shape at fault and what is
            supported) or 'not checked' (it reads a node that does not convert). Exits 3 when
            the model does not convert; a model that converts also gets the per-layer table, from a
            conversion on synthetic ranges (nothing written).

            Examples:
              edge model inspect flux_mlp.edgem
              edge model inspect flux_mlp.edgem --board nucleo-f746zg
              edge model inspect flux_mlp.edgem --json
              edge model inspect flux_cnn1d.onnx --onnx
            """)
        {
            model,
            onnx,
            json,
            board,
        };
        command.SetHandler((result, io) =>
        {
            if (result.GetValue(onnx))
            {
                var check = OnnxImporter.Check(result.GetValue(model)!);
                // Per-layer MACs, parameter and arena bytes of what it would become (nothing is written).
                if (check.Converts) check = check with { Layers = LayerCosts.Estimate(check.Path) };
                if (result.GetValue(json)) io.Out.WriteLine(ReportJson.Serialize(check));
                else
                {
                    OnnxCheckText.Write(check, io.Out);
                    if (check.Layers is { } layers)
                    {
                        io.Out.WriteLine();
                        layers.WriteText(io.Out);
                    }
                }
                return check.Converts ? ExitCode.Ok : io.Fail(ExitCode.InvalidInput, $"{check.Path} does not convert: {OnnxCheckText.Reason(check)}");
            }
            var inspection = ModelInspection.Inspect(result.GetValue(model)!, result.GetValue(board));
            if (result.GetValue(json)) io.Out.WriteLine(inspection.ToJson());
            else inspection.WriteText(io.Out);
            // Shown above; a board would refuse this file.
            if (inspection.DriftProfileProblem is { } problem) return io.Fail(ExitCode.InvalidInput, $"{inspection.Path}: its embedded drift profile cannot be read: {problem}");
            return ExitCode.Ok;
        });
        return command;
    }
}
